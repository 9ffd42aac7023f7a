package dev.customergraph.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.customergraph.graph.CostReport;
import dev.customergraph.graph.GatewayLimits;
import dev.customergraph.observability.RequestLog;

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
 * {@code /graphql} as GraphQL over HTTP specifies it: queries over GET and POST, mutations over
 * POST only, {@code application/json} or {@code application/graphql-response+json} by
 * {@code Accept}. Under the latter a request that produced no data (it did not parse, validate
 * or pass a limit) is HTTP 400; under {@code application/json} every GraphQL response is 200.
 * Transport errors (400, 405, 406, 413, 415) are GraphQL error bodies with a code too.
 */
class GraphQlEndpoint {

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
		try {
			responseType = ResponseMediaType.of(request.headers());
			Map<String, Object> body = read(request);
			RequestLog log = RequestLog.of(request.servletRequest());
			log.operationName((String) body.get("operationName"));
			WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
					null, null, request.attributes(), body, log.requestId(), LocaleContextHolder.getLocale());
			MediaType type = responseType;
			CompletableFuture<ServerResponse> response = this.graphQlHandler.handleRequest(graphQlRequest)
				.map((result) -> respond(result, type, log))
				.toFuture();
			return ServerResponse.async(response);
		}
		catch (HttpRefusal refusal) {
			return refuse(refusal, responseType);
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

	private ServerResponse refuse(HttpRefusal refusal, MediaType type) {
		Map<String, Object> error = Map.of("message", refusal.getMessage(), "extensions", refusal.code().extensions());
		Map<String, Object> body = Map.of("errors", List.of(error), "extensions",
				Map.of("cost", CostReport.uncosted(this.limits)));
		return ServerResponse.status(refusal.status())
			.headers((headers) -> headers.setAllow(refusal.allow()))
			.contentType(type)
			.body(body);
	}

}
