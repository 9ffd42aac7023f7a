package dev.customergraph.tenancy;

/**
 * At most so many database lookups of unknown keys per second, for the whole instance:
 * beyond it an unknown key is refused without one. Only keys not in memory ask, so a
 * flood of random keys is what meets this bound, not the keys in use.
 */
final class LookupBudget {

	private static final long SECOND = 1_000_000_000L;

	private final int perSecond;

	private long windowStart = System.nanoTime();

	private int used;

	LookupBudget(int perSecond) {
		this.perSecond = perSecond;
	}

	synchronized boolean tryAcquire() {
		long now = System.nanoTime();
		if (now - this.windowStart >= SECOND) {
			this.windowStart = now;
			this.used = 0;
		}
		if (this.used >= this.perSecond) {
			return false;
		}
		this.used++;
		return true;
	}

}
