package dev.customergraph.persisted;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The document provider on its own: the parse cache and the trusted-documents mode. */
class PersistedQueryDocumentProviderTests {

	private static final String TRUSTED = "query Viewer {\n  viewer { tenant livemode }\n}\n";

	private final List<String> parsed = new ArrayList<>();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = (input) -> {
		this.parsed.add(input.getQuery());
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	@Test
	void repeatedQuerySkipsParsingAndValidation() {
		var provider = new PersistedQueryDocumentProvider(new AutomaticPersistedQueries(1_000_000), 1_000_000, 100_000);
		String query = "{ viewer { tenant } }";
		PreparsedDocumentEntry first = document(provider, ExecutionInput.newExecutionInput(query).build());
		PreparsedDocumentEntry second = document(provider, ExecutionInput.newExecutionInput(query).build());
		assertThat(this.parsed).containsExactly(query);
		assertThat(second.getDocument()).isSameAs(first.getDocument());
	}

	@Test
	void trustedModeRunsAllowListedDocumentsByTextOrHash() {
		var provider = new PersistedQueryDocumentProvider(trustedDocuments(), 1_000_000, 100_000);
		assertThat(document(provider, ExecutionInput.newExecutionInput(TRUSTED).build()).hasErrors()).isFalse();
		var byHash = ExecutionInput.newExecutionInput("PersistedQueryMarker")
			.extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", DocumentHash.of(TRUSTED))))
			.build();
		assertThat(document(provider, byHash).hasErrors()).isFalse();
		assertThat(this.parsed).containsExactly(TRUSTED);
	}

	@Test
	void trustedModeRefusesAnUnknownDocument() {
		var provider = new PersistedQueryDocumentProvider(trustedDocuments(), 1_000_000, 100_000);
		PreparsedDocumentEntry entry = document(provider,
				ExecutionInput.newExecutionInput("{ customers { nodes { email } } }").build());
		assertThat(entry.getErrors()).singleElement()
			.satisfies(
					(error) -> assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_IN_LIST"));
		assertThat(this.parsed).isEmpty();
	}

	private static TrustedDocuments trustedDocuments() {
		return TrustedDocuments.load(Path.of("src/test/resources/trusted-documents"));
	}

	private PreparsedDocumentEntry document(PersistedQueryDocumentProvider provider, ExecutionInput input) {
		return provider.getDocumentAsync(input, this.parseAndValidate).join();
	}

}
