package dev.customergraph.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** The sources root fields, filters, and the nested sources and addresses connections. */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceQueryTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		// 100 customers: 120 attached sources, 10 detached.
		this.tenant = this.tenants.seeded(100);
	}

	@Test
	void sourcesAreNewestFirstAndFilterable() {
		this.tenant.graphQl()
			.document(
					"""
							{ all: sources { totalCount }
							  detached: sources(first: 3, filter: {attached: false}) { totalCount nodes { providerReference customer { id } isDefault } }
							  attached: sources(filter: {attached: true}) { totalCount }
							  stripe: sources(filter: {provider: "stripe"}) { totalCount } }
							""")
			.execute()
			.path("all.totalCount")
			.entity(Integer.class)
			.isEqualTo(130)
			.path("detached.totalCount")
			.entity(Integer.class)
			.isEqualTo(10)
			.path("detached.nodes[*].providerReference")
			.entityList(String.class)
			.containsExactly("src_detached_10", "src_detached_9", "src_detached_8")
			.path("detached.nodes[0].customer")
			.valueIsNull()
			.path("detached.nodes[0].isDefault")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("attached.totalCount")
			.entity(Integer.class)
			.isEqualTo(120)
			.path("stripe.totalCount")
			.entity(Integer.class)
			.satisfies((count) -> assertThat(count).isPositive());
	}

	@Test
	void sourceByIdAndByCustomerFilter() {
		// i = 5 owns s(5) = 4 sources, k = 0 the default.
		String customerId = this.tenant.graphQl()
			.document("{ customerByEmail(email: \"finn.smith.5@example.test\") { id } }")
			.execute()
			.path("customerByEmail.id")
			.entity(String.class)
			.get();
		List<String> ids = this.tenant.graphQl()
			.document(
					"query($c: ID) { sources(filter: {customerId: $c}) { totalCount nodes { id providerReference isDefault } } }")
			.variable("c", customerId)
			.execute()
			.path("sources.totalCount")
			.entity(Integer.class)
			.isEqualTo(4)
			.path("sources.nodes[*].providerReference")
			.entityList(String.class)
			.containsExactly("src_5_3", "src_5_2", "src_5_1", "src_5_0")
			.path("sources.nodes[3].isDefault")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("sources.nodes[*].id")
			.entityList(String.class)
			.get();
		this.tenant.graphQl()
			.document("query($id: ID!) { source(id: $id) { providerReference customer { id } } }")
			.variable("id", ids.get(3))
			.execute()
			.path("source.providerReference")
			.entity(String.class)
			.isEqualTo("src_5_0")
			.path("source.customer.id")
			.entity(String.class)
			.isEqualTo(customerId);
	}

	@Test
	void nestedSourcesPageBothWays() {
		String document = """
				query($first: Int, $after: String, $last: Int, $before: String) {
				  customerByEmail(email: "finn.smith.5@example.test") {
				    sources(first: $first, after: $after, last: $last, before: $before) {
				      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { providerReference } } } }
				""";
		var first = this.tenant.graphQl().document(document).variable("first", 3).execute();
		first.path("customerByEmail.sources.nodes[*].providerReference")
			.entityList(String.class)
			.containsExactly("src_5_0", "src_5_1", "src_5_2");
		first.path("customerByEmail.sources.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String end = first.path("customerByEmail.sources.pageInfo.endCursor").entity(String.class).get();
		this.tenant.graphQl()
			.document(document)
			.variable("first", 3)
			.variable("after", end)
			.execute()
			.path("customerByEmail.sources.nodes[*].providerReference")
			.entityList(String.class)
			.containsExactly("src_5_3")
			.path("customerByEmail.sources.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false);
		var last = this.tenant.graphQl().document(document).variable("last", 2).execute();
		last.path("customerByEmail.sources.nodes[*].providerReference")
			.entityList(String.class)
			.containsExactly("src_5_2", "src_5_3");
		last.path("customerByEmail.sources.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
		String start = last.path("customerByEmail.sources.pageInfo.startCursor").entity(String.class).get();
		this.tenant.graphQl()
			.document(document)
			.variable("last", 5)
			.variable("before", start)
			.execute()
			.path("customerByEmail.sources.nodes[*].providerReference")
			.entityList(String.class)
			.containsExactly("src_5_0", "src_5_1")
			.path("customerByEmail.sources.pageInfo.hasPreviousPage")
			.entity(Boolean.class)
			.isEqualTo(false);
	}

	@Test
	void nestedAddressesPageBothWays() {
		// i = 3: three addresses.
		String document = """
				query($first: Int, $after: String, $last: Int, $before: String) {
				  customerByEmail(email: "dan.rahman.3@example.test") {
				    addresses(first: $first, after: $after, last: $last, before: $before) {
				      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { line1 } } } }
				""";
		var first = this.tenant.graphQl().document(document).variable("first", 2).execute();
		first.path("customerByEmail.addresses.nodes[*].line1")
			.entityList(String.class)
			.containsExactly("4 Main Street", "5 Main Street");
		String end = first.path("customerByEmail.addresses.pageInfo.endCursor").entity(String.class).get();
		this.tenant.graphQl()
			.document(document)
			.variable("first", 2)
			.variable("after", end)
			.execute()
			.path("customerByEmail.addresses.nodes[*].line1")
			.entityList(String.class)
			.containsExactly("6 Main Street")
			.path("customerByEmail.addresses.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("customerByEmail.addresses.totalCount")
			.entity(Integer.class)
			.isEqualTo(3);
		this.tenant.graphQl()
			.document(document)
			.variable("last", 1)
			.execute()
			.path("customerByEmail.addresses.nodes[*].line1")
			.entityList(String.class)
			.containsExactly("6 Main Street")
			.path("customerByEmail.addresses.pageInfo.hasPreviousPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(end).isNotBlank();
	}

	@ParameterizedTest
	@ValueSource(strings = { "all", "detached", "stripe" })
	void offsetPagesOfSourcesMatchACursorWalkRowForRow(String which) {
		Map<String, Object> filter = switch (which) {
			case "detached" -> Map.of("attached", false);
			case "stripe" -> Map.of("provider", "stripe");
			default -> Map.of();
		};
		String document = """
				query($first: Int, $offset: Int, $after: String, $filter: SourceFilter) {
				  sources(first: $first, offset: $offset, after: $after, filter: $filter) {
				    totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id providerReference isDefault } } }
				""";
		List<Object> byCursor = new ArrayList<>();
		List<Object> byOffset = new ArrayList<>();
		String cursor = null;
		for (int number = 0;; number++) {
			GraphQlTester.Response next = this.tenant.graphQl()
				.document(document)
				.variable("first", 9)
				.variable("after", cursor)
				.variable("filter", filter)
				.execute();
			GraphQlTester.Response numbered = this.tenant.graphQl()
				.document(document)
				.variable("first", 9)
				.variable("offset", number * 9)
				.variable("filter", filter)
				.execute();
			byCursor.addAll(next.path("sources.nodes").entityList(Object.class).get());
			byOffset.addAll(numbered.path("sources.nodes").entityList(Object.class).get());
			boolean more = next.path("sources.pageInfo.hasNextPage").entity(Boolean.class).get();
			numbered.path("sources.pageInfo.hasNextPage")
				.entity(Boolean.class)
				.isEqualTo(more)
				.path("sources.pageInfo.hasPreviousPage")
				.entity(Boolean.class)
				.isEqualTo(number > 0);
			if (!more) {
				numbered.path("sources.totalCount").entity(Integer.class).isEqualTo(byCursor.size());
				break;
			}
			cursor = next.path("sources.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(byOffset).isNotEmpty().containsExactlyElementsOf(byCursor).doesNotHaveDuplicates();
	}

}
