package dev.customergraph.edge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.graph.CostReport;
import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.GatewayLimits;

import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Writes every answer of the GraphQL endpoint, and so every error body: each error has
 * {@code extensions.code} and {@code extensions.requestId} (the {@code X-Request-Id} and
 * access log id), whether the edge refused the request itself or graphql-java answered
 * it. The HTTP status follows GraphQL over HTTP: under
 * {@code application/graphql-response+json} a request that produced no data is 400, under
 * {@code application/json} every GraphQL response is 200; a missing key (401), a missing
 * scope under {@code application/graphql-response+json} (403) and a mutation over GET
 * (405) keep their own status in both, wherever they were decided.
 */
final class Responses {

	private final GatewayLimits limits;

	private final ResponseJson json;

	Responses(GatewayLimits limits, ResponseJson json) {
		this.limits = limits;
		this.json = json;
	}

	/** A request answered without executing it. */
	ServerResponse refusal(Refusal refusal, MediaType type, String requestId) {
		Map<String, Object> error = Map.of("message", refusal.getMessage(), "extensions",
				Map.of("code", refusal.code().name(), "requestId", requestId));
		return body(refusal.status(), refusal.headers(), type,
				Map.of("errors", List.of(error), "extensions", Map.of("cost", CostReport.uncosted(this.limits))));
	}

	/** A fault outside GraphQL execution; the server log has the details. */
	ServerResponse unexpected(MediaType type, String requestId) {
		return refusal(new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL,
				ErrorCode.internalErrorMessage(requestId)), type, requestId);
	}

	/** What graphql-java answered, with the request id in each error. */
	ServerResponse result(WebGraphQlResponse result, MediaType type, String requestId) {
		Map<String, Object> body = result.toMap();
		if (!(body.get("errors") instanceof List<?> errors) || errors.isEmpty()) {
			// The usual answer: nothing to add, nothing to copy.
			return ServerResponse.ok()
				.headers((headers) -> headers.putAll(result.getResponseHeaders()))
				.contentType(type)
				.body(this.json.write(body));
		}
		List<Map<String, Object>> stamped = new ArrayList<>(errors.size());
		for (Object error : errors) {
			stamped.add(withRequestId((Map<?, ?>) error, requestId));
		}
		Map<String, Object> withIds = new LinkedHashMap<>(body);
		withIds.put("errors", stamped);
		Object code = ((Map<?, ?>) stamped.get(0).get("extensions")).get("code");
		boolean noData = !result.getExecutionResult().isDataPresent();
		Map<String, String> headers = new LinkedHashMap<>(result.getResponseHeaders().toSingleValueMap());
		HttpStatus status = status(code, noData, type);
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			headers.put("Allow", "POST");
		}
		return body(status, headers, type, withIds);
	}

	private static HttpStatus status(Object code, boolean noData, MediaType type) {
		if (noData && ErrorCode.UNAUTHENTICATED.name().equals(code)) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (noData && ErrorCode.METHOD_NOT_ALLOWED.name().equals(code)) {
			return HttpStatus.METHOD_NOT_ALLOWED;
		}
		if (!noData || !ResponseMediaType.GRAPHQL_RESPONSE.equals(type)) {
			return HttpStatus.OK;
		}
		return ErrorCode.FORBIDDEN.name().equals(code) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
	}

	private static Map<String, Object> withRequestId(Map<?, ?> error, String requestId) {
		Map<String, Object> copy = new LinkedHashMap<>();
		error.forEach((key, value) -> copy.put(String.valueOf(key), value));
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (error.get("extensions") instanceof Map<?, ?> existing) {
			existing.forEach((key, value) -> extensions.put(String.valueOf(key), value));
		}
		extensions.putIfAbsent("requestId", requestId);
		copy.put("extensions", extensions);
		return copy;
	}

	private ServerResponse body(HttpStatus status, Map<String, String> headers, MediaType type, Object body) {
		return ServerResponse.status(status)
			.headers((http) -> headers.forEach(http::set))
			.contentType(type)
			.body(this.json.write(body));
	}

}
