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

	/**
	 * Metadata (PNG ancillary chunks, JPEG application segments and comments) at most.
	 */
	static final int MAX_METADATA_BYTES = 256 * 1024;

	/**
	 * PNG chunks or JPEG segments at most: writers use chunks of 8 KB or more, so a 5 MB
	 * photo has hundreds; a file of hundreds of thousands of empty ones is not a photo.
	 */
	static final int MAX_PARTS = 10_000;

	private static final long IDAT = 0x49444154L;

	private static final long IEND = 0x49454e44L;

	private static final int SOS = 0xda;

	private static final int EOI = 0xd9;

	long decodedBytes() {
		return (long) this.width * this.height * this.bytesPerPixel;
	}

	/**
	 * The header, or empty when the bytes start as neither a JPEG nor a PNG. Its walk
	 * also refuses what a photo need not carry: bytes after the image's end marker, more
	 * than {@link #MAX_METADATA_BYTES} of metadata, a PNG's image data beyond what its
	 * pixels compress to.
	 */
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
		int depth = u8(bytes, 24);
		PhotoHeader header = new PhotoHeader("png", (int) Math.min(Integer.MAX_VALUE, u32(bytes, 16)),
				(int) Math.min(Integer.MAX_VALUE, u32(bytes, 20)), channels * ((depth == 16) ? 2 : 1), 1);
		// Compressed rows are at most their raw size plus deflate's 5 bytes a 64 KB
		// block;
		// 8 bytes a row more covers the filter bytes of an interlaced image's passes.
		long raw = (long) header.height() * (8 + ((long) header.width() * channels * depth + 7) / 8);
		checkPngChunks(bytes, raw + raw / 64 + 1024);
		return header;
	}

	/**
	 * Walks the chunks after IHDR to IEND, which must end the file.
	 * @throws StructureLimitException over {@link #MAX_METADATA_BYTES} of ancillary
	 * chunks, image data larger than its rows could compress to, or bytes after IEND
	 */
	private static void checkPngChunks(byte[] bytes, long maxImageData) {
		long metadata = 0;
		long imageData = 0;
		int at = PNG_HEADER_END;
		for (int parts = 1; at + 8 <= bytes.length; parts++) {
			if (parts > MAX_PARTS) {
				throw tooManyParts();
			}
			long length = u32(bytes, at);
			long type = u32(bytes, at + 4);
			if (at + 12 + length > bytes.length) {
				throw new MalformedHeaderException();
			}
			at += (int) (12 + length);
			if (type == IEND) {
				if (at != bytes.length) {
					throw trailingData();
				}
				return;
			}
			if (type == IDAT && (imageData += length) > maxImageData) {
				throw new StructureLimitException(
						"The PNG photo's image data is larger than its pixels could compress to.");
			}
			// An ancillary chunk's type starts with a lower-case letter.
			if ((type & 0x20000000L) != 0 && (metadata += length) > MAX_METADATA_BYTES) {
				throw metadataOverLimit();
			}
		}
		throw new MalformedHeaderException();
	}

	private static StructureLimitException metadataOverLimit() {
		return new StructureLimitException("A photo carries at most " + MAX_METADATA_BYTES / 1024
				+ " KB of metadata (text, Exif, colour profiles); this one has more.");
	}

	private static StructureLimitException tooManyParts() {
		return new StructureLimitException(
				"A photo has at most " + MAX_PARTS + " chunks or segments; this one has more.");
	}

	private static StructureLimitException trailingData() {
		return new StructureLimitException("A photo ends where its image ends; this file has data after it.");
	}

	/**
	 * Walks the JPEG's segments up to its end marker, stopping at the scan over the
	 * limit.
	 * @throws MalformedHeaderException at a segment that runs past the file, or without a
	 * frame header
	 * @throws StructureLimitException past {@link #MAX_SCANS},
	 * {@link #MAX_METADATA_BYTES} of application segments and comments, or with bytes
	 * after its end marker
	 */
	private static PhotoHeader jpeg(byte[] bytes) {
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

	/** A file over one of the limits of its structure, with the limit in its message. */
	static final class StructureLimitException extends RuntimeException {

		StructureLimitException(String message) {
			super(message, null, false, false);
		}

	}

}
