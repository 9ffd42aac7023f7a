package dev.customergraph.observability;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.http.server.RequestPath;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Gives every GraphQL request an id ({@code X-Request-Id}) and writes one access log line
 * when its response is complete, also when it was refused before GraphQL (401, 413, …) or
 * answered asynchronously. The line has no key, no query text, no variables and no client
 * address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("dev.customergraph.access");

	private final PathPattern graphQlPath;

	AccessLogFilter(GraphQlProperties properties) {
		this.graphQlPath = PathPatternParser.defaultInstance.parse(properties.getHttp().getPath());
	}

	/**
	 * Matches as the GraphQL route does (the decoded path without path parameters), so
	 * every request the endpoint serves has an id, however its path is spelled.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		RequestPath path = RequestPath.parse(request.getRequestURI(), request.getContextPath());
		return !this.graphQlPath.matches(path.pathWithinApplication());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestLog requestLog = RequestLog.start(request, UUID.randomUUID().toString());
		response.setHeader("X-Request-Id", requestLog.requestId());
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new WhenComplete(() -> write(requestLog, request, response)));
			}
			else {
				write(requestLog, request, response);
			}
		}
	}

	private static void write(RequestLog requestLog, HttpServletRequest request, HttpServletResponse response) {
		log.info(requestLog.line(request.getMethod(), response.getStatus()));
	}

	/**
	 * Runs when an asynchronous response completes; the container completes timed-out and
	 * failed ones too.
	 */
	private record WhenComplete(Runnable action) implements AsyncListener {

		@Override
		public void onComplete(AsyncEvent event) {
			this.action.run();
		}

		@Override
		public void onTimeout(AsyncEvent event) {
		}

		@Override
		public void onError(AsyncEvent event) {
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
