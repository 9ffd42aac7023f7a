package dev.customergraph.edge;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.GatewayLimits;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Reads a GraphQL-over-HTTP request, a POST body or GET parameters, into the
 * {@code query}/{@code operationName}/{@code variables}/{@code extensions} map, refusing
 * anything that is not one well-formed request: a method other than GET and POST, a body
 * too large, not UTF-8 or not JSON, a batch (an array of requests), a missing query.
 * Whether the operation may run over GET is decided on the resolved document, by
 * {@link OperationAccess}.
 */
class GraphQlRequestReader {

	private final JsonMapper json;

	private final long maxBodySize;

	GraphQlRequestReader(JsonMapper json, GatewayLimits limits) {
		this.json = json;
		this.maxBodySize = limits.maxBodySize().toBytes();
	}

	/**
	 * The request of a GET (its parameters) or a POST (its JSON body); any other method
	 * is 405. A multipart POST is {@link MultipartRequestReader}'s.
	 */
	Map<String, Object> read(ServerRequest request) throws IOException {
		HttpMethod method = request.method();
		if (HttpMethod.POST.equals(method)) {
			return fromBody(request);
		}
		if (HttpMethod.GET.equals(method)) {
			return fromParameters(request);
		}
		throw Refusal.methodNotAllowed("Use GET (queries) or POST.", HttpMethod.GET, HttpMethod.POST);
	}

	private Map<String, Object> fromBody(ServerRequest request) throws IOException {
		checkContentType(request);
		if (request.servletRequest().getContentLengthLong() > this.maxBodySize) {
			throw tooLarge();
		}
		byte[] body = request.servletRequest()
			.getInputStream()
			.readNBytes((int) Math.min(this.maxBodySize + 1, Integer.MAX_VALUE));
		if (body.length > this.maxBodySize) {
			throw tooLarge();
		}
		Object parsed = parseJson(utf8(body, "The request body"), "The request body");
		if (parsed instanceof List) {
			throw Refusal.badRequest("Batching is not supported: send one operation per request.");
		}
		if (!(parsed instanceof Map<?, ?> map)) {
			throw Refusal.badRequest("The request body must be a JSON object with a 'query'.");
		}
		return wellFormed(map);
	}

	private Map<String, Object> fromParameters(ServerRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", request.param("query").orElse(null));
		body.put("operationName", request.param("operationName").orElse(null));
		body.put("variables", request.param("variables").map((text) -> parseJson(text, "'variables'")).orElse(null));
		body.put("extensions", request.param("extensions").map((text) -> parseJson(text, "'extensions'")).orElse(null));
		return wellFormed(body);
	}

	private static void checkContentType(ServerRequest request) {
		MediaType type;
		try {
			type = request.headers().contentType().orElse(null);
		}
		catch (InvalidMediaTypeException ex) {
			type = null;
		}
		boolean json = type != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
				&& (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
		if (!json) {
			throw new Refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
					"Send the request as Content-Type: application/json (UTF-8), or uploads as multipart/form-data.");
		}
	}

	private Refusal tooLarge() {
		return new Refusal(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
				"The request body is larger than " + this.maxBodySize + " bytes.");
	}

	static String utf8(byte[] body, String what) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw Refusal.badRequest(what + " is not valid UTF-8.");
		}
	}

	Object parseJson(String text, String what) {
		try {
			return this.json.readValue(text, Object.class);
		}
		catch (StreamConstraintsException ex) {
			throw Refusal.badRequest(what + " nests too deeply or is too long.");
		}
		catch (JacksonException ex) {
			var location = ex.getLocation();
			throw Refusal.badRequest(what + " is not valid JSON" + ((location != null)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")." : "."));
		}
	}

	/**
	 * The request map of a parsed body, checked: a non-blank {@code query} (or a
	 * persisted query's hash), a string {@code operationName}, object {@code variables}
	 * and {@code extensions}.
	 */
	static Map<String, Object> wellFormed(Map<?, ?> body) {
		boolean hashOnly = body.get("query") == null && body.get("extensions") instanceof Map<?, ?> extensions
				&& extensions.get("persistedQuery") instanceof Map;
		if (!hashOnly && (!(body.get("query") instanceof String query) || query.isBlank())) {
			throw Refusal.badRequest("The request needs a 'query': the GraphQL document as a string.");
		}
		Object operationName = body.get("operationName");
		if (operationName != null && !(operationName instanceof String)) {
			throw Refusal.badRequest("'operationName' must be a string.");
		}
		for (String key : List.of("variables", "extensions")) {
			if (body.get(key) != null && !(body.get(key) instanceof Map)) {
				throw Refusal.badRequest("'" + key + "' must be a JSON object.");
			}
		}
		Map<String, Object> wellFormed = new LinkedHashMap<>();
		body.forEach((key, value) -> wellFormed.put(String.valueOf(key), value));
		if (hashOnly) {
			// An automatic persisted query sent by hash alone: the document provider
			// looks it up.
			wellFormed.put("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		}
		return wellFormed;
	}

}
