package dev.customergraph.photo;

import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.http.RawGraphQl.Response;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads and photo URLs are held to what every request is held to: the key, its
 * partition and scope, the document limits, and a header against cross-site forms; a
 * malformed multipart request is refused before any SQL, and a photo URL reads only the
 * photo it was signed for.
 */
@GatewayTest
class PhotoAccessTests {

	private static final String MAP = "{\"0\":[\"variables.input.photo\"]}";

	@Autowired
	TestTenants tenants;

	@Autowired
	WebTestClient http;

	PhotoUploads uploads;

	TestTenant tenant;

	String customerId;

	@BeforeEach
	void newCustomer() {
		this.uploads = new PhotoUploads(this.http);
		this.tenant = this.tenants.create();
		this.customerId = CustomerApi.create(this.tenant, "access@example.com");
	}

	@Test
	void anotherPartitionCannotSetReadOrFetchThePhoto() {
		String url = photoUrl();
		TestTenant other = this.tenants.create();
		TestTenant live = this.tenants.keyFor(this.tenant.name(), true, EnumSet.of(Scope.READ, Scope.WRITE));
		for (TestTenant stranger : new TestTenant[] { other, live }) {
			Response set = this.uploads.setPhoto(stranger.key(), this.customerId, PhotoUploads.png(2, 2), "x.png");
			assertThat(userErrors(get(set.json(), "data.setCustomerPhoto")))
				.containsExactly("NOT_FOUND input.customerId");
			stranger.graphQl()
				.document("query($id: ID!) { node(id: $id) { ... on Customer { photo { url } } } }")
				.variable("id", this.customerId)
				.execute()
				.path("node")
				.valueIsNull();
		}
		// The owner's photo is unchanged, and its URL is the only way to it.
		assertThat(fetch(url).status()).isEqualTo(200);
	}

	@Test
	void aUrlNotSignedByTheGatewayFindsNothingWithoutSql() {
		String url = photoUrl();
		String token = url.substring(url.lastIndexOf('/') + 1);
		byte[] bytes = Base64.getUrlDecoder().decode(token);
		// Another customer key, the same signature.
		bytes[13] ^= 1;
		String forged = url.substring(0, url.lastIndexOf('/') + 1)
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		for (String wrong : new String[] { forged, url + "A", url.substring(0, url.length() - 2), "/photos/x",
				"/photos/" + "A".repeat(4000) }) {
			Response response = fetch(wrong);
			assertThat(response.status()).as(wrong).isEqualTo(404);
			assertThat(response.firstErrorCode()).isEqualTo("NOT_FOUND");
			assertThat(response.statements()).isZero();
		}
	}

	@Test
	void aMultipartRequestNeedsAHeaderNoCrossSiteFormCanSend() {
		this.uploads.send(this.tenant.key(), operations(), MAP, PhotoUploads.png(2, 2), "x.png", false)
			.isRefused(400, "BAD_REQUEST");
	}

