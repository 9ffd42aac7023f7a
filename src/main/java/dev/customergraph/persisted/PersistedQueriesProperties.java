package dev.customergraph.persisted;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the gateway treats persisted queries ({@code gateway.persisted-queries.*}).
 *
 * @param mode {@code automatic} (any document runs; Apollo's automatic persisted queries)
 * or {@code trusted} (only the documents in {@code trustedDocuments} run)
 * @param trustedDocuments the folder of {@code .graphql} documents for the trusted mode
 * @param registrySize how many automatically persisted queries are remembered
 * @param cacheSize how many parsed and validated documents are kept
 */
@ConfigurationProperties("gateway.persisted-queries")
public record PersistedQueriesProperties(Mode mode, @Nullable Path trustedDocuments, long registrySize,
		long cacheSize) {

	public PersistedQueriesProperties {
		if (mode == null) {
			mode = Mode.AUTOMATIC;
		}
		if (registrySize <= 0) {
			registrySize = 10_000;
		}
		if (cacheSize <= 0) {
			cacheSize = 2_000;
		}
	}

	/** Which documents may run. */
	public enum Mode {

		AUTOMATIC, TRUSTED

	}

}
