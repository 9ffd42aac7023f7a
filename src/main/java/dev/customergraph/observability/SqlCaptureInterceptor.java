package dev.customergraph.observability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * For the benchmark harness only ({@code gateway.bench.sql-capture=true}, set by the
 * {@code bench} profile): a request with the header {@code X-Capture-Sql: true} gets the
 * SQL statements it sent, with their bound parameters, in {@code extensions.sql}. Off by
 * default, since the statements show the schema and other requests' timing.
 */
@Component
@ConditionalOnProperty(name = "gateway.bench.sql-capture", havingValue = "true")
class SqlCaptureInterceptor implements WebGraphQlInterceptor {

	static final String HEADER = "X-Capture-Sql";

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!"true".equals(request.getHeaders().getFirst(HEADER))) {
			return chain.next(request);
		}
		return Mono.usingWhen(Mono.fromCallable(SqlCapture::start),
				(capture) -> chain.next(request).map((response) -> withStatements(response, capture.stop())),
				(capture) -> Mono.fromRunnable(capture::close));
	}

	private static WebGraphQlResponse withStatements(WebGraphQlResponse response, List<SqlCapture.Statement> sql) {
		Map<Object, Object> extensions = new LinkedHashMap<>(response.getExtensions());
		extensions.put("sql", sql);
		return response.transform((builder) -> builder.extensions(extensions));
	}

}
