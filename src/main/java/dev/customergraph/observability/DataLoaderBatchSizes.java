package dev.customergraph.observability;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

import org.springframework.graphql.observation.DataLoaderObservationContext;

/**
 * Records how many keys each DataLoader batch loads
 * ({@code graphql.dataloader.batch.size}, by loader name). Spring observes every batch;
 * its timer keeps the size only on traces.
 */
class DataLoaderBatchSizes implements ObservationHandler<DataLoaderObservationContext> {

	private final MeterRegistry registry;

	DataLoaderBatchSizes(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onStop(DataLoaderObservationContext context) {
		String loader = context.getDataLoader().getName();
		DistributionSummary.builder("graphql.dataloader.batch.size")
			.description("Keys loaded per DataLoader batch")
			.baseUnit("keys")
			.tag("loader.name", (loader != null) ? loader : "unknown")
			.register(this.registry)
			.record(context.getKeys().size());
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof DataLoaderObservationContext;
	}

}
