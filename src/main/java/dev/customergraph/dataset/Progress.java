package dev.customergraph.dataset;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress bar with rate and ETA on standard error: redrawn in place on a terminal, one
 * line per tenth of the work otherwise (CI logs).
 */
final class Progress {

	private static final int WIDTH = 30;

	private final String unit;

	private final long total;

	private final AtomicLong done = new AtomicLong();

	private final long startNanos = System.nanoTime();

	private final PrintStream out = System.err;

	private final boolean terminal = System.console() != null;

	private long lastTenth = -1;

	private long lastDrawNanos;

	Progress(String unit, long total) {
		this.unit = unit;
		this.total = total;
	}

	void advance(long amount) {
		long now = this.done.addAndGet(amount);
		draw(now, false);
	}

	void finish() {
		// Off a terminal the last tenth has already been printed as its own line.
		if (this.terminal) {
			draw(this.done.get(), true);
			this.out.println();
		}
	}

	private synchronized void draw(long now, boolean force) {
		long nanos = System.nanoTime();
		long tenth = (this.total == 0) ? 10 : now * 10 / this.total;
		boolean due = this.terminal ? nanos - this.lastDrawNanos > 200_000_000L : tenth > this.lastTenth;
		if (!force && !due) {
			return;
		}
		this.lastDrawNanos = nanos;
		this.lastTenth = tenth;
		double seconds = Math.max(1e-3, (nanos - this.startNanos) / 1e9);
		double rate = now / seconds;
		double fraction = (this.total == 0) ? 1 : (double) now / this.total;
		int filled = (int) Math.round(fraction * WIDTH);
		long etaSeconds = (rate > 0) ? (long) ((this.total - now) / rate) : 0;
		String line = String.format("[%s%s] %3d%%  %,d/%,d %s  %,.0f/s  elapsed %s  ETA %s", "#".repeat(filled),
				" ".repeat(WIDTH - filled), Math.round(fraction * 100), now, this.total, this.unit, rate,
				format(Duration.ofMillis((long) (seconds * 1000))), format(Duration.ofSeconds(etaSeconds)));
		this.out.print(this.terminal ? "\r" + line : line + System.lineSeparator());
		this.out.flush();
	}

	private static String format(Duration duration) {
		return String.format("%d:%02d", duration.toMinutes(), duration.toSecondsPart());
	}

}
