package dev.customergraph.photo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.http.RawGraphQl;
import dev.customergraph.http.RawGraphQl.Response;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * setCustomerPhoto and removeCustomerPhoto by GraphQL multipart requests, and the photo
 * served back at its URL.
 */
@GatewayTest
class PhotoUploadTests {

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
		this.customerId = CustomerApi.create(this.tenant, "photo@example.com");
	}

	@Test
	void aJpegIsStoredAndServedBackByteForByteWithItsTypeAndCacheHeaders() throws Exception {
		byte[] jpeg = PhotoUploads.jpeg(40, 30);
		Map<String, Object> payload = setPhoto(jpeg, "me.jpg");
		assertThat(userErrors(payload)).isEmpty();
		assertThat((Object) get(payload, "customer.version")).isEqualTo(2);
		Map<String, Object> photo = get(payload, "customer.photo");
		assertThat(photo).containsEntry("contentType", "image/jpeg")
			.containsEntry("byteSize", jpeg.length)
			.containsEntry("width", 40)
			.containsEntry("height", 30);
		assertThat((String) photo.get("url")).startsWith("http://localhost:").contains("/photos/");

		Response served = fetch((String) photo.get("url"), null);
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.result().getResponseBody()).isEqualTo(jpeg);
		HttpHeaders headers = served.result().getResponseHeaders();
		assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
		assertThat(headers.getETag()).isEqualTo("\"" + sha256(jpeg) + "\"");
		assertThat(headers.getCacheControl()).contains("private").contains("max-age=").contains("immutable");
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void aPngReplacesTheJpegAndTheOldUrlFindsNothing() {
		String jpegUrl = get(setPhoto(PhotoUploads.jpeg(8, 8), "a.jpg"), "customer.photo.url");
		byte[] png = PhotoUploads.png(20, 10);
		Map<String, Object> payload = setPhoto(png, "b.png");
		assertThat(userErrors(payload)).isEmpty();
		assertThat((Object) get(payload, "customer.version")).isEqualTo(3);
		assertThat((Map<String, Object>) get(payload, "customer.photo")).containsEntry("contentType", "image/png")
			.containsEntry("width", 20)
			.containsEntry("height", 10);
		Response served = fetch(get(payload, "customer.photo.url"), null);
		assertThat(served.result().getResponseBody()).isEqualTo(png);
		assertThat(served.contentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(fetch(jpegUrl, null).status()).isEqualTo(404);
	}

	@Test
	void aMatchingIfNoneMatchIsNotModifiedWithoutTheBytes() {
		byte[] png = PhotoUploads.png(4, 4);
		String url = get(setPhoto(png, "p.png"), "customer.photo.url");
		String etag = fetch(url, null).result().getResponseHeaders().getETag();
		Response notModified = fetch(url, "\"other\", " + etag);
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(notModified.result().getResponseBody()).isNullOrEmpty();
		assertThat(notModified.result().getResponseHeaders().getETag()).isEqualTo(etag);
		assertThat(fetch(url, "\"other\"").status()).isEqualTo(200);
	}

	@Test
	void theContentDecidesNotTheNameAndARefusedPhotoWritesNothing() {
		byte[] text = "not an image at all".getBytes(StandardCharsets.UTF_8);
		assertInvalid(text, "renamed.png");
		assertInvalid(PhotoUploads.brokenPng(), "broken.png");
		assertInvalid(new byte[0], "empty.jpg");
		// A real PNG named .jpg is a PNG.
		assertThat((Object) get(setPhoto(PhotoUploads.png(3, 3), "really-a-png.jpg"), "customer.photo.contentType"))
			.isEqualTo("image/png");
	}

	@Test
	void absurdPixelDimensionsAreRefusedFromTheHeaderAlone() {
		assertInvalid(PhotoUploads.pngClaiming(20_000, 20_000), "bomb.png");
		assertInvalid(PhotoUploads.pngClaiming(10_001, 1), "wide.png");
	}

	@Test
	void imagesOverTheDecodedSizeAreRefusedFromTheHeaderAlone() {
		// 64 megapixels, and 25 megapixels at 8 bytes (16-bit RGBA): 191 MB decoded
		assertInvalid(PhotoUploads.pngClaiming(8_000, 8_000), "many-pixels.png");
		Map<String, Object> deep = setPhoto(PhotoUploads.pngClaiming(5_000, 5_000, 16, 6), "deep.png");
		assertThat(userErrors(deep)).containsExactly("INVALID input.photo");
		assertThat(firstMessage(deep)).contains("128 MB decoded").contains("8 bytes a pixel");
	}

	@Test
	void aJpegOfMoreThan64ScansIsRefusedBeforeDecoding() {
		// 64 repeated baseline scans reach the decoder, which warns at the second; 65 do
		// not.
		assertThat(firstMessage(setPhoto(PhotoUploads.jpegWithScans(64), "64.jpg"))).contains("does not decode");
		Map<String, Object> payload = setPhoto(PhotoUploads.jpegWithScans(65), "65.jpg");
		assertThat(userErrors(payload)).containsExactly("INVALID input.photo");
		assertThat(firstMessage(payload)).contains("at most 64 scans");
	}

	@Test
	void aPhotoCarriesNoDataBeyondItsImageAndLittleMetadata() {
		byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
		assertThat(firstMessage(setPhoto(PhotoUploads.followedBy(PhotoUploads.png(4, 4), html), "t.png")))
			.contains("data after it");
		assertThat(firstMessage(setPhoto(PhotoUploads.followedBy(PhotoUploads.jpeg(4, 4), html), "t.jpg")))
			.contains("data after it");
		assertThat(firstMessage(setPhoto(PhotoUploads.pngWithChunk(1, 1, "IDAT", 100_000), "idat.png")))
			.contains("larger than its pixels could compress to");
		assertThat(firstMessage(setPhoto(PhotoUploads.pngWithChunk(4, 4, "tEXt", 300_000), "text.png")))
			.contains("at most 256 KB of metadata");
		assertThat(firstMessage(setPhoto(PhotoUploads.pngWithChunks(1, 1, "IDAT", 0, 10_000), "chunks.png")))
			.contains("at most 10000 chunks");
		assertThat(userErrors(setPhoto(PhotoUploads.pngWithChunk(4, 4, "tEXt", 1_000), "small-text.png"))).isEmpty();
		assertThat(this.tenants.jdbc()
			.sql("SELECT COUNT(*) FROM customer_photo WHERE tenant_id = :tenantId")
			.param("tenantId", this.tenant.partition().tenantId())
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void oneRequestSetsAtMostOnePhotoWhateverItsAliases() {
		String twice = "mutation($a: SetCustomerPhotoInput!, $b: SetCustomerPhotoInput!) { "
				+ "a: setCustomerPhoto(input: $a) { userErrors { code field message } } "
				+ "b: setCustomerPhoto(input: $b) { userErrors { code field message } } }";
		Map<String, Object> input = new java.util.HashMap<>(Map.of("customerId", this.customerId));
		input.put("photo", null);
		String operations = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.writeValueAsString(Map.of("query", twice, "variables", Map.of("a", input, "b", input)));
		Response response = this.uploads.send(this.tenant.key(), operations,
				"{\"0\":[\"variables.a.photo\",\"variables.b.photo\"]}", PhotoUploads.png(2, 2), "x.png", true);
		assertThat(userErrors(get(response.json(), "data.a"))).isEmpty();
		assertThat(userErrors(get(response.json(), "data.b"))).containsExactly("INVALID input.photo");
		assertThat(firstMessage(get(response.json(), "data.b"))).contains("at most one photo");
	}

	@Test
	void headIsAnsweredFromTheMetadataWithoutTheBytes() {
		byte[] png = PhotoUploads.png(12, 12);
		String url = get(setPhoto(png, "h.png"), "customer.photo.url");
		Response head = RawGraphQl.exchange(this.http.head().uri(url));
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.result().getResponseBody()).isNullOrEmpty();
		HttpHeaders headers = head.result().getResponseHeaders();
		assertThat(headers.getContentLength()).isEqualTo(png.length);
		assertThat(headers.getContentType()).isEqualTo(MediaType.IMAGE_PNG);
		assertThat(headers.getETag()).isNotNull();
	}

	@Test
	void fiveMegabytesAndOneByteIsTooLarge() {
		byte[] file = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(PhotoUploads.jpeg(2, 2), 0, file, 0, 100);
		Map<String, Object> payload = setPhoto(file, "large.jpg");
		assertThat(userErrors(payload)).containsExactly("TOO_LARGE input.photo");
		assertNoPhoto();
	}

	@Test
	void removeCustomerPhotoRemovesItAndItsUrl() {
		String url = get(setPhoto(PhotoUploads.jpeg(5, 5), "x.jpg"), "customer.photo.url");
		Map<String, Object> removed = remove();
		assertThat(userErrors(removed)).isEmpty();
		assertThat((Object) get(removed, "customer.photo")).isNull();
		assertThat((Object) get(removed, "customer.version")).isEqualTo(3);
		assertThat(fetch(url, null).status()).isEqualTo(404);
		assertThat(userErrors(remove())).containsExactly("NOT_FOUND input.customerId");
	}

	@Test
	void deletingTheCustomerDeletesItsPhoto() {
		String url = get(setPhoto(PhotoUploads.png(6, 6), "x.png"), "customer.photo.url");
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", this.customerId));
		assertThat(this.tenants.jdbc()
			.sql("SELECT COUNT(*) FROM customer_photo WHERE tenant_id = :tenantId")
			.param("tenantId", this.tenant.partition().tenantId())
			.query(Integer.class)
			.single()).isZero();
		assertThat(fetch(url, null).status()).isEqualTo(404);
	}

	@Test
	void erasingTheCustomerDeletesItsPhotoAndItsUrlFindsNothing() {
		String url = get(setPhoto(PhotoUploads.jpeg(6, 6), "x.jpg"), "customer.photo.url");
		Map<String, Object> erased = this.tenant.graphQl()
			.document(
					"""
							mutation($input: EraseCustomerInput!) {
							  eraseCustomer(input: $input) { customer { erasedAt photo { url } } userErrors { code field } } }""")
			.variable("input", Map.of("id", this.customerId))
			.execute()
			.path("eraseCustomer")
			.entity(Map.class)
			.get();
		assertThat(userErrors(erased)).isEmpty();
		assertThat((Object) get(erased, "customer.photo")).isNull();
		assertThat(fetch(url, null).status()).isEqualTo(404);
		assertThat(userErrors(asPayload(
				this.uploads.setPhoto(this.tenant.key(), this.customerId, PhotoUploads.jpeg(6, 6), "again.jpg"))))
			.containsExactly("CONFLICT input.customerId");
	}

	@Test
	void aPageOfCustomersWithPhotosCostsOneMoreStatementAndNoBytes() {
		for (int i = 0; i < 3; i++) {
			String id = CustomerApi.create(this.tenant, "page" + i + "@example.com");
			assertThat(userErrors(
					asPayload(this.uploads.setPhoto(this.tenant.key(), id, PhotoUploads.png(2, 2), "p.png"))))
				.isEmpty();
		}
		for (int i = 0; i < 47; i++) {
			CustomerApi.create(this.tenant, "plain" + i + "@example.com");
		}
		RawGraphQl graphQl = new RawGraphQl(this.http, this.tenant.key());
		Response withPhotos = graphQl.post("{ customers(first: 50) { nodes { id photo { url width byteSize } } } }");
		Response without = graphQl.post("{ customers(first: 50) { nodes { id } } }");
		assertThat(withPhotos.status()).isEqualTo(200);
		List<?> nodes = get(withPhotos.json(), "data.customers.nodes");
		assertThat(nodes).hasSize(50);
		assertThat(nodes.stream().filter((node) -> ((Map<?, ?>) node).get("photo") != null)).hasSize(3);
		assertThat(withPhotos.statements()).isEqualTo(without.statements() + 1);
	}

	private static String firstMessage(Map<String, Object> payload) {
		List<Map<String, Object>> errors = get(payload, "userErrors");
		return (String) errors.get(0).get("message");
	}

	private void assertInvalid(byte[] file, String filename) {
		Map<String, Object> payload = setPhoto(file, filename);
		assertThat(userErrors(payload)).as(filename).containsExactly("INVALID input.photo");
		assertThat((Object) get(payload, "customer")).isNull();
		assertNoPhoto();
	}

	@Test
	void settingAndRemovingThePhotoAreChangesOfTheCustomersFieldPhoto() {
		setPhoto(PhotoUploads.png(4, 4), "p.png");
		remove();
		List<Map<String, Object>> events = this.tenant.graphQl()
			.document("{ events { nodes { type version apiKeyId requestId ... on CustomerEvent { changedFields } } } }")
			.execute()
			.path("events.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((event) -> (Map<String, Object>) event)
			.toList();
		assertThat(events.subList(1, 3))
			.extracting((event) -> event.get("type"), (event) -> event.get("version"),
					(event) -> event.get("changedFields"))
			.containsExactly(tuple("CUSTOMER_UPDATED", 2, List.of("photo")),
					tuple("CUSTOMER_UPDATED", 3, List.of("photo")));
		// The multipart request's events know their key and request, as a JSON request's
		// do.
		assertThat(events).extracting((event) -> event.get("apiKeyId"), (event) -> event.get("requestId") != null)
			.containsOnly(tuple(events.get(0).get("apiKeyId"), true));
	}

	private Map<String, Object> setPhoto(byte[] file, String filename) {
		return asPayload(this.uploads.setPhoto(this.tenant.key(), this.customerId, file, filename));
	}

	private static Map<String, Object> asPayload(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("errors")).as(response.body()).isNull();
		return get(response.json(), "data.setCustomerPhoto");
	}

	private Map<String, Object> remove() {
		return run(this.tenant, "photos#RemovePhoto", "removeCustomerPhoto", Map.of("customerId", this.customerId));
	}

	private void assertNoPhoto() {
		this.tenant.graphQl()
			.document("query($id: ID!) { customer(id: $id) { photo { url } } }")
			.variable("id", this.customerId)
			.execute()
			.path("customer.photo")
			.valueIsNull();
	}

	private Response fetch(String url, String ifNoneMatch) {
		return RawGraphQl.exchange(this.http.get().uri(url).headers((headers) -> {
			if (ifNoneMatch != null) {
				headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
			}
		}));
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
