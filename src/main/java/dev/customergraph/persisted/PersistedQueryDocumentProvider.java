package dev.customergraph.persisted;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.customergraph.graph.ErrorCode;
import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.execution.ErrorType;

/**
 * Finds the document of each request and hands graphql-java a parsed and validated one.
 * It speaks Apollo's persisted query protocol
 * ({@code extensions.persistedQuery.sha256Hash}, with or without the query), asks
 * {@link PersistedDocuments} whether the document may run, and keeps parsed and validated
 * documents in a bounded cache keyed by their text, so a repeated query skips parsing and
 * validation.
 */
final class PersistedQueryDocumentProvider implements PreparsedDocumentProvider {

	private final PersistedDocuments documents;

	private final Cache<String, PreparsedDocumentEntry> parsed;

	private final long maxDocumentSize;

	/**
	 * @param cacheCapacity the document text (in bytes, as characters) of the parsed
	 * documents kept at most
	 * @param maxDocumentSize the largest document registered or cached
	 */
	PersistedQueryDocumentProvider(PersistedDocuments documents, long cacheCapacity, long maxDocumentSize) {
		this.documents = documents;
		this.parsed = Caffeine.newBuilder()
			.maximumWeight(cacheCapacity)
			.weigher((String document, PreparsedDocumentEntry entry) -> document.length())
			.build();
		this.maxDocumentSize = maxDocumentSize;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture.completedFuture(document(input, parseAndValidate));
	}

	private PreparsedDocumentEntry document(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		// Spring puts this marker in place of the query when a request sends only a hash.
		@Nullable String sent = PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(input.getQuery()) ? null : input.getQuery();
		Optional<String> hash = hashOf(input);
		String document;
		if (sent == null) {
			Optional<String> persisted = hash.flatMap(this.documents::find);
			if (persisted.isEmpty()) {
				// The exact message is what Apollo clients look for before they resend
				// with the query.
				return error(ErrorCode.PERSISTED_QUERY_NOT_FOUND, "PersistedQueryNotFound");
			}
			document = persisted.get();
		}
		else if (hash.isPresent() && this.documents.registers() && sent.length() > this.maxDocumentSize) {
			return error(ErrorCode.PERSISTED_QUERY_TOO_LARGE, "The document has " + sent.length()
					+ " characters; at most " + this.maxDocumentSize + " may be persisted. Send it without a hash.");
		}
		else {
			String actualHash = DocumentHash.of(sent);
			if (hash.isPresent() && !hash.get().equalsIgnoreCase(actualHash)) {
				return error(ErrorCode.INVALID, "The persisted query's sha256Hash does not match its query.");
			}
			if (!this.documents.admit(actualHash, sent)) {
				return error(ErrorCode.PERSISTED_QUERY_NOT_IN_LIST,
						"Only trusted documents run here, and this document is not one of them.");
			}
			document = sent;
		}
		if (document.length() > this.maxDocumentSize) {
			return parseAndValidate.apply(input.transform((b) -> b.query(document)));
		}
		return this.parsed.get(document, (text) -> parseAndValidate.apply(input.transform((b) -> b.query(text))));
	}

	/** The document text of the parsed documents kept now, as the cache weighs it. */
	long cachedWeight() {
		this.parsed.cleanUp();
		return this.parsed.policy().eviction().orElseThrow().weightedSize().orElseThrow();
	}

	/** The document text the registry keeps now, as it weighs it. */
	long registeredWeight() {
		return (this.documents instanceof AutomaticPersistedQueries registry) ? registry.weight() : 0;
	}

	private static Optional<String> hashOf(ExecutionInput input) {
		if (input.getExtensions().get("persistedQuery") instanceof Map<?, ?> persistedQuery
				&& persistedQuery.get("sha256Hash") instanceof String hash) {
			return Optional.of(hash);
		}
		return Optional.empty();
	}

	private static PreparsedDocumentEntry error(ErrorCode code, String message) {
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError()
			.errorType(ErrorType.BAD_REQUEST)
			.message(message)
			.extensions(Map.of("code", code.name()))
			.build());
	}

}
