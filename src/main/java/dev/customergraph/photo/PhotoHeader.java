package dev.customergraph.photo;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a photo's bytes say before any pixel is decoded: its format, size, the bytes a
 * pixel takes while it is decoded, and, for a JPEG, how many scans it has. A JPEG is read
 * marker by marker, its entropy-coded data skipped byte by byte, so reading it costs one
 * pass over the file, however many scans it claims; a PNG's header is its first chunk.
 *
 * @param format {@code jpeg} or {@code png}
 * @param bytesPerPixel bytes one pixel takes while decoded: a PNG's channels times 1 or 2
 * by its bit depth; a JPEG's components, doubled for a progressive one, whose every
 * sample is held as a 16-bit coefficient until its last scan
 * @param scans a JPEG's start-of-scan markers (a PNG has 1)
 */
record PhotoHeader(String format, int width, int height, int bytesPerPixel, int scans) {

	/**
	 * Scans of a JPEG at most: a progressive one has about 10. Each scan is a pass over
	 * the whole image, so a file with thousands would take minutes to decode.
	 */
	static final int MAX_SCANS = 64;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final int PNG_HEADER_END = 33;

	private static final int SOS = 0xda;

	private static final int EOI = 0xd9;

	long decodedBytes() {
		return (long) this.width * this.height * this.bytesPerPixel;
	}

	/** The header, or empty when the bytes start as neither a JPEG nor a PNG. */
	static Optional<PhotoHeader> of(byte[] bytes) {
		if (bytes.length >= 3 && u8(bytes, 0) == 0xff && u8(bytes, 1) == 0xd8 && u8(bytes, 2) == 0xff) {
			return Optional.of(jpeg(bytes));
		}
		if (bytes.length >= PNG_SIGNATURE.length
				&& Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
			return Optional.of(png(bytes));
		}
		return Optional.empty();
	}

	/**
	 * The IHDR chunk, always first: width, height, bit depth, colour type.
	 * @throws MalformedHeaderException when it is not there
	 */
	private static PhotoHeader png(byte[] bytes) {
		if (bytes.length < PNG_HEADER_END || u32(bytes, 8) != 13 || u32(bytes, 12) != 0x49484452) {
			throw new MalformedHeaderException();
		}
		int channels = switch (u8(bytes, 25)) {
			case 0, 3 -> 1;
			case 2 -> 3;
			case 4 -> 2;
			case 6 -> 4;
			default -> throw new MalformedHeaderException();
		};
		int bytesPerChannel = (u8(bytes, 24) == 16) ? 2 : 1;
		return new PhotoHeader("png", (int) Math.min(Integer.MAX_VALUE, u32(bytes, 16)),
				(int) Math.min(Integer.MAX_VALUE, u32(bytes, 20)), channels * bytesPerChannel, 1);
	}

	/**
	 * Walks the JPEG's segments up to its end marker, stopping at the scan over the
	 * limit.
	 * @throws MalformedHeaderException at a segment that runs past the file, or without a
	 * frame header
	 * @throws TooManyScansException past {@link #MAX_SCANS}
	 */
	private static PhotoHeader jpeg(byte[] bytes) {
		int width = 0;
		int height = 0;
		int bytesPerPixel = 0;
		int scans = 0;
		int at = 2;
		while (at + 1 < bytes.length) {
			if (u8(bytes, at) != 0xff) {
				throw new MalformedHeaderException();
			}
			int marker = u8(bytes, at + 1);
			at += 2;
			if (marker == 0xff) {
				at--; // a fill byte before the marker
				continue;
			}
			if (marker == EOI) {
				break;
			}
			if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
				continue; // no length
			}
			if (at + 2 > bytes.length || u16(bytes, at) < 2 || at + u16(bytes, at) > bytes.length) {
				throw new MalformedHeaderException();
			}
			int length = u16(bytes, at);
			if (isFrameHeader(marker) && length >= 8) {
				height = u16(bytes, at + 3);
				width = u16(bytes, at + 5);
				boolean progressive = marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce;
				bytesPerPixel = u8(bytes, at + 7) * (progressive ? 2 : 1);
			}
			at += length;
			if (marker == SOS) {
				if (bytesPerPixel == 0) {
					throw new MalformedHeaderException();
				}
				if (++scans > MAX_SCANS) {
					throw new TooManyScansException();
				}
				at = afterEntropyCodedData(bytes, at);
			}
		}
		if (bytesPerPixel == 0) {
			throw new MalformedHeaderException();
		}
		return new PhotoHeader("jpeg", width, height, bytesPerPixel, scans);
	}

	/** SOF0 to SOF15, but not DHT (C4), JPG (C8) and DAC (CC). */
	private static boolean isFrameHeader(int marker) {
		return marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
	}

	/**
	 * The position of the marker that ends a scan's data: a 0xFF not followed by a
	 * stuffed zero, a restart marker or another 0xFF.
	 */
	private static int afterEntropyCodedData(byte[] bytes, int from) {
		int at = from;
		while (at + 1 < bytes.length) {
			int next = u8(bytes, at + 1);
			if (u8(bytes, at) == 0xff && next != 0x00 && next != 0xff && (next < 0xd0 || next > 0xd7)) {
				return at;
			}
			at++;
		}
		return bytes.length;
	}

	private static int u8(byte[] bytes, int at) {
		return bytes[at] & 0xff;
	}

	private static int u16(byte[] bytes, int at) {
		return (u8(bytes, at) << 8) | u8(bytes, at + 1);
	}

	private static long u32(byte[] bytes, int at) {
		return ((long) u16(bytes, at) << 16) | u16(bytes, at + 2);
	}

	/** The bytes start as a JPEG or PNG but their header is broken. */
	static final class MalformedHeaderException extends RuntimeException {

		MalformedHeaderException() {
			super("malformed image header", null, false, false);
		}

	}

	/** A JPEG with more scans than {@link #MAX_SCANS}. */
	static final class TooManyScansException extends RuntimeException {

		TooManyScansException() {
			super("too many scans", null, false, false);
		}

	}

}
