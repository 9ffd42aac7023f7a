package dev.customergraph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * An end-to-end test: the whole gateway on a random port, over the embedded MariaDB in
 * {@code target/test-engine}, queried through real HTTP. Every test class uses this one
 * configuration, so the context (and the engine) start once per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "gateway.embedded.data-dir=target/test-engine", "gateway.demo.customers=50",
				"spring.graphql.cors.allowed-origins=https://app.example",
				// Webhook receivers in the tests listen on loopback and retry quickly.
				"gateway.webhooks.allow-http-loopback=true", "gateway.webhooks.retry-base=200ms",
				"gateway.webhooks.retry-cap=1s", "gateway.webhooks.poll-interval=100ms" })
@AutoConfigureHttpGraphQlTester
public @interface GatewayTest {

}
