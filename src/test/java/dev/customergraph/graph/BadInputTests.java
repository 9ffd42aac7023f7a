package dev.customergraph.graph;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed ids, cursors and page sizes are clear INVALID errors, never server faults.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	String emailCursor;

	String createdCursor;

	@BeforeAll
	void cursors() {
		this.tenant = this.tenants.create();
		dev.customergraph.customer.CustomerFixtures.customer("cursor@example.test")
			.insert(this.tenants.jdbc(), this.tenant.partition());
		this.emailCursor = this.tenant.graphQl()
			.document("{ customers(orderBy: {field: EMAIL, direction: ASC}) { edges { cursor } } }")
			.execute()
			.path("customers.edges[0].cursor")
			.entity(String.class)
			.get();
		this.createdCursor = this.tenant.graphQl()
			.document("{ customers { edges { cursor } } }")
			.execute()
			.path("customers.edges[0].cursor")
			.entity(String.class)
			.get();
	}

	static Stream<Arguments> badRequests() {
		String customerId = new GlobalId("Customer", 1).encode();
		String addressId = new GlobalId("Address", 1).encode();
		return Stream.of(
				Arguments.of("first over 100", "{ customers(first: 101) { nodes { id } } }",
						"'first' must be between 0 and 100"),
				Arguments.of("negative first", "{ customers(first: -1) { nodes { id } } }",
						"'first' must be between 0 and 100"),
				Arguments.of("negative last", "{ customers(last: -5) { nodes { id } } }",
						"'last' must be between 0 and 100"),
				Arguments.of("first and last", "{ customers(first: 2, last: 2) { nodes { id } } }",
						"either 'first' or 'last'"),
				Arguments.of("nested first over 100",
						"{ customers { nodes { addresses(first: 500) { nodes { id } } } } }",
						"'first' must be between"),
				Arguments.of("nested sources first and last",
						"{ customers { nodes { sources(first: 1, last: 1) { nodes { id } } } } }",
						"either 'first' or 'last'"),
				Arguments.of("malformed cursor", "{ customers(after: \"not-a-cursor\") { nodes { id } } }",
						"Invalid cursor"),
				Arguments.of("malformed root sources cursor", "{ sources(before: \"Zm9v\") { nodes { id } } }",
						"Invalid cursor"),
				Arguments.of("malformed nested cursor",
						"{ customers(first: 1) { nodes { sources(after: \"Zm9v\") { nodes { id } } } } }",
						"Invalid cursor"),
				Arguments.of("malformed nested address cursor",
						"{ customers(first: 1) { nodes { addresses(after: \"Zm9v\") { nodes { id } } } } }",
						"Invalid cursor"),
				Arguments.of("malformed id", "{ customer(id: \"%%%\") { id } }", "not a valid global id"),
				Arguments.of("id of another type", "{ customer(id: \"" + addressId + "\") { id } }",
						"is not a Customer id"),
				Arguments.of("source id of a customer", "{ source(id: \"" + customerId + "\") { id } }",
						"is not a Source id"),
				Arguments.of("malformed node id", "{ node(id: \"Q3VzdG9tZXI6eA\") { id } }", "not a valid global id"),
				Arguments.of("malformed filter id", "{ customers(filter: {ids: [\"x\"]}) { nodes { id } } }",
						"not a valid global id"),
				Arguments.of("malformed country", "{ customers(filter: {countryCode: \"Germany\"}) { nodes { id } } }",
						"ISO 3166-1 alpha-2"),
				Arguments.of("bad source filter customer",
						"{ sources(filter: {customerId: \"" + addressId + "\"}) { nodes { id } } }",
						"is not a Customer id"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void isInvalidWithAClearMessage(String name, String document, String message) {
		this.tenant.graphQl().document(document).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			ResponseError error = errors.get(0);
			assertThat(error.getExtensions()).containsEntry("code", "INVALID");
			assertThat(error.getMessage()).contains(message);
		});
	}

	@Test
	void tooManyIdsAreRefusedBeforeExecution() {
		List<String> ids = java.util.stream.LongStream.rangeClosed(1, 101)
			.mapToObj((n) -> new GlobalId("Customer", n).encode())
			.toList();
		this.tenant.graphQl()
			.document("query($ids: [ID!]!) { nodes(ids: $ids) { id } }")
			.variable("ids", ids)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "LIST_TOO_LONG"));
	}

	@Test
	void aCursorOfAnotherOrderingIsRefused() {
		this.tenant.graphQl()
			.document("query($after: String) { customers(after: $after) { nodes { id } } }")
			.variable("after", this.emailCursor)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID");
				assertThat(errors.get(0).getMessage()).contains("another list or ordering");
			});
	}

	@Test
	void aCursorOfAnotherTenantIsRefused() {
		TestTenant other = this.tenants.create();
		other.graphQl()
			.document("query($after: String) { customers(after: $after) { nodes { id } } }")
			.variable("after", this.createdCursor)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors.get(0).getExtensions()).containsEntry("code", "INVALID"));
	}

	@Test
	void unknownButWellFormedIdsAreNull() {
		String missing = new GlobalId("Customer", Long.MAX_VALUE).encode();
		String unknownType = new GlobalId("Invoice", 7).encode();
		this.tenant.graphQl()
			.document(
					"query($a: ID!, $b: ID!) { customer(id: $a) { id } node(id: $b) { id } nodes(ids: [$a, $b]) { id } }")
			.variables(Map.of("a", missing, "b", unknownType))
			.execute()
			.errors()
			.verify()
			.path("customer")
			.valueIsNull()
			.path("node")
			.valueIsNull()
			.path("nodes")
			.entityList(Object.class)
			.hasSize(2);
	}

}
