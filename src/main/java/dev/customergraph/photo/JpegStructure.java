package dev.customergraph.photo;

import dev.customergraph.photo.PhotoHeader.MalformedHeaderException;
import dev.customergraph.photo.PhotoHeader.StructureLimitException;

import static dev.customergraph.photo.PhotoHeader.MAX_METADATA_BYTES;
import static dev.customergraph.photo.PhotoHeader.MAX_PARTS;
import static dev.customergraph.photo.PhotoHeader.metadataOverLimit;
import static dev.customergraph.photo.PhotoHeader.tooManyParts;
import static dev.customergraph.photo.PhotoHeader.trailingData;
import static dev.customergraph.photo.PhotoHeader.u16;
import static dev.customergraph.photo.PhotoHeader.u8;

/**
 * A JPEG read marker by marker, its entropy-coded data skipped byte by byte, so reading
 * it costs one pass over the file however many scans it claims.
 */
final class JpegStructure {

	/**
	 * Scans of a JPEG at most: a progressive one has about 10. Each scan is a pass over
	 * the whole image, so a file with thousands would take minutes to decode.
	 */
	static final int MAX_SCANS = 64;

	private static final int SOS = 0xda;

	private static final int EOI = 0xd9;

	private JpegStructure() {
	}

	/**
	 * Walks the JPEG's segments up to its end marker, stopping at the scan over the
	 * limit.
	 * @throws MalformedHeaderException at a segment that runs past the file, or without a
	 * frame header
	 * @throws StructureLimitException past {@link #MAX_SCANS},
	 * {@link PhotoHeader#MAX_METADATA_BYTES} of application segments and comments, or
	 * with bytes after its end marker
	 */
	static PhotoHeader header(byte[] bytes) {
		int width = 0;
		int height = 0;
		int bytesPerPixel = 0;
		int scans = 0;
		long metadata = 0;
		int at = 2;
		boolean ended = false;
		for (int parts = 1; at + 1 < bytes.length; parts++) {
			if (parts > MAX_PARTS) {
				throw tooManyParts();
			}
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
				ended = true;
				break;
			}
			if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
				continue; // no length
			}
			if (at + 2 > bytes.length || u16(bytes, at) < 2 || at + u16(bytes, at) > bytes.length) {
				throw new MalformedHeaderException();
			}
			int length = u16(bytes, at);
			if (isMetadata(marker) && (metadata += length) > MAX_METADATA_BYTES) {
				throw metadataOverLimit();
			}
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
					throw new StructureLimitException(
							"A JPEG photo has at most " + MAX_SCANS + " scans; this one has more.");
				}
				at = afterEntropyCodedData(bytes, at);
			}
		}
		if (bytesPerPixel == 0) {
			throw new MalformedHeaderException();
		}
		if (ended && at != bytes.length) {
			throw trailingData();
		}
		return new PhotoHeader("jpeg", width, height, bytesPerPixel, scans);
	}

	/** APP0 to APP15 (Exif, ICC profiles, …) and COM. */
	private static boolean isMetadata(int marker) {
		return (marker >= 0xe0 && marker <= 0xef) || marker == 0xfe;
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

}
