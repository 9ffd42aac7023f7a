package dev.customergraph.graph;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@GatewayTest
class ProbeTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	@Test
	void probe() {
		var tenant = this.tenants.create();
		String[] bodies = {
			"{\"query\":\"{ customers(orderBy: {field: FOO}) { totalCount } }\"}",
			"{\"query\":\"{ customers(first: \\\"x\\\") { totalCount } }\"}",
			"{\"query\":\"query($f: CustomerOrderField!) { customers(orderBy: {field: $f}) { totalCount } }\",\"variables\":{\"f\":\"FOO\"}}",
			"{\"query\":\"query($ids: [ID!]!) { nodes(ids: $ids) { id } }\",\"variables\":{\"ids\":[[[\"a\"]]]}}",
			"{\"query\":\"query($ids: [ID!]!) { nodes(ids: $ids) { id } }\",\"variables\":{\"ids\":{\"a\":1}}}",
			"{\"query\":\"query($d: DateTime) { customers(filter: {createdAfter: $d}) { totalCount } }\",\"variables\":{\"d\":\"yesterday\"}}",
			"{\"query\":\"{ customers(filter: {createdAfter: \\\"yesterday\\\"}) { totalCount } }\"}",
			"{\"query\":\"{ customer(id: \\\"nope\\\") { id } }\"}",
			"{\"query\":\"{ customers(after: \\\"nope\\\") { totalCount } }\"}",
			"{\"query\":\"{ customers { nodes { nope } } }\"}",
			"{\"query\":\"{ customers { \"}",
			"{\"query\":\"mutation { __typename }\"}",
			"{\"query\":\"query A { viewer { tenant } } query B { viewer { tenant } }\"}",
			"{\"query\":\"{ viewer { tenant } }\", \"operationName\": \"X\"}",
			"{\"query\":\"query($n: Int) { customers(first: $n) { totalCount } }\",\"variables\":{\"n\":\"abc\"}}",
			"{\"query\":\"query($n: Int!) { customers(first: $n) { totalCount } }\",\"variables\":{}}",
			"{\"query\":\"{ customers(first: 1) { nodes { id } } }\"}",
		};
		for (String body : bodies) {
			var result = this.http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + tenant.key()).bodyValue(body).exchange().expectBody(String.class)
				.returnResult();
			System.out.println("PROBE " + result.getStatus() + " " + result.getResponseBody());
		}
	}

}
