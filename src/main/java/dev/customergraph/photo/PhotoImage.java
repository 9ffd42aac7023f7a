package dev.customergraph.photo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import dev.customergraph.graph.Upload;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;

import org.springframework.util.unit.DataSize;

/**
 * An uploaded file checked to be a photo: a JPEG or PNG by its content (its name and
 * claimed type are ignored), at most {@link #MAX_BYTES}, at most {@link #MAX_SIDE} pixels
 * a side, and decoding whole without an error or warning. The size is read from the
 * image's header before anything is decoded, so a small file that claims a huge image (a
 * decompression bomb) is refused unread; the image is then decoded at a subsampling that
 * keeps its pixels in memory to about a megapixel, whatever its size.
 *
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param bytes the file as uploaded
 * @param sha256 the SHA-256 of the bytes
 */
record PhotoImage(String contentType, byte[] bytes, int width, int height, byte[] sha256) {

	static final long MAX_BYTES = DataSize.ofMegabytes(5).toBytes();

	static final int MAX_SIDE = 10_000;

	/** Decoded pixels kept per side at most, by subsampling. */
	private static final int DECODED_SIDE = 1_000;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG_START = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final String FIELD = "photo";

	/**
	 * The largest photo allowed (10,000 × 10,000, which a 300 KB PNG can claim) costs
	 * about a second of CPU to decode: at most half the processors decode at once, so
	 * uploads cannot take the whole machine, and a request waits a short while for its
	 * turn.
	 */
	private static final Semaphore DECODERS = new Semaphore(
			Math.max(1, Runtime.getRuntime().availableProcessors() / 2));

	private static final long DECODER_WAIT_MILLIS = 2_000;

	/** The upload as a photo, or a {@code TOO_LARGE} or {@code INVALID} user error. */
	static PhotoImage read(Upload upload) {
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
		String format = startsWith(bytes, JPEG_START) ? "jpeg" : startsWith(bytes, PNG_SIGNATURE) ? "png" : null;
		if (format == null) {
			throw invalid("A photo must be a JPEG or PNG image; this file is neither (its content decides, not its "
					+ "name or type).");
		}
		if (!acquireDecoder()) {
			throw new UserErrorException(UserErrorCode.LIMIT_EXCEEDED,
					"Too many photos are being checked at this moment; retry in a few seconds.", FIELD);
		}
		try {
			return decode(format, bytes);
		}
		finally {
			DECODERS.release();
		}
	}

	private static boolean acquireDecoder() {
		try {
			return DECODERS.tryAcquire(DECODER_WAIT_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static PhotoImage decode(String format, byte[] bytes) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
		if (!readers.hasNext()) {
			throw new IllegalStateException("The JDK has no ImageIO reader for " + format);
		}
		ImageReader reader = readers.next();
		try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			AtomicBoolean warned = new AtomicBoolean();
			reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
			// Metadata is skipped: its compressed chunks could be bombs of their own.
			reader.setInput(in, true, true);
			int width = decoded(() -> reader.getWidth(0), format);
			int height = decoded(() -> reader.getHeight(0), format);
			if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
				throw invalid("A photo is at most " + MAX_SIDE + " × " + MAX_SIDE + " pixels; this one is " + width
						+ " × " + height + ".");
			}
			ImageReadParam param = reader.getDefaultReadParam();
			int step = Math.max(1, (Math.max(width, height) + DECODED_SIDE - 1) / DECODED_SIDE);
			param.setSourceSubsampling(step, step, 0, 0);
			decoded(() -> reader.read(0, param).getWidth(), format);
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
	private static int decoded(DecodingStep step, String format) {
		try {
			return step.run();
		}
		catch (IOException | RuntimeException ex) {
			throw undecodable(format);
		}
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
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
