package dev.customergraph.photo;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import dev.customergraph.tenancy.Partition;

/**
 * Whose turn it is to decode a photo: at most half the processors decode at once, a
 * partition decodes one photo at a time (its others are refused at once, so one tenant's
 * loop holds one turn and never queues ahead of another tenant), and the waiting ones are
 * served first come, first served for a bounded wait.
 */
final class DecoderTurns {

	private final Semaphore decoders;

	private final Set<Partition> decoding = ConcurrentHashMap.newKeySet();

	private final Duration wait;

	DecoderTurns(int decoders, Duration wait) {
		this.decoders = new Semaphore(decoders, true);
		this.wait = wait;
	}

	/**
	 * Runs the decode in the partition's turn.
	 * @throws NoTurnException when the partition is decoding already, or no decoder was
	 * free within the wait
	 */
	<T> T run(Partition partition, Supplier<T> decode) {
		if (!this.decoding.add(partition)) {
			throw new NoTurnException();
		}
		try {
			if (!acquire()) {
				throw new NoTurnException();
			}
			try {
				return decode.get();
			}
			finally {
				this.decoders.release();
			}
		}
		finally {
			this.decoding.remove(partition);
		}
	}

	private boolean acquire() {
		try {
			return this.decoders.tryAcquire(this.wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** No turn to decode now. */
	static final class NoTurnException extends RuntimeException {

		NoTurnException() {
			super("no decoder turn", null, false, false);
		}

	}

}
