package dev.customergraph.photo;

import java.util.Optional;

/**
 * What a photo's bytes say before any pixel is decoded: its format, size, the bytes a
 * pixel takes while it is decoded, and, for a JPEG, how many scans it has. Reading it is
 * one pass over the file's structure ({@link JpegStructure}, {@link PngStructure}),
 * whatever it claims.
 *
 * @param format {@code jpeg} or {@code png}
 * @param bytesPerPixel bytes one pixel takes while decoded: a PNG's channels times 1 or 2
 * by its bit depth; a JPEG's components, doubled for a progressive one, whose every
 * sample is held as a 16-bit coefficient until its last scan
 * @param scans a JPEG's start-of-scan markers (a PNG has 1)
 */
record PhotoHeader(String format, int width, int height, int bytesPerPixel, int scans) {

	/**
	 * Metadata (PNG ancillary chunks, JPEG application segments and comments) at most.
	 */
	static final int MAX_METADATA_BYTES = 256 * 1024;

	/**
	 * PNG chunks or JPEG segments at most: writers use chunks of 8 KB or more, so a 5 MB
	 * photo has hundreds; a file of hundreds of thousands of empty ones is not a photo.
	 */
	static final int MAX_PARTS = 10_000;

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
			return Optional.of(JpegStructure.header(bytes));
		}
		if (PngStructure.hasSignature(bytes)) {
			return Optional.of(PngStructure.header(bytes));
		}
		return Optional.empty();
	}

	static StructureLimitException metadataOverLimit() {
		return new StructureLimitException("A photo carries at most " + MAX_METADATA_BYTES / 1024
				+ " KB of metadata (text, Exif, colour profiles); this one has more.");
	}

	static StructureLimitException tooManyParts() {
		return new StructureLimitException(
				"A photo has at most " + MAX_PARTS + " chunks or segments; this one has more.");
	}

	static StructureLimitException trailingData() {
		return new StructureLimitException("A photo ends where its image ends; this file has data after it.");
	}

	static int u8(byte[] bytes, int at) {
		return bytes[at] & 0xff;
	}

	static int u16(byte[] bytes, int at) {
		return (u8(bytes, at) << 8) | u8(bytes, at + 1);
	}

	static long u32(byte[] bytes, int at) {
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
