package dev.customergraph.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.TestTenants;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw GraphQL-over-HTTP requests with a tenant's key, for tests that look at status
 * codes, headers, bodies that are not GraphQL responses, and the SQL statements a request
 * issued.
 */
public final class RawGraphQl {

	/**
	 * What must never reach a client: stack frames, Java or AST class names, SQL, our
	 * tables and columns.
	 */
	public static final Pattern LEAK = Pattern.compile("(?i)(\\bat [\\w.$]+\\(|\\.java\\b|\\bjava\\.|jakarta\\.|"
			+ "springframework|graphql\\.(language|execution|schema)|exception|sqlstate|\\bselect\\b.+\\bfrom\\b|"
			+ "tenant_id|key_hash|api_key|Value\\{|ArrayList|LinkedHashMap|HashMap)");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebTestClient http;

	private final String key;

	/** Requests sent with this API key, known or not. */
	public RawGraphQl(WebTestClient http, String key) {
		this.http = http;
		this.key = key;
	}

	/**
	 * Requests as a new tenant, whose key is already cached: the statement counts are the
	 * requests' own.
	 */
	public static RawGraphQl forNewTenant(WebTestClient http, TestTenants tenants) {
		RawGraphQl graphQl = new RawGraphQl(http, tenants.create().key());
		graphQl.post("{ viewer { tenant } }");
		return graphQl;
	}

	/** POSTs a GraphQL request as JSON. */
	public Response post(String query, Map<String, Object> variables) {
		return postBody(JSON.writeValueAsBytes(Map.of("query", query, "variables", variables)),
				MediaType.APPLICATION_JSON, MediaType.APPLICATION_JSON);
	}

	public Response post(String query) {
		return post(query, Map.of());
	}

	/** POSTs any bytes with any content type. */
	public Response postBody(byte[] body, MediaType contentType, MediaType accept) {
		return exchange(this.http.post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + this.key)
			.contentType(contentType)
			.accept(accept)
			.bodyValue(body));
	}

	public Response get(String query, MediaType accept) {
		return exchange(this.http.get()
			.uri((uri) -> uri.path("/graphql").queryParam("query", "{query}").build(query))
			.header("Authorization", "Bearer " + this.key)
			.accept(accept));
	}

	/**
	 * Sends any request, counting the SQL statements issued until its response is
	 * complete.
	 */
	public static Response exchange(WebTestClient.RequestHeadersSpec<?> request) {
		long before = SqlStatementCounter.total();
		EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
		return new Response(result, SqlStatementCounter.total() - before);
	}

	/** A response and the number of SQL statements issued while it was produced. */
	public record Response(EntityExchangeResult<byte[]> result, long statements) {

		public int status() {
			return this.result.getStatus().value();
		}

		public String body() {
			byte[] body = this.result.getResponseBody();
			return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
		}

		public Map<String, Object> json() {
			return JSON.readValue(body(), new TypeReference<Map<String, Object>>() {
			});
		}

		/** The code of the first error, or null when there is none. */
		public Object firstErrorCode() {
			Object errors = json().get("errors");
			if (!(errors instanceof List<?> list) || list.isEmpty()) {
				return null;
			}
			return ((Map<?, ?>) ((Map<?, ?>) list.get(0)).get("extensions")).get("code");
		}

		/** Asserts a refusal: this status and code, no SQL statement, nothing leaked. */
		public Response isRefused(int status, String code) {
			assertThat(status()).as(body()).isEqualTo(status);
			assertThat(firstErrorCode()).as(body()).isEqualTo(code);
			assertThat(this.statements).as("SQL statements issued").isZero();
			assertThat(body()).doesNotContainPattern(LEAK);
			return this;
		}

		public MediaType contentType() {
			return this.result.getResponseHeaders().getContentType();
		}

	}

}
