package dev.customergraph.fairness;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.customergraph.graph.ThrottleStatus;
import dev.customergraph.tenancy.Partition;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket of query cost per partition: full at {@code maximumAvailable}, refilled
 * continuously at {@code restoreRate} per second. A bucket unused for an hour is full
 * again anyway and is forgotten.
 */
final class CostBudgets {

	private final FairnessProperties properties;

	private final LoadingCache<Partition, Bucket> buckets;

	CostBudgets(FairnessProperties properties) {
		this.properties = properties;
		this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).build((partition) -> newBucket());
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.properties.maximumAvailable())
				.refillGreedy(this.properties.restoreRate(), Duration.ofSeconds(1)))
			.build();
	}

	/**
	 * Spends the cost (at least 1, so even free requests count) when the budget has it.
	 */
	Spending spend(Partition partition, int cost) {
		ConsumptionProbe probe = this.buckets.get(partition).tryConsumeAndReturnRemaining(Math.max(1, cost));
		ThrottleStatus status = new ThrottleStatus(this.properties.maximumAvailable(), probe.getRemainingTokens(),
				this.properties.restoreRate());
		return new Spending(probe.isConsumed(), status);
	}

	/** Gives back what {@link #spend} took, for a request that did not run after all. */
	void refund(Partition partition, int cost) {
		this.buckets.get(partition).addTokens(Math.max(1, cost));
	}

	/** Whether the cost was spent, and the budget after it. */
	record Spending(boolean spent, ThrottleStatus status) {
	}

}
