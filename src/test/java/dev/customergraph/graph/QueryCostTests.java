package dev.customergraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.customergraph.GatewayTest;
import dev.customergraph.dataset.DatasetWriter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import graphql.analysis.QueryTraverser;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requested cost of queries, computed before execution and reported in
 * {@code extensions.cost}.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryCostTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	GatewayLimits limits;

	@Autowired
	DatasetWriter dataset;

	TestTenant tenant;

	@BeforeAll
	void tenant() {
		this.tenant = this.tenants.create();
	}

	static Stream<Arguments> queries() {
		return Stream.of(Arguments.of("{ __typename }", 0), Arguments.of("{ viewer { tenant scopes } }", 1),
				Arguments.of("{ customers { totalCount } }", 1 + 2),
				Arguments.of("{ customers(filter: {search: \"ab\"}) { totalCount nodes { id } } }", 1 + 10 + 2 + 10),
				Arguments.of("{ nodes(ids: [\"a\", \"b\", \"a\"]) { id ... on Customer { defaultSource { id } } } }",
						2 * (1 + 1)),
				Arguments.of("{ customers(filter: {ids: [\"a\", \"b\", \"a\"]}) { nodes { id } } }", 1 + 2),
				Arguments.of("{ customers(first: 1, filter: {ids: [\"a\", \"b\"]}) { nodes { id } } }", 1 + 1),
				Arguments.of(
						"""
								{ _entities(representations: [{__typename: "Customer", id: "a"}, {__typename: "Customer", id: "b"},
								  {__typename: "Customer", id: "a"}]) { ... on Customer { id } } }""",
						2),
				Arguments.of("{ customers { nodes { id email tags } } }", 1 + 10 * 1),
				Arguments.of("{ customers(first: 5) { edges { cursor node { id } } pageInfo { hasNextPage } } }",
						1 + 5 * (1 + 1) + 1),
				Arguments.of("{ customers(last: 2) { nodes { defaultShippingAddress { city } } } }", 1 + 2 * (1 + 1)),
				Arguments.of("""
						{ customers(first: 50) { nodes {
						    addresses(first: 3) { nodes { city } }
						    sources(first: 5) { nodes { brand } }
						    defaultSource { last4 } } } }""", 1 + 50 * (1 + (1 + 3) + (1 + 5) + 1)),
				Arguments.of("""
						{ sources(first: 4) { nodes { customer { addresses { edges { node { id } } } } } } }""",
						1 + 4 * (1 + 1 + (1 + 10 * (1 + 1)))),
				Arguments.of("{ ...page } fragment page on Query { customers(first: 3) { nodes { id } } }", 1 + 3),
				Arguments.of("{ node(id: \"x\") { id ... on Customer { addresses { nodes { id } } } } }", 1 + 1 + 10),
				// A page size the connection refuses counts as the default; the
				// connection then says INVALID.
				Arguments.of("{ customers { nodes { addresses(first: 500) { nodes { id } } } } }",
						1 + 10 * (1 + 1 + 10)),
				// An offset adds 1 per 100 rows it skips, rounded up; one the
				// connection refuses adds nothing.
				Arguments.of("{ customers(first: 5, offset: 250) { nodes { id } } }", 1 + 3 + 5),
				Arguments.of("{ customers(offset: 1) { totalCount } }", 1 + 1 + 2),
				Arguments.of("{ sources(offset: 10000) { nodes { id } } }", 1 + 100 + 10),
				Arguments.of("{ customers(offset: 10001) { nodes { id } } }", 1 + 10),
				// The events feed pages forward only, and costs as the others do.
				Arguments.of("{ events(first: 50) { nodes { type } } }", 1 + 50),
				Arguments.of("{ events { edges { node { customer { id } } } } }", 1 + 10 * (1 + 1 + 1)));
	}

	@ParameterizedTest
	@MethodSource("queries")
	void requestedCostIsReportedInExtensions(String query, int cost) {
		GraphQlResponse response = this.tenant.graphQl().document(query).execute().returnResponse();
		assertThat(response.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", cost)
			.containsEntry("maxQueryCost", 1000);
	}

	@Test
	void variablesSizeConnections() {
		GraphQlResponse response = this.tenant.graphQl()
			.document("query($n: Int) { customers(first: $n) { nodes { id } } }")
			.variable("n", 7)
			.execute()
			.returnResponse();
		assertThat(response.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", 1 + 7);
	}

	/**
	 * A repeated document is costed from its variables each time: page sizes by value,
	 * conditions by value, a search by whether it is given, a skipped field not at all.
	 */
	@Test
	void aRepeatedDocumentIsCostedForItsVariables() {
		String query = """
				query($n: Int, $q: String, $withTotal: Boolean!) {
				  customers(first: $n, filter: {search: $q}) { totalCount @include(if: $withTotal) nodes { id } } }""";
		record Case(@Nullable Integer first, @Nullable String search, boolean withTotal, int cost) {
		}
		List<Case> cases = List.of(new Case(7, null, false, 1 + 7), new Case(7, null, false, 1 + 7),
				new Case(3, null, false, 1 + 3), new Case(3, "ab", false, 1 + 10 + 3),
				new Case(3, "cd", true, 1 + 10 + 2 + 3), new Case(3, null, true, 1 + 2 + 3),
				new Case(7, null, false, 1 + 7));
		for (Case c : cases) {
			Map<String, @Nullable Object> variables = new HashMap<>();
			variables.put("n", c.first());
			variables.put("q", c.search());
			variables.put("withTotal", c.withTotal());
			GraphQlResponse response = this.tenant.graphQl()
				.document(query)
				.variables(variables)
				.execute()
				.returnResponse();
			assertThat(response.getExtensions()).as(c.toString())
				.extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
				.containsEntry("requestedQueryCost", c.cost());
		}
	}

	@Test
	void rootListsCostTheirDistinctLength() {
		List<String> ids = IntStream.rangeClosed(1, 100)
			.mapToObj((key) -> new GlobalId("Customer", key).encode())
			.toList();
		String query = "query($ids: [ID!]!) { nodes(ids: $ids) { ... on Customer { addresses(first: 10) { nodes { id } } } } }";
		GraphQlResponse repeated = this.tenant.graphQl()
			.document(query)
			.variable("ids", Stream.concat(ids.subList(0, 50).stream(), ids.subList(0, 50).stream()).toList())
			.execute()
			.returnResponse();
		assertThat(repeated.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", 50 * (1 + 1 + 10));
		GraphQlResponse distinct = this.tenant.graphQl()
			.document(query)
			.variable("ids", ids)
			.execute()
			.returnResponse();
		assertThat(distinct.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "QUERY_TOO_COMPLEX"));
		assertThat(distinct.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", 100 * (1 + 1 + 10));
	}

	@Test
	void actualCostCountsTheObjectsReturnedWhenPagesAreNotFull() {
		TestTenant seeded = this.tenants.create();
		this.dataset.write(seeded.name(), 3, false);
		GraphQlResponse response = seeded.graphQl()
			.document("{ customers(first: 5) { pageInfo { hasNextPage } nodes { id } } }")
			.execute()
			.returnResponse();
		assertThat(response.getExtensions()).extractingByKey("cost", as(InstanceOfAssertFactories.MAP))
			.containsEntry("requestedQueryCost", 1 + 1 + 5)
			.containsEntry("actualQueryCost", 1 + 1 + 3)
			.containsEntry("maxQueryCost", 1000);
	}

	@Test
	void mutationRootFieldsCostTen() {
		GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
				type Query { a: Int }
				type Mutation { create: Payload }
				type Payload { item: Item, items(first: Int, last: Int): ItemConnection }
				type Item { id: ID }
				type ItemConnection { nodes: [Item] }
				"""));
		QueryTraverser mutation = QueryTraverser.newQueryTraverser()
			.schema(schema)
			.document(Parser.parse("mutation { create { item { id } items(first: 2) { nodes { id } } } }"))
			.variables(Map.of())
			.build();
		assertThat(new QueryCost(this.limits).of(mutation, true)).isEqualTo(10 + 1 + (1 + 2));
	}

}
