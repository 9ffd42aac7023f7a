package dev.customergraph.fairness;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * At most {@code maxConcurrentPerTenant} requests of one tenant execute at once, so one
 * tenant cannot hold every pooled connection; a request over the cap waits up to
 * {@code maxWait} for a slot. Tenants are known, authenticated names, so the map stays as
 * small as the tenant table.
 */
final class TenantSlots {

	private final int slots;

	private final long maxWaitNanos;

	private final Map<String, Semaphore> byTenant = new ConcurrentHashMap<>();

	TenantSlots(int slots, Duration maxWait) {
		this.slots = slots;
		this.maxWaitNanos = maxWait.toNanos();
	}

	/**
	 * Takes a slot of the tenant's, waiting for one if need be.
	 * @return the slot to release, or null when none freed up in time
	 */
	@Nullable Semaphore acquire(String tenant) throws InterruptedException {
		Semaphore semaphore = this.byTenant.computeIfAbsent(tenant, (name) -> new Semaphore(this.slots));
		if (semaphore.tryAcquire() || semaphore.tryAcquire(this.maxWaitNanos, TimeUnit.NANOSECONDS)) {
			return semaphore;
		}
		return null;
	}

}
