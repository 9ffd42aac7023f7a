package dev.customergraph.graph;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed ids, cursors, enum values and scalars get a precise message written for the
 * client (no AST node or Java type in it) and a code.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidInputMessagesTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeAll
	void tenant() {
		this.tenant = this.tenants.create();
	}

	static Stream<Arguments> malformedInputs() {
		return Stream.of(
				Arguments.of("{ customer(id: \"nope\") { id } }", Map.of(), "INVALID",
						"'nope' is not a valid global id."),
				Arguments.of("{ customer(id: \"" + new GlobalId("Source", 1).encode() + "\") { id } }", Map.of(),
						"INVALID", "is not a Customer id."),
				Arguments.of("{ customers(after: \"nope\") { totalCount } }", Map.of(), "INVALID", "Invalid cursor"),
				Arguments.of("{ customers(first: -1) { totalCount } }", Map.of(), "INVALID",
						"'first' must be between 0 and 100; got -1."),
				Arguments.of("{ customers(filter: {countryCode: \"Germany\"}) { totalCount } }", Map.of(), "INVALID",
						"'filter.countryCode' must be an ISO 3166-1 alpha-2 code"),
				Arguments.of("{ customers(orderBy: {field: FOO}) { totalCount } }", Map.of(),
						"GRAPHQL_VALIDATION_FAILED",
						"argument 'orderBy.field' with value 'FOO' is not a valid 'CustomerOrderField'"),
				Arguments.of("{ customers(first: \"ten\") { totalCount } }", Map.of(), "GRAPHQL_VALIDATION_FAILED",
						"argument 'first' with value '\"ten\"' is not a valid 'Int' - "
								+ "Expected a literal of kind Int but it was of kind String"),
				Arguments.of("{ customers(filter: {createdAfter: \"yesterday\"}) { totalCount } }", Map.of(),
						"GRAPHQL_VALIDATION_FAILED", "Invalid RFC3339 value : 'yesterday'"),
				Arguments.of("query($f: CustomerOrderField!) { customers(orderBy: {field: $f}) { totalCount } }",
						Map.of("f", "FOO"), "INVALID",
						"Invalid input for enum 'CustomerOrderField'. No value found for name 'FOO'"),
				Arguments.of("query($n: Int) { customers(first: $n) { totalCount } }", Map.of("n", "ten"), "INVALID",
						"Expected a value that can be converted to type 'Int' but it was a JSON string"),
				Arguments.of("query($n: Int) { customers(first: $n) { totalCount } }", Map.of("n", Map.of("a", 1)),
						"INVALID", "but it was a JSON object"),
				Arguments.of("query($v: Boolean) { customers(filter: {enabled: $v}) { totalCount } }",
						Map.of("v", List.of(true)), "INVALID", "it was a JSON list"),
				Arguments.of("query($f: CustomerFilter) { customers(filter: $f) { totalCount } }", Map.of("f", "vip"),
						"INVALID", "Expected an input object but it was a JSON string"),
				Arguments.of("query($f: CustomerFilter) { customers(filter: $f) { totalCount } }",
						Map.of("f", List.of(1)), "INVALID", "Expected an input object but it was a JSON list"));
	}

	@ParameterizedTest
	@MethodSource("malformedInputs")
	void malformedInputsGetPreciseMessages(String query, Map<String, Object> variables, String code, String message) {
		this.tenant.graphQl().document(query).variables(variables).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).containsEntry("code", code);
			assertThat(errors.get(0).getMessage()).contains(message).doesNotContain("Value{", "java.");
		});
	}

}
