package dev.customergraph.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Whether an address is on the public internet: not unspecified, loopback, private,
 * shared (carrier NAT), link-local, multicast, reserved or documentation, by IANA's
 * special-purpose registries. An IPv6 address that carries an IPv4 one (IPv4-mapped,
 * NAT64, 6to4) is judged by the IPv4 address it reaches.
 */
final class PublicAddress {

	/** IPv4 ranges that are not public: address, prefix length. */
	private static final int[][] IPV4_NOT_PUBLIC = { { 0x00000000, 8 }, { 0x0A000000, 8 }, { 0x64400000, 10 },
			{ 0x7F000000, 8 }, { 0xA9FE0000, 16 }, { 0xAC100000, 12 }, { 0xC0000000, 24 }, { 0xC0000200, 24 },
			{ 0xC0586300, 24 }, { 0xC0A80000, 16 }, { 0xC6120000, 15 }, { 0xC6336400, 24 }, { 0xCB007100, 24 },
			{ 0xE0000000, 4 }, { 0xF0000000, 4 } };

	private PublicAddress() {
	}

	static boolean isPublic(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length == 4) {
			int value = ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8)
					| (bytes[3] & 0xFF);
			return Arrays.stream(IPV4_NOT_PUBLIC).noneMatch((range) -> inRange(value, range[0], range[1]));
		}
		int first = ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
		if (isZero(bytes, 0, 10) && bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF) {
			// IPv4-mapped ::ffff:a.b.c.d
			return isPublic(ipv4(bytes, 12));
		}
		if (first == 0x0064 && bytes[2] == (byte) 0xFF && bytes[3] == (byte) 0x9B) {
			// NAT64: 64:ff9b::/96 well-known, 64:ff9b:1::/48 local use
			return isZero(bytes, 4, 12) && isPublic(ipv4(bytes, 12));
		}
		if (first == 0x2002) {
			// 6to4 relays to the IPv4 address in bits 16..47
			return isPublic(ipv4(bytes, 2));
		}
		boolean globalUnicast = (first & 0xE000) == 0x2000;
		boolean protocolAssignments = (first == 0x2001) && (bytes[2] & 0xFE) == 0;
		boolean documentation = first == 0x2001 && bytes[2] == 0x0D && bytes[3] == (byte) 0xB8;
		// Outside 2000::/3 lie loopback, unspecified, the deprecated IPv4-compatible
		// ::a.b.c.d, ULA (fc00::/7), link-local (fe80::/10), site-local (fec0::/10),
		// multicast (ff00::/8) and reserved space.
		return globalUnicast && !protocolAssignments && !documentation;
	}

	static boolean isLoopback(InetAddress address) {
		byte[] bytes = address.getAddress();
		return address.isLoopbackAddress() || (bytes.length == 16 && isZero(bytes, 0, 10) && bytes[10] == (byte) 0xFF
				&& bytes[11] == (byte) 0xFF && bytes[12] == 127);
	}

	private static boolean inRange(int value, int network, int prefix) {
		int mask = -1 << (32 - prefix);
		return (value & mask) == (network & mask);
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	private static InetAddress ipv4(byte[] bytes, int offset) {
		try {
			return Inet4Address.getByAddress(Arrays.copyOfRange(bytes, offset, offset + 4));
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException("Four bytes are an IPv4 address", ex);
		}
	}

}
