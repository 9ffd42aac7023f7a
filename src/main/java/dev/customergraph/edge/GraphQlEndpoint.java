package dev.customergraph.edge;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.customergraph.graph.CostReport;
import dev.customergraph.graph.Upload;
import dev.customergraph.observability.RequestLog;
import dev.customergraph.tenancy.Authenticator;
import dev.customergraph.tenancy.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The GraphQL endpoint, in the order a request meets it: the response media type from
 * {@code Accept} (406), the caller from its API key (401, or 503 when the key cannot be
 * looked up), the request from GET parameters, the POST body or a multipart POST with
 * uploads (400, 405, 413, 415), then graphql-java with the caller, the HTTP method and
 * whether files came with it in its context, where {@link OperationAccess} checks the
 * resolved operation. The request's URI is in the context too (key {@code URI.class}),
 * for fields that link back to the gateway. Every route that serves GraphQL ends here, so
 * no spelling of the path reaches the engine without a caller.
 */
class GraphQlEndpoint {

	private static final Logger logger = LoggerFactory.getLogger(GraphQlEndpoint.class);

	private final WebGraphQlHandler graphQlHandler;

	private final Authenticator authenticator;

	private final GraphQlRequestReader reader;

	private final MultipartRequestReader multipart;

	private final Responses responses;

	GraphQlEndpoint(WebGraphQlHandler graphQlHandler, Authenticator authenticator, GraphQlRequestReader reader,
			MultipartRequestReader multipart, Responses responses) {
		this.graphQlHandler = graphQlHandler;
		this.authenticator = authenticator;
		this.reader = reader;
		this.multipart = multipart;
		this.responses = responses;
	}

	ServerResponse handle(ServerRequest request) throws IOException {
		RequestLog log = RequestLog.of(request.servletRequest());
		String requestId = log.requestId();
		MediaType type = MediaType.APPLICATION_JSON;
		try {
			type = ResponseMediaType.of(request.headers());
			Caller caller = authenticate(request);
			log.apiKeyId(caller.keyId());
			boolean uploads = MultipartRequestReader.isMultipart(request);
			Map<String, Object> body = uploads ? this.multipart.read(request) : this.reader.read(request);
			log.operationName((String) body.get("operationName"));
			URI uri = request.uri();
			WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(uri, request.headers().asHttpHeaders(), null, null,
					request.attributes(), body, requestId, LocaleContextHolder.getLocale());
			HttpMethod method = request.method();
			graphQlRequest.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller, HttpMethod.class, method, URI.class, uri,
						Upload.class, uploads))
				.build());
			MediaType responseType = type;
			CompletableFuture<ServerResponse> response = this.graphQlHandler.handleRequest(graphQlRequest)
				.map((result) -> {
					if (result.getExtensions().get("cost") instanceof CostReport cost) {
						log.cost(cost.requestedQueryCost());
					}
					return this.responses.result(result, responseType, requestId);
				})
				.onErrorResume((ex) -> Mono.fromSupplier(() -> unexpected(ex, responseType, requestId)))
				.toFuture();
			// With blocking resolvers graphql-java has usually finished on this thread by
			// now; a ready response is written directly, since an asynchronous one costs
			// a second dispatch through the container and the DispatcherServlet.
			return response.isDone() ? response.join() : ServerResponse.async(response);
		}
		catch (Refusal refusal) {
			return this.responses.refusal(refusal, type, requestId);
		}
		catch (RuntimeException ex) {
			return unexpected(ex, type, requestId);
		}
	}

	private Caller authenticate(ServerRequest request) {
		Optional<Caller> caller;
		try {
			caller = this.authenticator.authenticate(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
		}
		catch (DataAccessException ex) {
			throw Refusal.keyLookupUnavailable();
		}
		return caller.orElseThrow(Refusal::unauthenticated);
	}

	/**
	 * A fault outside GraphQL execution, which would otherwise reach the servlet
	 * container's error page.
	 */
	private ServerResponse unexpected(Throwable ex, MediaType type, String requestId) {
		logger.error("Unexpected error, request id {}", requestId, ex);
		return this.responses.unexpected(type, requestId);
	}

}
