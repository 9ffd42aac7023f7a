package dev.customergraph.photo;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import javax.imageio.IIOException;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A photo's bytes as a decoder's input that stops giving bytes once a time budget is
 * spent. The JDK's decoders read their input a few kilobytes at a time as they go (each
 * JPEG scan, each run of PNG rows), so a decode that runs too long fails at its next
 * read, on its own thread; {@code ImageReader.abort()} from another thread is no way to
 * stop one, as the JPEG reader refuses calls from a thread other than the one reading.
 */
final class BudgetedImageInput extends ImageInputStreamImpl {

	private final byte[] bytes;

	private final long deadlineNanos;

	private volatile boolean spent;

	BudgetedImageInput(byte[] bytes, Duration budget) {
		this.bytes = bytes;
		this.deadlineNanos = System.nanoTime() + budget.toNanos();
	}

	/** Whether a read came after the budget was spent, and so failed. */
	boolean spent() {
		return this.spent;
	}

	@Override
	public int read() throws IOException {
		checkBudget();
		this.bitOffset = 0;
		if (this.streamPos >= this.bytes.length) {
			return -1;
		}
		return this.bytes[(int) this.streamPos++] & 0xff;
	}

	@Override
	public int read(byte[] target, int offset, int length) throws IOException {
		Objects.checkFromIndexSize(offset, length, target.length);
		checkBudget();
		this.bitOffset = 0;
		if (length == 0) {
			return 0;
		}
		if (this.streamPos >= this.bytes.length) {
			return -1;
		}
		int count = (int) Math.min(length, this.bytes.length - this.streamPos);
		System.arraycopy(this.bytes, (int) this.streamPos, target, offset, count);
		this.streamPos += count;
		return count;
	}

	@Override
	public long length() {
		return this.bytes.length;
	}

	private void checkBudget() throws IIOException {
		if (System.nanoTime() - this.deadlineNanos >= 0) {
			this.spent = true;
			throw new IIOException("The decode budget is spent");
		}
	}

}
