package dev.customergraph.photo;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.photo.PhotoRepository.PhotoBytes;
import dev.customergraph.photo.PhotoUrls.SignedPhoto;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the image behind a photo URL ({@link PhotoUrls}): with the type its content was
 * recognised as, a strong ETag (the content's SHA-256), {@code Cache-Control: private}
 * for as long as the URL is valid ({@code immutable}: the content of one URL never
 * changes), {@code X-Content-Type-Options: nosniff}, and 304 for a matching
 * {@code If-None-Match}. A token the gateway did not sign, an expired one, and one of a
 * photo since replaced or removed all answer 404 alike, the first two before any SQL.
 */
@RestController
class PhotoFileController {

	private final PhotoUrls urls;

	private final PhotoRepository repository;

	PhotoFileController(PhotoUrls urls, PhotoRepository repository) {
		this.urls = urls;
		this.repository = repository;
	}

	@GetMapping("/photos/{token}")
	ResponseEntity<?> photo(@PathVariable String token,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Optional<SignedPhoto> signed = this.urls.verify(token);
		if (signed.isEmpty()) {
			return notFound();
		}
		SignedPhoto photo = signed.get();
		String etag = "\"" + HexFormat.of().formatHex(photo.sha256()) + "\"";
		CacheControl cache = CacheControl.maxAge(photo.secondsLeft(), TimeUnit.SECONDS).cachePrivate().immutable();
		if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
			// The bytes are not read: the hash says they are the client's.
			return this.repository.findContentType(photo.partition(), photo.customerKey(), photo.sha256())
				.<ResponseEntity<?>>map(
						(type) -> ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build())
				.orElseGet(PhotoFileController::notFound);
		}
		Optional<PhotoBytes> found = this.repository.findBytes(photo.partition(), photo.customerKey(), photo.sha256());
		if (found.isEmpty()) {
			return notFound();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(found.get().contentType()))
			.eTag(etag)
			.cacheControl(cache)
			.header("X-Content-Type-Options", "nosniff")
			.body(found.get().bytes());
	}

	/**
	 * Whether {@code If-None-Match} lists this ETag (weakly compared, as RFC 9110 asks).
	 */
	private static boolean matches(String ifNoneMatch, String etag) {
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::trim)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals(etag) || tag.equals("*"));
	}

	private static ResponseEntity<?> notFound() {
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> error = Map.of("message",
				"No photo at this URL: it expired, or the photo was replaced or removed. Query Customer.photo.url "
						+ "for a current one.",
				"extensions", Map.of("code", ErrorCode.NOT_FOUND.name(), "requestId", requestId));
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.header("X-Request-Id", requestId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(error)));
	}

}
