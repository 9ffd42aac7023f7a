package dev.customergraph.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import dev.customergraph.GatewayTest;
import graphql.schema.GraphQLSchema;
import graphql.schema.diff.DiffEvent;
import graphql.schema.diff.SchemaDiff;
import graphql.schema.diff.SchemaDiffSet;
import graphql.schema.diff.reporting.CapturingReporter;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The schema as a contract: the printed runtime schema ({@code /graphql/schema}) keeps
 * every name the API contract promises, and has no breaking change against the last
 * released SDL in {@code schema/released/}. The printed schema is left in
 * {@code target/schema.graphqls}; a release copies it to
 * {@code schema/released/v<n>/schema.graphqls}.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaContractTests {

	private static final Path RELEASES = Path.of("schema/released");

	@Autowired
	WebTestClient http;

	String printed;

	GraphQLSchema schema;

	@BeforeAll
	void printRuntimeSchema() throws IOException {
		this.printed = this.http.get()
			.uri("/graphql/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		Files.writeString(Path.of("target/schema.graphqls"), this.printed);
		this.schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(this.printed));
	}

	@Test
	void runtimeSchemaHasEveryNameTheContractRequires() {
		assertThat(ContractPaths.missing(this.schema, ContractPaths.read("contract/required-names.txt"))).isEmpty();
	}

	@Test
	void runtimeSchemaHasEveryMutationTheContractRequires() {
		assumeTrue(this.schema.getMutationType() != null, "the schema has no mutations yet");
		assertThat(ContractPaths.missing(this.schema, ContractPaths.read("contract/required-mutation-names.txt")))
			.isEmpty();
	}

	@Test
	void runtimeSchemaHasNoBreakingChangeSinceTheLastRelease() throws IOException {
		Path released = latestRelease();
		CapturingReporter reporter = new CapturingReporter();
		new SchemaDiff().diffSchema(SchemaDiffSet.diffSetFromSdl(Files.readString(released), this.printed), reporter);
		List<String> breakages = reporter.getBreakages().stream().map(DiffEvent::toString).toList();
		assertThat(breakages).as("breaking changes against " + released).isEmpty();
	}

	/** {@code schema/released/v<n>/schema.graphqls} with the highest n. */
	private static Path latestRelease() throws IOException {
		try (Stream<Path> versions = Files.list(RELEASES)) {
			return versions.filter((dir) -> dir.getFileName().toString().matches("v\\d+"))
				.max(Comparator.comparingInt((dir) -> Integer.parseInt(dir.getFileName().toString().substring(1))))
				.map((dir) -> dir.resolve("schema.graphqls"))
				.orElseThrow(() -> new IllegalStateException("No released schema in " + RELEASES));
		}
	}

}
