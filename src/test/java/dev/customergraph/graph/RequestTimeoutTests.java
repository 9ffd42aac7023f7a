package dev.customergraph.graph;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;

import javax.sql.DataSource;

import dev.customergraph.customer.CustomerFixtures;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.graphql.GraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wall-clock budget of a request ends its execution and its SQL. A gateway of its own
 * (on an engine of its own), with the budget lowered to 1 s; the slow request is an
 * update waiting on a row lock another transaction holds, which the engine alone would
 * let wait 3 s.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.data-dir=target/test-engine-timeout", "gateway.demo.customers=0",
				"gateway.limits.request-timeout=1s" })
@AutoConfigureHttpGraphQlTester
class RequestTimeoutTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	DataSource dataSource;

	@Test
	void aRequestOverItsTimeBudgetIsStoppedWithItsStatement() throws Exception {
		TestTenant tenant = this.tenants.create();
		long key = CustomerFixtures.customer("slow@example.com").insert(this.tenants.jdbc(), tenant.partition());
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			try (PreparedStatement select = lock.prepareStatement("SELECT id FROM customer WHERE id = ? FOR UPDATE")) {
				select.setLong(1, key);
				select.executeQuery().close();
			}
			long start = System.nanoTime();
			GraphQlResponse response = tenant.graphQl()
				.documentName("customers")
				.operationName("UpdateCustomer")
				.variable("input", Map.of("id", CustomerFixtures.globalId(key), "firstName", "Late"))
				.execute()
				.returnResponse();
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertThat(response.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "REQUEST_TIMEOUT"));
			// The statement's query timeout is the budget left (JDBC counts whole
			// seconds): the engine stopped waiting for the lock well before its 3 s.
			assertThat(millis).as("milliseconds").isBetween(1000L, 2900L);
			lock.rollback();
		}
		assertThat(this.tenants.jdbc()
			.sql("SELECT COUNT(*) FROM customer WHERE id = :id AND first_name = 'Late'")
			.param("id", key)
			.query(Integer.class)
			.single()).isZero();
	}

	/**
	 * A client must learn which root fields of a mutation were written: those that
	 * completed keep their payloads, the one that ran out of time and those after it are
	 * null, with nothing written.
	 */
	@Test
	void aMutationOverItsBudgetKeepsThePayloadsOfTheRootFieldsWritten() throws Exception {
		TestTenant tenant = this.tenants.create();
		long key = CustomerFixtures.customer("locked@example.com").insert(this.tenants.jdbc(), tenant.partition());
		try (Connection lock = this.dataSource.getConnection()) {
			lock.setAutoCommit(false);
			// By the whole primary key: the row alone is locked, not the gap new
			// customers
			// are inserted into.
			try (PreparedStatement select = lock.prepareStatement(
					"SELECT id FROM customer WHERE tenant_id = ? AND livemode = ? AND id = ? FOR UPDATE")) {
				select.setInt(1, tenant.partition().tenantId());
				select.setBoolean(2, tenant.partition().livemode());
				select.setLong(3, key);
				select.executeQuery().close();
			}
			GraphQlResponse response = tenant.graphQl().document("""
					mutation($id: ID!) {
					  first: createCustomer(input: { email: "first@example.com" }) { customer { email } }
					  late: updateCustomer(input: { id: $id, firstName: "Late" }) { customer { firstName } }
					  after: createCustomer(input: { email: "after@example.com" }) { customer { email } }
					}""").variable("id", CustomerFixtures.globalId(key)).execute().returnResponse();
			lock.rollback();
			assertThat(response.getErrors()).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "REQUEST_TIMEOUT"));
			String first = response.field("first.customer.email").getValue();
			Object late = response.field("late").getValue();
			Object after = response.field("after").getValue();
			assertThat(first).isEqualTo("first@example.com");
			assertThat(late).isNull();
			assertThat(after).isNull();
		}
		assertThat(this.tenants.jdbc()
			.sql("SELECT email FROM customer WHERE tenant_id = :tenant AND email IN "
					+ "('first@example.com', 'after@example.com')")
			.param("tenant", tenant.partition().tenantId())
			.query(String.class)
			.list()).containsExactly("first@example.com");
	}

	@Test
	void requestsWithinTheBudgetRunAsUsual() {
		TestTenant tenant = this.tenants.create();
		GraphQlResponse response = tenant.graphQl().document("{ viewer { tenant } }").execute().returnResponse();
		assertThat(response.getErrors()).isEmpty();
	}

}
