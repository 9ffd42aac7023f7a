package dev.customergraph.photo;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;

import dev.customergraph.graph.Upload;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.tenancy.Partition;

import org.springframework.util.unit.DataSize;

/**
 * An uploaded file checked to be a photo: a JPEG or PNG by its content (its name and
 * claimed type are ignored), at most {@link #MAX_BYTES}, at most {@link #MAX_SIDE} pixels
 * a side, {@link #MAX_PIXELS} pixels and {@link #MAX_DECODED_BYTES} while decoded, a JPEG
 * of at most {@link JpegStructure#MAX_SCANS} scans, and decoding whole, within
 * {@link #DECODE_BUDGET}, without an error or warning. All but the last are read from the
 * file's bytes ({@link PhotoHeader}) before a decoder is taken, so a small file that
 * claims a huge image (a decompression bomb) or thousands of scans is refused unread; the
 * image is then decoded at a subsampling that keeps its pixels in memory to about a
 * megapixel, whatever its size.
 *
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param bytes the file as uploaded
 * @param sha256 the SHA-256 of the bytes
 */
record PhotoImage(String contentType, byte[] bytes, int width, int height, byte[] sha256) {

	static final long MAX_BYTES = DataSize.ofMegabytes(5).toBytes();

	static final int MAX_SIDE = 10_000;

	static final long MAX_PIXELS = 40_000_000;

	/**
	 * What the decoder goes through, pixels times {@link PhotoHeader#bytesPerPixel}: the
	 * decoding time follows it (a 16-bit RGBA PNG of 100 megapixels, 800 MB, took 8 s),
	 * so this keeps the worst allowed image near a second on a busy machine.
	 */
	static final long MAX_DECODED_BYTES = DataSize.ofMegabytes(128).toBytes();

	/**
	 * A decode still running after this fails. The worst allowed photo took up to 2.2 s
	 * on 2 cores at a load of 8 with a cold decoder; a budget closer to it would refuse
	 * honest photos on a busy machine, a longer one would let the turn's wait and the
	 * decode pass the request's 10 s.
	 */
	static final Duration DECODE_BUDGET = Duration.ofSeconds(4);

	/** Decoded pixels kept per side at most, by subsampling. */
	private static final int DECODED_SIDE = 1_000;

	private static final String FIELD = "photo";

	/**
	 * At most half the processors decode at once, so uploads cannot take the whole
	 * machine, one per partition, and a request waits a short while for its turn.
	 */
	private static final DecoderTurns TURNS = new DecoderTurns(
			Math.max(1, Runtime.getRuntime().availableProcessors() / 2), Duration.ofSeconds(3));

	/**
	 * The upload as a photo, or a {@code TOO_LARGE}, {@code INVALID} or
	 * {@code LIMIT_EXCEEDED} user error.
	 */
	static PhotoImage read(Upload upload, Partition partition) {
		if (upload.size() > MAX_BYTES) {
			throw tooLarge(upload.size());
		}
		byte[] bytes;
		try (InputStream in = upload.content().open()) {
			bytes = in.readNBytes((int) MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw invalid("The photo could not be read from the request.");
		}
		if (bytes.length > MAX_BYTES) {
			throw tooLarge(bytes.length);
		}
		PhotoHeader header = header(bytes);
		try {
			return TURNS.run(partition, () -> decode(header, bytes));
		}
		catch (DecoderTurns.NoTurnException ex) {
			throw new UserErrorException(UserErrorCode.LIMIT_EXCEEDED, "Too many photos are being checked at this "
					+ "moment (one at a time per key's partition); retry in a few seconds.", FIELD);
		}
	}

	/** The header, within every limit it shows. */
	private static PhotoHeader header(byte[] bytes) {
		PhotoHeader header;
		try {
			header = PhotoHeader.of(bytes)
				.orElseThrow(() -> invalid("A photo must be a JPEG or PNG image; this file is neither (its content "
						+ "decides, not its name or type)."));
		}
		catch (PhotoHeader.StructureLimitException ex) {
			throw invalid(ex.getMessage());
		}
		catch (PhotoHeader.MalformedHeaderException ex) {
			String format = (bytes[0] == (byte) 0xff) ? "jpeg" : "png";
			throw undecodable(format);
		}
		int width = header.width();
		int height = header.height();
		if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
			throw invalid("A photo is at most " + MAX_SIDE + " × " + MAX_SIDE + " pixels; this one is " + width + " × "
					+ height + ".");
		}
		if ((long) width * height > MAX_PIXELS || header.decodedBytes() > MAX_DECODED_BYTES) {
			throw invalid("A photo is at most " + MAX_PIXELS / 1_000_000 + " megapixels and "
					+ DataSize.ofBytes(MAX_DECODED_BYTES).toMegabytes() + " MB decoded; this one is " + width + " × "
					+ height + " at " + header.bytesPerPixel() + " bytes a pixel ("
					+ DataSize.ofBytes(header.decodedBytes()).toMegabytes() + " MB).");
		}
		return header;
	}

	private static PhotoImage decode(PhotoHeader header, byte[] bytes) {
		String format = header.format();
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("The JDK has no ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		BudgetedImageInput in = new BudgetedImageInput(bytes, DECODE_BUDGET);
		try (in) {
			AtomicBoolean warned = new AtomicBoolean();
			// The first warning decides: stop decoding the rest (it runs on this thread).
			reader.addIIOReadWarningListener((source, warning) -> {
				warned.set(true);
				reader.abort();
			});
			// Metadata is skipped: its compressed chunks could be bombs of their own.
			reader.setInput(in, true, true);
			int width = decoded(() -> reader.getWidth(0), in, format);
			int height = decoded(() -> reader.getHeight(0), in, format);
			if (width != header.width() || height != header.height()) {
				throw undecodable(format);
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = Math.max(1, (Math.max(width, height) + DECODED_SIDE - 1) / DECODED_SIDE);
			param.setSourceSubsampling(step, step, 0, 0);
			decoded(() -> reader.read(0, param).getWidth(), in, format);
			if (warned.get()) {
				throw undecodable(format);
			}
			return new PhotoImage("image/" + format, bytes, width, height, sha256(bytes));
		}
		catch (IOException ex) {
			throw undecodable(format);
		}
		finally {
			reader.dispose();
		}
	}

	/**
	 * A step of decoding; any failure of it, whatever the decoder throws on a malformed
	 * file, is an {@code INVALID} photo.
	 */
	private static int decoded(DecodingStep step, BudgetedImageInput in, String format) {
		try {
			return step.run();
		}
		catch (IOException | RuntimeException ex) {
			if (in.spent()) {
				throw invalid("The photo took more than " + DECODE_BUDGET.toSeconds()
						+ " s to decode; send a smaller image.");
			}
			throw undecodable(format);
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static UserErrorException tooLarge(long size) {
		return new UserErrorException(UserErrorCode.TOO_LARGE,
				"A photo is at most 5 MB (" + MAX_BYTES + " bytes); this one has " + size + " bytes.", FIELD);
	}

	private static UserErrorException undecodable(String format) {
		return invalid(
				"The photo starts like a " + format.toUpperCase(Locale.ROOT) + " image but does not decode as one.");
	}

	private static UserErrorException invalid(String message) {
		return new UserErrorException(UserErrorCode.INVALID, message, FIELD);
	}

	@FunctionalInterface
	private interface DecodingStep {

		int run() throws IOException;

	}

}
