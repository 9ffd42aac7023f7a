package dev.customergraph.persisted;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the gateway treats persisted queries ({@code gateway.persisted-queries.*}). Both
 * caches are bounded by the size of the document text they keep, not by their number of
 * entries, so a few large documents cannot fill the heap.
 *
 * @param mode {@code automatic} (any document runs; Apollo's automatic persisted queries)
 * or {@code trusted} (only the documents in {@code trustedDocuments} run)
 * @param trustedDocuments the folder of {@code .graphql} documents for the trusted mode
 * @param registryCapacity the document text the automatic registry keeps at most
 * @param cacheCapacity the document text of the parsed and validated documents kept at
 * most (their parsed form takes a few times more heap)
 * @param maxDocumentSize the largest document that may be registered or cached; a larger
 * one sent for registration is refused ({@code PERSISTED_QUERY_TOO_LARGE}), and one sent
 * without a hash runs but is parsed every time
 */
@ConfigurationProperties("gateway.persisted-queries")
public record PersistedQueriesProperties(@DefaultValue("automatic") Mode mode, @Nullable Path trustedDocuments,
		@DefaultValue("16MB") DataSize registryCapacity, @DefaultValue("16MB") DataSize cacheCapacity,
		@DefaultValue("100KB") DataSize maxDocumentSize) {

	/** Which documents may run. */
	public enum Mode {

		AUTOMATIC, TRUSTED

	}

}
