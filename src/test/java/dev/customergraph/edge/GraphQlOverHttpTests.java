package dev.customergraph.edge;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import dev.customergraph.GatewayTest;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.http.RawGraphQl.Response;
import dev.customergraph.tenancy.TestTenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The status-code and media-type rules of the GraphQL-over-HTTP specification. */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GraphQlOverHttpTests {

	static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	RawGraphQl graphQl;

	String key;

	@BeforeAll
	void tenant() {
		var tenant = this.tenants.create();
		this.key = tenant.key();
		this.graphQl = new RawGraphQl(this.http, tenant.key());
		this.graphQl.post("{ viewer { tenant } }");
	}

	@Test
	void queriesRunOverGet() {
		Response response = this.graphQl.get("{ viewer { livemode } }", MediaType.APPLICATION_JSON);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(response.body()).contains("\"livemode\":false").contains("\"cost\":");
	}

	@Test
	void getTakesVariablesAsJson() {
		Response response = exchange(this.http.get()
			.uri("/graphql?query={query}&variables={variables}",
					"query($n: Int) { customers(first: $n) { nodes { id } } }", "{\"n\": 3}"));
		assertThat(response.json()).extractingByKey("extensions").asString().contains("requestedQueryCost=4");
		exchange(this.http.get().uri("/graphql?query={query}&variables={variables}", "{ __typename }", "{\"n\":"))
			.isRefused(400, "BAD_REQUEST");
		exchange(this.http.get().uri("/graphql?variables={variables}", "{}")).isRefused(400, "BAD_REQUEST");
	}

	@Test
	void getQueriesTooLongForTheWebServerAreGraphQlErrorsToo() {
		exchange(this.http.get().uri("/graphql?query={query}", "{ viewer { " + "tenant ".repeat(3000) + "} }"))
			.isRefused(400, "BAD_REQUEST");
	}

	@Test
	void mutationsOverGetAre405WhateverTheSchema() {
		Response response = this.graphQl.get("mutation { __typename }", MediaType.APPLICATION_JSON)
			.isRefused(405, "METHOD_NOT_ALLOWED");
		assertThat(response.result().getResponseHeaders().getAllow()).containsExactly(HttpMethod.POST);
	}

	@Test
	void getSelectsTheNamedOperation() {
		Response mutation = exchange(this.http.get()
			.uri("/graphql?query={query}&operationName=M", "query Q { __typename } mutation M { __typename }"));
		mutation.isRefused(405, "METHOD_NOT_ALLOWED");
		Response query = exchange(this.http.get()
			.uri("/graphql?query={query}&operationName=Q", "query Q { __typename } mutation M { __typename }"));
		assertThat(query.status()).isEqualTo(200);
	}

	@Test
	void otherMethodsAre405() {
		Response response = exchange(this.http.put().uri("/graphql").bodyValue("{}"));
		response.isRefused(405, "METHOD_NOT_ALLOWED");
		assertThat(response.result().getResponseHeaders().getAllow())
			.isEqualTo(Set.of(HttpMethod.GET, HttpMethod.POST));
	}

	@Test
	void graphqlResponseJsonAnswersRequestErrorsWith400() {
		for (String query : new String[] { "{ viewer {", "{ nope }",
				"{ viewer { " + "a: tenant ".repeat(31) + "} }" }) {
			Response response = post(query, GRAPHQL_RESPONSE);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.contentType()).isEqualTo(GRAPHQL_RESPONSE);
			assertThat(response.json()).containsKeys("errors", "extensions").doesNotContainKey("data");
		}
	}

	@Test
	void applicationJsonAnswersRequestErrorsWith200() {
		Response response = post("{ nope }", MediaType.APPLICATION_JSON);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.firstErrorCode()).isEqualTo("GRAPHQL_VALIDATION_FAILED");
	}

	@Test
	void fieldErrorsKeepHttp200UnderGraphqlResponseJson() {
		Response response = post("{ customer(id: \"nope\") { id } }", GRAPHQL_RESPONSE);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.firstErrorCode()).isEqualTo("INVALID");
	}

	@Test
	void acceptIsNegotiated() {
		assertThat(postWithAccept(null).contentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(postWithAccept("*/*").contentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(postWithAccept("application/graphql-response+json").contentType()).isEqualTo(GRAPHQL_RESPONSE);
		assertThat(postWithAccept("application/json;q=0.5, application/graphql-response+json").contentType())
			.isEqualTo(GRAPHQL_RESPONSE);
		assertThat(postWithAccept("application/graphql-response+json;q=0.1, application/json").contentType())
			.isEqualTo(MediaType.APPLICATION_JSON);
		postWithAccept("text/html").isRefused(406, "NOT_ACCEPTABLE");
	}

	@Test
	void onlyJsonBodiesAreAccepted() {
		byte[] body = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
		for (String type : new String[] { "text/plain", "application/x-www-form-urlencoded", "application/graphql",
				"application/json;charset=iso-8859-1" }) {
			this.graphQl.postBody(body, MediaType.parseMediaType(type), MediaType.APPLICATION_JSON)
				.isRefused(415, "UNSUPPORTED_MEDIA_TYPE");
		}
		exchange(this.http.post().uri("/graphql").bodyValue(body)).isRefused(415, "UNSUPPORTED_MEDIA_TYPE");
		assertThat(this.graphQl
			.postBody(body, MediaType.parseMediaType("application/json;charset=utf-8"), MediaType.APPLICATION_JSON)
			.status()).isEqualTo(200);
	}

	@Test
	void bodiesThatAreNotOneGraphQlRequestAre400InBothMediaTypes() {
		for (MediaType accept : new MediaType[] { MediaType.APPLICATION_JSON, GRAPHQL_RESPONSE }) {
			for (String body : new String[] { "{\"query\":", "[{\"query\":\"{ __typename }\"}]", "{}", "{\"query\":5}",
					"{\"query\":\"{ __typename }\",\"variables\":\"x\"}", "{\"query\":\" \"}", "\"query\"",
					"{\"query\":\"{ __typename }\",\"operationName\":[]}" }) {
				Response response = this.graphQl.postBody(body.getBytes(StandardCharsets.UTF_8),
						MediaType.APPLICATION_JSON, accept);
				response.isRefused(400, "BAD_REQUEST");
				assertThat(response.contentType()).isEqualTo(accept);
			}
		}
	}

	@Test
	void everyResponseCarriesTheCostAndARequestId() {
		for (Response response : new Response[] { post("{ viewer { tenant } }", MediaType.APPLICATION_JSON),
				post("{ nope }", GRAPHQL_RESPONSE), postWithAccept("text/html") }) {
			assertThat(response.json()).extractingByKey("extensions").asString().contains("maxQueryCost=1000");
			assertThat(response.result().getResponseHeaders().getFirst("X-Request-Id")).hasSize(36);
		}
	}

	@Test
	void unauthenticatedIs401InEitherMediaType() {
		this.http.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(GRAPHQL_RESPONSE)
			.bodyValue("{\"query\":\"{ __typename }\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void corsPreflightIsAnsweredForConfiguredOrigins() {
		this.http.options()
			.uri("/graphql")
			.header("Origin", "https://app.example")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://app.example");
		this.http.options()
			.uri("/graphql")
			.header("Origin", "https://evil.example")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void graphiqlAndThePrintedSchemaAreStillServed() {
		this.http.get().uri("/graphiql").exchange().expectStatus().isOk();
		this.http.get()
			.uri("/graphql/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((schema) -> assertThat(schema).contains("type Customer implements Node"));
	}

	private Response post(String query, MediaType accept) {
		return this.graphQl.postBody(
				("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}").getBytes(StandardCharsets.UTF_8),
				MediaType.APPLICATION_JSON, accept);
	}

	private Response postWithAccept(String accept) {
		return exchange(this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).headers((headers) -> {
			if (accept != null) {
				headers.set("Accept", accept);
			}
		}).bodyValue("{\"query\":\"{ __typename }\"}"));
	}

	private Response exchange(WebTestClient.RequestHeadersSpec<?> request) {
		return RawGraphQl.exchange(request.header("Authorization", "Bearer " + this.key));
	}

}
