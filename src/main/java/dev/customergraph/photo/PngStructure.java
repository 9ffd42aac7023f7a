package dev.customergraph.photo;

import java.util.Arrays;

import dev.customergraph.photo.PhotoHeader.MalformedHeaderException;
import dev.customergraph.photo.PhotoHeader.StructureLimitException;

import static dev.customergraph.photo.PhotoHeader.MAX_METADATA_BYTES;
import static dev.customergraph.photo.PhotoHeader.MAX_PARTS;
import static dev.customergraph.photo.PhotoHeader.metadataOverLimit;
import static dev.customergraph.photo.PhotoHeader.tooManyParts;
import static dev.customergraph.photo.PhotoHeader.trailingData;
import static dev.customergraph.photo.PhotoHeader.u32;
import static dev.customergraph.photo.PhotoHeader.u8;

/** A PNG read chunk by chunk: its header, then the length and type of every chunk. */
final class PngStructure {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final int PNG_HEADER_END = 33;

	private static final long IDAT = 0x49444154L;

	private static final long IEND = 0x49454e44L;

	private PngStructure() {
	}

	static boolean hasSignature(byte[] bytes) {
		return bytes.length >= PNG_SIGNATURE.length
				&& Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
	}

	/**
	 * The IHDR chunk, always first: width, height, bit depth, colour type.
	 * @throws MalformedHeaderException when it is not there
	 */
	static PhotoHeader header(byte[] bytes) {
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
		// 8 bytes a row more cover the filter bytes of an interlaced image's passes.
		long raw = (long) header.height() * (8 + ((long) header.width() * channels * depth + 7) / 8);
		checkPngChunks(bytes, raw + raw / 64 + 1024);
		return header;
	}

	/**
	 * Walks the chunks after IHDR to IEND, which must end the file.
	 * @throws StructureLimitException over {@link PhotoHeader#MAX_METADATA_BYTES} of
	 * ancillary chunks, image data larger than its rows could compress to, or bytes after
	 * IEND
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

}
