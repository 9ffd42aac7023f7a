package dev.customergraph.graph;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.http.RawGraphQl.Response;
import dev.customergraph.tenancy.TestTenants;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each limit at its default: just under passes the limit, just over is refused with its
 * code before any SQL statement runs.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	RawGraphQl graphQl;

	@BeforeAll
	void tenant() {
		this.graphQl = RawGraphQl.forNewTenant(this.http, this.tenants);
	}

	@Test
	void depth() {
		passes(this.graphQl.post(nested(15)));
		this.graphQl.post(nested(16)).isRefused(200, "QUERY_TOO_DEEP");
	}

	@Test
	void aliases() {
		passes(this.graphQl.post("{ viewer { " + repeat(30, (i) -> "a" + i + ": tenant") + " } }"));
		this.graphQl.post("{ viewer { " + repeat(31, (i) -> "a" + i + ": tenant") + " } }")
			.isRefused(200, "TOO_MANY_ALIASES");
	}

	@Test
	void fields() {
		passes(this.graphQl.post("{ viewer { " + repeat(499, (i) -> "tenant") + " } }"));
		this.graphQl.post("{ viewer { " + repeat(500, (i) -> "tenant") + " } }").isRefused(200, "TOO_MANY_FIELDS");
	}

	@Test
	void fieldsCountFragmentsAsIfInlined() {
		String fragment = " fragment F on Viewer { " + repeat(100, (i) -> "tenant") + " }";
		passes(this.graphQl.post("{ viewer { " + repeat(4, (i) -> "...F") + " } }" + fragment));
		this.graphQl.post("{ viewer { " + repeat(5, (i) -> "...F") + " } }" + fragment)
			.isRefused(200, "TOO_MANY_FIELDS");
	}

	@Test
	void rootFields() {
		passes(this.graphQl.post("{ " + repeat(20, (i) -> "__typename") + " }"));
		this.graphQl.post("{ " + repeat(21, (i) -> "__typename") + " }").isRefused(200, "TOO_MANY_ROOT_FIELDS");
	}

	@Test
	void directivesPerField() {
		// No schema has ten distinct directives for a field: ten pass the limit and fail
		// validation.
		assertThat(this.graphQl.post("{ viewer " + repeat(10, (i) -> "@skip(if: false)") + " { tenant } }")
			.firstErrorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
		this.graphQl.post("{ viewer " + repeat(11, (i) -> "@skip(if: false)") + " { tenant } }")
			.isRefused(200, "TOO_MANY_DIRECTIVES");
	}

	@Test
	void listArguments() {
		String query = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }";
		passes(this.graphQl.post(query, Map.of("ids", customerIds(100))));
		this.graphQl.post(query, Map.of("ids", customerIds(101))).isRefused(200, "LIST_TOO_LONG");
		this.graphQl.post("{ customers(filter: {tags: [" + repeat(101, (i) -> "\"t\"") + "]}) { totalCount } }")
			.isRefused(200, "LIST_TOO_LONG");
	}

	@Test
	void cost() {
		String query = "{ customers(first: 37) { nodes { sources(first: 25) { nodes { id } } } } %s }";
		Response underLimit = this.graphQl.post(query.formatted(""));
		passes(underLimit);
		assertThat(underLimit.body()).contains("\"requestedQueryCost\":1000");
		this.graphQl.post(query.formatted("viewer { tenant }")).isRefused(200, "QUERY_TOO_COMPLEX");
	}

	@Test
	void tokens() {
		// A variable's default value adds tokens without adding fields or list items (the
		// variable is given).
		String template = "query($tags: [String!] = [%s]) { customers(filter: {tags: $tags}) { totalCount } }";
		int overhead = tokensOf(template.formatted(""));
		Map<String, Object> variables = Map.of("tags", List.of("vip"));
		passes(this.graphQl.post(template.formatted(repeat(15_000 - overhead, (i) -> "\"t\"")), variables));
		this.graphQl.post(template.formatted(repeat(15_001 - overhead, (i) -> "\"t\"")), variables)
			.isRefused(200, "QUERY_TOO_LARGE");
	}

	@Test
	void bodySize() {
		String request = "{\"query\": \"{ viewer { tenant } }\"}";
		int padding = 1024 * 1024 - request.length();
		String justUnder = request.replace("}\"}", "}\"" + " ".repeat(padding) + "}");
		assertThat(justUnder).hasSize(1024 * 1024);
		passes(post(justUnder));
		post(justUnder + " ").isRefused(413, "REQUEST_TOO_LARGE");
	}

	private Response post(String body) {
		return this.graphQl.postBody(body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON,
				MediaType.APPLICATION_JSON);
	}

	private static void passes(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json()).as(response.body()).doesNotContainKey("errors");
	}

	/**
	 * {@code source { customer { defaultSource { customer … { id } } } } }, fields nested
	 * {@code depth} deep.
	 */
	private static String nested(int depth) {
		StringBuilder query = new StringBuilder("{ source(id: \"" + new GlobalId("Source", 1).encode() + "\") ");
		for (int level = 2; level <= depth - 1; level++) {
			query.append((level % 2 == 0) ? "{ customer " : "{ defaultSource ");
		}
		query.append("{ id }").append(" }".repeat(depth - 2)).append(" }");
		return query.toString();
	}

	private static List<String> customerIds(int count) {
		return IntStream.rangeClosed(1, count).mapToObj((key) -> new GlobalId("Customer", key).encode()).toList();
	}

	/** {@code count} items, space-separated. */
	static String repeat(int count, IntFunction<String> item) {
		return String.join(" ", IntStream.range(0, count).mapToObj(item).toList());
	}

	private static int tokensOf(String document) {
		AtomicInteger tokens = new AtomicInteger();
		ParserOptions counting = ParserOptions.newParserOptions()
			.maxTokens(Integer.MAX_VALUE)
			.parsingListener((token) -> tokens.incrementAndGet())
			.build();
		new Parser()
			.parseDocument(ParserEnvironment.newParserEnvironment().document(document).parserOptions(counting).build());
		// The parser's limit counts the end-of-input token as well.
		return tokens.get() + 1;
	}

}
