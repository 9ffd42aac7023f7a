package dev.customergraph.bench;

import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.dataset.DatasetWriter;
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
 * The benchmark's read shapes, exactly as the harness sends them ({@code graphql-test/bench/}),
 * cost a fixed number of SQL statements whatever the page size: Q1 and Q5 one, Q4 two (with
 * totalCount), Q2 three, Q3 at most three.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchQueryStatementsTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	DatasetWriter dataset;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		this.tenant = this.tenants.create();
		this.dataset.write(this.tenant.name(), 300, false);
		// Warm the key cache, so the counts below are the queries' own statements.
		this.tenant.graphQl().document("{ viewer { tenant } }").execute();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 50, 100 })
	void flatPageQ1IsOneStatement(int first) {
		assertThat(statementsOf("Q1", Map.of("first", first), "customers.nodes", first)).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 50, 100 })
	void nestedPageQ2IsThreeStatements(int first) {
		assertThat(statementsOf("Q2", Map.of("first", first), "customers.nodes", first)).isEqualTo(3);
	}

	@Test
	void pointLookupQ3IsAtMostThreeStatements() {
		// The newest twelve customers cover every address count (0-3) and source count (0-4).
		List<String> ids = this.tenant.graphQl()
			.documentName("bench/Q1")
			.variable("first", 12)
			.execute()
			.path("customers.nodes[*].id")
			.entityList(String.class)
			.get();
		for (String id : ids) {
			assertThat(statementsOf("Q3", Map.of("id", id), "customer", null)).isBetween(2L, 3L);
		}
	}

	@Test
	void searchQ4IsOneStatementAndOneForTotalCount() {
		assertThat(statementsOf("Q4", Map.of("q", "Ad"), "customers.nodes", 7)).isEqualTo(2);
		assertThat(statementsOf("Q4", Map.of("q", "ada."), "customers.nodes", 7)).isEqualTo(2);
	}

	@Test
	void deepPageQ5IsOneStatement() {
		String cursor = this.tenant.graphQl()
			.documentName("bench/Q1")
			.variable("first", 100)
			.execute()
			.path("customers.pageInfo.endCursor")
			.entity(String.class)
			.get();
		assertThat(statementsOf("Q5", Map.of("after", cursor), "customers.nodes", 50)).isEqualTo(1);
	}

	/** Runs a bench shape and returns the statements it sent; checks the rows came back. */
	private long statementsOf(String shape, Map<String, Object> variables, String path, Integer rows) {
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

}
