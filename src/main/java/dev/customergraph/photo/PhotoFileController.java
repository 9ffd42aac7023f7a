package dev.customergraph.photo;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.photo.PhotoUrls.SignedPhoto;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the image behind a photo URL ({@link PhotoUrls}): with the type its content was
 * recognised as, a strong ETag (the content's SHA-256), {@code Cache-Control: private}
 * for as long as the URL is valid ({@code immutable}: the content of one URL never
 * changes), {@code X-Content-Type-Options: nosniff}, and 304 for a matching
 * {@code If-None-Match}. A token the gateway did not sign, an expired one, and one of a
 * photo since replaced or removed all answer 404 alike, the first two before any SQL.
 * <p>
 * The URL needs no key, so its reads are bounded here: at most
 * {@code gateway.photos.max-concurrent-reads} at once, the next answered 503 at once;
 * {@code HEAD} and a matching {@code If-None-Match} read the row's metadata, never its
 * bytes. The bytes are read whole into memory within the turn and then written: a
 * response streamed from the result set would hold a pooled connection for as long as the
 * slowest client takes to read it, and a connection is scarcer than the at most
 * {@code max-concurrent-reads} × 5 MB the turns allow at once.
 */
@RestController
class PhotoFileController {

	private static final Logger log = LoggerFactory.getLogger(PhotoFileController.class);

	private final PhotoUrls urls;

	private final PhotoRepository repository;

	private final Semaphore reads;

	PhotoFileController(PhotoUrls urls, PhotoRepository repository, PhotoProperties properties) {
		this.urls = urls;
		this.repository = repository;
		this.reads = new Semaphore(properties.maxConcurrentReads());
	}

	@RequestMapping(path = "/photos/{token}", method = { RequestMethod.GET, RequestMethod.HEAD })
	ResponseEntity<?> photo(@PathVariable String token, HttpMethod method,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Optional<SignedPhoto> signed = this.urls.verify(token);
		if (signed.isEmpty()) {
			return notFound();
		}
		if (!this.reads.tryAcquire()) {
			return unavailable("Too many photos are being read at this moment; retry in a second.");
		}
		try {
			return read(signed.get(), method, ifNoneMatch);
		}
		catch (DataAccessException ex) {
			// Expected under load (an exhausted pool): one line, not a stack trace a
			// request.
			log.warn("A photo could not be read: {}", ex.getClass().getSimpleName());
			return unavailable("The database is unavailable right now; retry in a moment.");
		}
		finally {
			this.reads.release();
		}
	}

	private ResponseEntity<?> read(SignedPhoto photo, HttpMethod method, @Nullable String ifNoneMatch) {
		String etag = "\"" + HexFormat.of().formatHex(photo.sha256()) + "\"";
		CacheControl cache = CacheControl.maxAge(photo.secondsLeft(), TimeUnit.SECONDS).cachePrivate().immutable();
		boolean notModified = ifNoneMatch != null && matches(ifNoneMatch, etag);
		if (notModified || method == HttpMethod.HEAD) {
			// The bytes are not read: the hash says they are the client's, or none are
			// sent.
			return this.repository.findMetadata(photo.partition(), photo.customerKey(), photo.sha256())
				.<ResponseEntity<?>>map((metadata) -> notModified
						? ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build()
						: found(metadata.contentType(), etag, cache).contentLength(metadata.byteSize()).build())
				.orElseGet(PhotoFileController::notFound);
		}
		return this.repository.findBytes(photo.partition(), photo.customerKey(), photo.sha256())
			.<ResponseEntity<?>>map((found) -> found(found.contentType(), etag, cache).body(found.bytes()))
			.orElseGet(PhotoFileController::notFound);
	}

	private static ResponseEntity.BodyBuilder found(String contentType, String etag, CacheControl cache) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.eTag(etag)
			.cacheControl(cache)
			.header("X-Content-Type-Options", "nosniff");
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
		return error(ResponseEntity.status(HttpStatus.NOT_FOUND), ErrorCode.NOT_FOUND,
				"No photo at this URL: it expired, or the photo was replaced or removed. Query Customer.photo.url "
						+ "for a current one.");
	}

	private static ResponseEntity<?> unavailable(String message) {
		return error(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1"),
				ErrorCode.UNAVAILABLE, message);
	}

	/** An error as the GraphQL endpoint's edge writes one, with a request id. */
	private static ResponseEntity<?> error(ResponseEntity.BodyBuilder status, ErrorCode code, String message) {
		String requestId = UUID.randomUUID().toString();
		Map<String, Object> error = Map.of("message", message, "extensions",
				Map.of("code", code.name(), "requestId", requestId));
		return status.header("X-Request-Id", requestId)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("errors", List.of(error)));
	}

}
