package dev.customergraph.observability;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring for GraphQL's observations of each request and each DataLoader batch, without
 * one per data fetcher: a page of 50 customers would otherwise wrap some 50–150 resolver
 * calls in an observation, a timer update and a span each, for timings the request and
 * batch observations already bound. {@code gateway.observation.data-fetchers=true} brings
 * Spring's own instrumentation, with them, back.
 */
class RequestAndBatchObservations extends GraphQlObservationInstrumentation {

	RequestAndBatchObservations(ObservationRegistry registry, OperationNameConvention requestConvention) {
		super(registry, requestConvention, null, null);
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		return dataFetcher;
	}

}
