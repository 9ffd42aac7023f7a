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

	@Test
	void requestsWithinTheBudgetRunAsUsual() {
		TestTenant tenant = this.tenants.create();
		GraphQlResponse response = tenant.graphQl().document("{ viewer { tenant } }").execute().returnResponse();
		assertThat(response.getErrors()).isEmpty();
	}

}
