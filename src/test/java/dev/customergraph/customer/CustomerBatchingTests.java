package dev.customergraph.customer;

import dev.customergraph.GatewayTest;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Nested fields are batched: the statement count of a page does not grow with its size. */
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
		// customers; their addresses (connection and defaults share one load); one page of
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
