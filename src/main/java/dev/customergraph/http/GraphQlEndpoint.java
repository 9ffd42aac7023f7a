package dev.customergraph.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.customergraph.graph.CostReport;
import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.GatewayLimits;
import dev.customergraph.observability.RequestLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code /graphql} as GraphQL over HTTP specifies it: queries over GET and POST,
 * mutations over POST only, {@code application/json} or
 * {@code application/graphql-response+json} by {@code Accept}. Under the latter a request
 * that produced no data (it did not parse, validate or pass a limit) is HTTP 400; under
 * {@code application/json} every GraphQL response is 200. Transport errors (400, 405,
 * 406, 413, 415) are GraphQL error bodies with a code too.
 */
class GraphQlEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(GraphQlEndpoint.class);

	private final WebGraphQlHandler graphQlHandler;

	private final GraphQlRequestReader reader;

	private final GatewayLimits limits;

	GraphQlEndpoint(WebGraphQlHandler graphQlHandler, GraphQlRequestReader reader, GatewayLimits limits) {
		this.graphQlHandler = graphQlHandler;
		this.reader = reader;
		this.limits = limits;
	}

	ServerResponse handle(ServerRequest request) throws IOException {
		MediaType responseType = MediaType.APPLICATION_JSON;
		RequestLog log = RequestLog.of(request.servletRequest());
		try {
			responseType = ResponseMediaType.of(request.headers());
			Map<String, Object> body = read(request);
			log.operationName((String) body.get("operationName"));
			WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
					null, null, request.attributes(), body, log.requestId(), LocaleContextHolder.getLocale());
			MediaType type = responseType;
			CompletableFuture<ServerResponse> response = this.graphQlHandler.handleRequest(graphQlRequest)
				.map((result) -> respond(result, type, log))
				.onErrorResume((ex) -> Mono.fromSupplier(() -> unexpected(ex, type, log)))
				.toFuture();
			return ServerResponse.async(response);
		}
		catch (HttpRefusal refusal) {
			return error(refusal.status(), refusal.getMessage(), refusal.code().extensions(), refusal.allow(),
					responseType);
		}
		catch (RuntimeException ex) {
			return unexpected(ex, responseType, log);
		}
	}

	private Map<String, Object> read(ServerRequest request) throws IOException {
		HttpMethod method = request.method();
		if (HttpMethod.POST.equals(method)) {
			return this.reader.fromBody(request);
		}
		if (HttpMethod.GET.equals(method)) {
			return this.reader.fromParameters(request);
		}
		throw HttpRefusal.methodNotAllowed("Use GET (queries) or POST.", HttpMethod.GET, HttpMethod.POST);
	}

	private static ServerResponse respond(WebGraphQlResponse result, MediaType type, RequestLog log) {
		if (result.getExtensions().get("cost") instanceof CostReport cost) {
			log.cost(cost.requestedQueryCost());
		}
		boolean requestError = !result.getExecutionResult().isDataPresent();
		HttpStatus status = (requestError && ResponseMediaType.GRAPHQL_RESPONSE.equals(type)) ? HttpStatus.BAD_REQUEST
				: HttpStatus.OK;
		return ServerResponse.status(status)
			.headers((headers) -> headers.putAll(result.getResponseHeaders()))
			.contentType(type)
			.body(result.toMap());
	}

	/**
	 * A fault outside GraphQL execution, which would otherwise reach the servlet
	 * container's error page.
	 */
	private ServerResponse unexpected(Throwable ex, MediaType type, RequestLog log) {
		logger.error("Unexpected error, request id {}", log.requestId(), ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.internalErrorMessage(log.requestId()),
				Map.of("code", ErrorCode.INTERNAL.name(), "requestId", log.requestId()), Set.of(), type);
	}

	/** A GraphQL error body for a request answered without executing it. */
	private ServerResponse error(HttpStatus status, String message, Map<String, Object> extensions,
			Set<HttpMethod> allow, MediaType type) {
		Map<String, Object> body = Map.of("errors", List.of(Map.of("message", message, "extensions", extensions)),
				"extensions", Map.of("cost", CostReport.uncosted(this.limits)));
		return ServerResponse.status(status).headers((headers) -> headers.setAllow(allow)).contentType(type).body(body);
	}

}
