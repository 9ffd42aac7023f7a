package dev.customergraph.customer;

import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.observability.SqlStatementCounter;
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

/**
 * Nested fields are batched: the statement count of a page does not grow with its size.
 * The benchmark's read shapes, exactly as the harness sends them
 * ({@code graphql-test/bench/}), cost Q1 and Q5 one statement, Q4 two (with totalCount),
 * Q2 three, Q3 one.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerBatchingTests {

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		this.tenant = this.tenants.seeded(120);
		// Warm the key cache, so the counts below are the queries' own statements.
		this.tenant.graphQl().document("{ viewer { tenant } }").execute();
	}

	@Test
	void nestedPageCostsFourStatementsWhateverItsSize() {
		// customers; their addresses (connection and defaults share one load); one page
		// of
		// sources per customer (windowed); the default sources.
		assertThat(statementsOf(5)).isEqualTo(4);
		assertThat(statementsOf(50)).isEqualTo(4);
		assertThat(statementsOf(70)).isEqualTo(4);
	}

	@Test
	void flatPageIsOneStatementAndTotalCountOneMore() {
		long before = SqlStatementCounter.total();
		this.tenant.graphQl().document("{ customers(first: 50) { nodes { id email tags createdAt } } }").execute();
		assertThat(SqlStatementCounter.total() - before).isEqualTo(1);
		before = SqlStatementCounter.total();
		this.tenant.graphQl().document("{ customers(first: 50) { totalCount nodes { id } } }").execute();
		assertThat(SqlStatementCounter.total() - before).isEqualTo(2);
	}

	@Test
	void nestedTotalCountsAreBatchedToo() {
		long before = SqlStatementCounter.total();
		this.tenant.graphQl()
			.document("{ customers(first: 40) { nodes { addresses { totalCount } sources { totalCount } } } }")
			.execute();
		assertThat(SqlStatementCounter.total() - before).isEqualTo(4);
	}

	@Test
	void aliasesAskingForDifferentPagesOfSourcesEachGetTheirsInConstantStatements() {
		String document = """
				query($first: Int) { customers(first: $first) { nodes {
				  one: sources(first: 1) { nodes { id } }
				  three: sources(first: 3) { nodes { id } pageInfo { hasNextPage } } } } }""";
		for (int first : new int[] { 5, 60 }) {
			long before = SqlStatementCounter.total();
			GraphQlTester.Response response = this.tenant.graphQl()
				.document(document)
				.variable("first", first)
				.execute();
			// The page, and one windowed statement per page of sources asked for.
			assertThat(SqlStatementCounter.total() - before).isEqualTo(3);
			for (int n = 0; n < first; n++) {
				List<String> one = ids(response, "customers.nodes[" + n + "].one");
				List<String> three = ids(response, "customers.nodes[" + n + "].three");
				assertThat(one).hasSizeLessThanOrEqualTo(1);
				assertThat(three).hasSizeLessThanOrEqualTo(3).startsWith(one.toArray(String[]::new));
			}
			if (first == 60) {
				// Some of 60 customers have more than three sources.
				response.path("customers.nodes[*].three.pageInfo.hasNextPage").entityList(Boolean.class).contains(true);
			}
		}
	}

	@Test
	void aPageOfSourcesWithTheSameArgumentsUnderNodesAndEdgesIsReadOnce() {
		long before = SqlStatementCounter.total();
		this.tenant.graphQl()
			.document("""
					query($n: Int) { customers(first: 30) {
					  nodes { sources(first: $n) { nodes { id } } }
					  edges { node { sources(first: 2) { nodes { last4 } } } } } }""")
			.variable("n", 2)
			.execute()
			.path("customers.edges")
			.entityList(Object.class)
			.hasSize(30);
		assertThat(SqlStatementCounter.total() - before).isEqualTo(2);
	}

	@Test
	void aNestedPageTheFieldRefusesIsReportedAtTheFieldOfEveryCustomer() {
		this.tenant.graphQl()
			.document("{ customers(first: 2) { nodes { id sources(after: \"not-a-cursor\") { nodes { id } } } } }")
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(2);
				assertThat(errors).allSatisfy((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "INVALID");
					assertThat(error.getParsedPath()).startsWith("customers", "nodes").endsWith("sources");
				});
			});
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 50, 100 })
	void benchFlatPageQ1IsOneStatement(int first) {
		assertThat(benchShapeStatements("Q1", Map.of("first", first), "customers.nodes", first)).isEqualTo(1);
	}

	// 80 is the largest Q2 page within the default query cost limit (1,000).
	@ParameterizedTest
	@ValueSource(ints = { 1, 50, 80 })
	void benchNestedPageQ2IsThreeStatements(int first) {
		assertThat(benchShapeStatements("Q2", Map.of("first", first), "customers.nodes", first)).isEqualTo(3);
	}

	@Test
	void benchPointLookupQ3IsOneStatement() {
		// The newest twelve customers cover every address count (0-3) and source count
		// (0-4).
		List<String> ids = this.tenant.graphQl()
			.documentName("bench/Q1")
			.variable("first", 12)
			.execute()
			.path("customers.nodes[*].id")
			.entityList(String.class)
			.get();
		for (String id : ids) {
			// Its addresses and default source come with the customer row.
			assertThat(benchShapeStatements("Q3", Map.of("id", id), "customer", null)).isEqualTo(1);
		}
	}

	@Test
	void benchSearchQ4IsOneStatementAndOneForTotalCount() {
		// Ada is customer 40, 80 and 120; the email prefix matches the same three.
		assertThat(benchShapeStatements("Q4", Map.of("q", "Ad"), "customers.nodes", 3)).isEqualTo(2);
		assertThat(benchShapeStatements("Q4", Map.of("q", "ada."), "customers.nodes", 3)).isEqualTo(2);
	}

	@Test
	void benchDeepPageQ5IsOneStatement() {
		String cursor = this.tenant.graphQl()
			.documentName("bench/Q1")
			.variable("first", 100)
			.execute()
			.path("customers.pageInfo.endCursor")
			.entity(String.class)
			.get();
		assertThat(benchShapeStatements("Q5", Map.of("after", cursor), "customers.nodes", 20)).isEqualTo(1);
	}

	private static List<String> ids(GraphQlTester.Response response, String connection) {
		return response.path(connection + ".nodes[*].id").entityList(String.class).get();
	}

	/**
	 * Runs a bench shape and returns the statements it sent; checks the rows came back.
	 */
	private long benchShapeStatements(String shape, Map<String, Object> variables, String path, Integer rows) {
		long before = SqlStatementCounter.total();
		GraphQlTester.Request<?> request = this.tenant.graphQl().documentName("bench/" + shape);
		variables.forEach(request::variable);
		GraphQlTester.Response response = request.execute();
		long statements = SqlStatementCounter.total() - before;
		if (rows != null) {
			response.path(path).entityList(Object.class).hasSize(rows);
		}
		else {
			response.path(path).hasValue();
		}
		return statements;
	}

	private long statementsOf(int pageSize) {
		long before = SqlStatementCounter.total();
		this.tenant.graphQl()
			.documentName("nestedCustomersPage")
			.variable("first", pageSize)
			.execute()
			.path("customers.nodes")
			.entityList(Object.class)
			.hasSize(pageSize);
		return SqlStatementCounter.total() - before;
	}

}