	@Test
	void aCrossOriginFrontendMaySendThePreflightHeader() {
		this.http.options()
			.uri("/graphql")
			.header("Origin", "https://app.example")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,apollo-require-preflight")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Access-Control-Allow-Headers",
					(allowed) -> assertThat(allowed.toLowerCase(Locale.ROOT)).contains("apollo-require-preflight"));
	}

	@Test
	void aMultipartRequestNeedsTheKeyAndTheWriteScope() {
		this.uploads.send("sk_test_unknown", operations(), MAP, PhotoUploads.png(2, 2), "x.png", true)
			.isRefused(401, "UNAUTHENTICATED");
		TestTenant reader = this.tenants.keyFor(this.tenant.name(), false, EnumSet.of(Scope.READ));
		this.uploads.setPhoto(reader.key(), this.customerId, PhotoUploads.png(2, 2), "x.png")
			.isRefused(200, "FORBIDDEN");
	}

	@Test
	void onlyMutationsMayCarryUploads() {
		for (String query : new String[] { "{ viewer { tenant } }", "{ customers(first: 1) { nodes { id } } }" }) {
			String operations = "{\"query\":\"" + query + "\",\"variables\":{\"f\":null}}";
			this.uploads
				.send(this.tenant.key(), operations, "{\"0\":[\"variables.f\"]}", PhotoUploads.png(2, 2), "x.png", true)
				.isRefused(200, "INVALID");
		}
	}

	@Test
	void aFileTheMapDoesNotNameIsRefused() {
		this.uploads.send(this.tenant.key(), operations(), "{}", PhotoUploads.png(1, 1), "x.png", true)
			.isRefused(400, "BAD_REQUEST");
	}

	@Test
	void anUploadCannotBeWrittenInTheDocumentOrSentAsJson() {
		RawGraphQl graphQl = new RawGraphQl(this.http, this.tenant.key());
		Response literal = graphQl.post("mutation { setCustomerPhoto(input: { customerId: \"" + this.customerId
				+ "\", photo: \"abc\" }) { userErrors { code } } }");
		assertThat(literal.firstErrorCode()).as(literal.body()).isIn("INVALID", "GRAPHQL_VALIDATION_FAILED");
		Response json = graphQl.post(PhotoUploads.SET_PHOTO,
				Map.of("input", Map.of("customerId", this.customerId, "photo", "abc")));
		assertThat(json.firstErrorCode()).as(json.body()).isEqualTo("INVALID");
		assertThat(json.body()).doesNotContainPattern(RawGraphQl.LEAK);
	}

	@Test
	void aFileInAPlaceOtherThanAnUploadArgumentIsInvalidAndNamesNoInternals() {
		String create = "mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { "
				+ "customer { id metadata } userErrors { code } } }";
		String[][] places = { { "{\"email\":null}", "email" },
				{ "{\"email\":\"f@example.com\",\"type\":null}", "type" },
				{ "{\"email\":\"f@example.com\",\"metadata\":null}", "metadata" },
				{ "{\"email\":\"f@example.com\",\"metadata\":{\"a\":{\"b\":[null]}}}", "metadata.a.b.0" } };
		for (String[] place : places) {
			String operations = "{\"query\":\"" + create + "\",\"variables\":{\"input\":" + place[0] + "}}";
			assertUploadRefused(operations, "{\"0\":[\"variables.input." + place[1] + "\"]}");
		}
		String literal = "mutation($f: Upload) { createCustomer(input: { email: \\\"l@example.com\\\", metadata: "
				+ "{ a: $f } }) { customer { metadata } userErrors { code } } }";
		// A literal is coerced as the field runs, where this error has no code yet.
		Response inLiteral = this.uploads.send(this.tenant.key(),
				"{\"query\":\"" + literal + "\",\"variables\":{\"f\":null}}", "{\"0\":[\"variables.f\"]}",
				PhotoUploads.png(2, 2), "f.bin", true);
		assertThat(inLiteral.body()).contains("A JSON value cannot hold a file")
			.doesNotContain("Upload[", "f.bin", "\"customer\":{");
		String remove = "mutation($id: ID!) { removeCustomerPhoto(input: { customerId: $id }) { userErrors { code field } } }";
		// ID coerces what it is given to text: the id is then an INVALID user error.
		Response asId = this.uploads.send(this.tenant.key(),
				"{\"query\":\"" + remove + "\",\"variables\":{\"id\":null}}", "{\"0\":[\"variables.id\"]}",
				PhotoUploads.png(2, 2), "f.bin", true);
		assertThat(userErrors(get(asId.json(), "data.removeCustomerPhoto")))
			.containsExactly("INVALID input.customerId");
		assertThat(asId.body()).doesNotContain("Upload[", "f.bin", "dev.customergraph");
	}

	private void assertUploadRefused(String operations, String map) {
		Response response = this.uploads.send(this.tenant.key(), operations, map, PhotoUploads.png(2, 2), "f.bin", true)
			.isRefused(200, "INVALID");
		assertThat(response.body()).as(map).doesNotContain("Upload[", "f.bin", "dev.customergraph");
	}

	@Test
	void aMultipartMutationIsHeldToTheDocumentLimits() {
		String deep = "mutation($input: SetCustomerPhotoInput!) { setCustomerPhoto(input: $input) { customer { "
				+ "addresses { nodes { customer { addresses { nodes { customer { addresses { nodes { customer { "
				+ "addresses { nodes { customer { addresses { nodes { id } } } } } } } } } } } } } } } } }";
		String operations = "{\"query\":\"" + deep + "\",\"variables\":{\"input\":{\"customerId\":\"" + this.customerId
				+ "\",\"photo\":null}}}";
		this.uploads.send(this.tenant.key(), operations, MAP, PhotoUploads.png(2, 2), "x.png", true)
			.isRefused(200, "QUERY_TOO_DEEP");
	}

	@Test
	void malformedMultipartRequestsAreRefusedBeforeAnySql() {
		byte[] png = PhotoUploads.png(2, 2);
		String key = this.tenant.key();
		String operations = operations();
		for (String[] request : new String[][] { { operations, "{\"1\":[\"variables.input.photo\"]}" },
				{ operations, "{\"0\":[\"variables.input.customerId\"]}" }, { operations, "{\"0\":[\"query\"]}" },
				{ operations, "{\"0\":[\"variables.input.photo.x\"]}" }, { operations, "{\"0\":[]}" },
				{ operations, "[]" }, { operations, "{}" }, { "not json", MAP },
				{ "[" + operations + "]", "{\"0\":[\"0.variables.input.photo\"]}" } }) {
			this.uploads.send(key, request[0], request[1], png, "x.png", true).isRefused(400, "BAD_REQUEST");
		}
	}

	@Test
	void aRequestOverTheTransportLimitIsRefusedAs413() {
		byte[] huge = new byte[7 * 1024 * 1024 + 1];
		this.uploads.send(this.tenant.key(), operations(), MAP, huge, "x.jpg", true)
			.isRefused(413, "REQUEST_TOO_LARGE");
	}

	private String operations() {
		return "{\"query\":\"mutation($input: SetCustomerPhotoInput!) { setCustomerPhoto(input: $input) { "
				+ "userErrors { code } } }\",\"variables\":{\"input\":{\"customerId\":\"" + this.customerId
				+ "\",\"photo\":null}}}";
	}

	private String photoUrl() {
		Response response = this.uploads.setPhoto(this.tenant.key(), this.customerId, PhotoUploads.png(3, 3), "x.png");
		return get(response.json(), "data.setCustomerPhoto.customer.photo.url");
	}

	private Response fetch(String url) {
		return RawGraphQl.exchange(this.http.get().uri(url));
	}

}
