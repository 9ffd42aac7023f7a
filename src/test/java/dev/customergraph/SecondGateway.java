package dev.customergraph;

import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A second gateway instance in this JVM, on a random port, over the database of the
 * test's own gateway: what a load balancer in front of two instances sends requests to.
 * It is a whole application context of its own, so it has its own keys in memory, key
 * refresh, document caches, cost budgets, tenant slots and connection pool, and shares
 * only the database. A test class registers it as
 * {@code @RegisterExtension static final SecondGateway second = new SecondGateway();}: it
 * starts before the class's first test and stops after its last, so it does no background
 * work during other tests.
 */
public final class SecondGateway implements BeforeAllCallback, AfterAllCallback {

	private final @Nullable Supplier<String> url;

	private ConfigurableApplicationContext context;

	private WebTestClient http;

	private HttpGraphQlTester graphQl;

	/** An instance on the first gateway's database. */
	public SecondGateway() {
		this.url = null;
	}

	/**
	 * An instance on another server with the first gateway's account, such as another
	 * node of a cluster; the URL is asked for when the instance starts.
	 */
	public SecondGateway(Supplier<String> url) {
		this.url = url;
	}

	/**
	 * Points the instance at the first gateway's database (or the URL given), as a second
	 * instance is pointed at it by {@code spring.datasource.url}, username and password.
	 */
	@Override
	public void beforeAll(ExtensionContext test) throws Exception {
		DataSource database = SpringExtension.getApplicationContext(test).getBean(DataSource.class);
		HikariDataSource pool = database.unwrap(HikariDataSource.class);
		String url = (this.url != null) ? this.url.get() : pool.getJdbcUrl();
		this.context = new SpringApplicationBuilder(CustomerGraphApplication.class)
			.properties("server.port=0", "spring.datasource.url=" + url,
					"spring.datasource.username=" + pool.getUsername(),
					"spring.datasource.password=" + pool.getPassword(),
					"spring.graphql.cors.allowed-origins=https://app.example",
					// The webhook settings of GatewayTest, so both instances deliver
					// alike.
					"gateway.webhooks.allow-http-loopback=true", "gateway.webhooks.retry-base=200ms",
					"gateway.webhooks.retry-cap=1s", "gateway.webhooks.poll-interval=100ms")
			.run();
		String root = "http://127.0.0.1:" + ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.http = WebTestClient.bindToServer().baseUrl(root).build();
		this.graphQl = HttpGraphQlTester.create(this.http.mutate().baseUrl(root + "/graphql").build());
	}

	@Override
	public void afterAll(ExtensionContext test) {
		if (this.context != null) {
			this.context.close();
		}
	}

	/**
	 * The same tenant and key, with a tester that sends its requests to this instance.
	 */
	public TestTenant as(TestTenant tenant) {
		return new TestTenant(tenant.name(), tenant.partition(), tenant.key(),
				this.graphQl.mutate().header("Authorization", "Bearer " + tenant.key()).build());
	}

	/** Plain HTTP to this instance, e.g. for {@code RawGraphQl}. */
	public WebTestClient http() {
		return this.http;
	}

}
