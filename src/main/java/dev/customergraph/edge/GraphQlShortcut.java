package dev.customergraph.edge;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves the everyday GraphQL request, a same-origin JSON POST or a GET on the GraphQL
 * path spelled exactly, with {@link GraphQlEndpoint} straight from the filter chain. The
 * DispatcherServlet, its handler mapping and the filters after this one cost about a
 * tenth of a point lookup's CPU and do nothing for such a request. Everything else, any
 * other spelling of the path, a cross-origin request (CORS is the router's), an upload, a
 * WebSocket upgrade, an unusual method or media type, goes on down the chain to
 * {@link GraphQlRoute}, and so to the same endpoint and its refusals: this is a shortcut
 * to the endpoint, never around it.
 */
class GraphQlShortcut extends OncePerRequestFilter {

	/** The endpoint answers with bytes it has written itself. */
	private static final ServerResponse.Context BYTES = new ServerResponse.Context() {

		private final List<HttpMessageConverter<?>> converters = List.of(new ByteArrayHttpMessageConverter());

		@Override
		public List<HttpMessageConverter<?>> messageConverters() {
			return this.converters;
		}

	};

	private final GraphQlEndpoint endpoint;

	private final String path;

	GraphQlShortcut(GraphQlEndpoint endpoint, String path) {
		this.endpoint = endpoint;
		this.path = path;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		boolean get = "GET".equals(method);
		if (!get && !("POST".equals(method) && isJson(request.getContentType()))) {
			return true;
		}
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return !(uri.length() == contextPath.length() + this.path.length() && uri.startsWith(contextPath)
				&& uri.startsWith(this.path, contextPath.length())) || request.getHeader(HttpHeaders.UPGRADE) != null
				|| CorsUtils.isCorsRequest(request);
	}

	private static boolean isJson(String contentType) {
		return contentType != null && contentType.regionMatches(true, 0, "application/json", 0, 16);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// What RequestContextFilter would have set: the change events read their origin
		// from the request attributes, graphql-java the locale.
		ServletRequestAttributes attributes = new ServletRequestAttributes(request, response);
		RequestContextHolder.setRequestAttributes(attributes);
		LocaleContextHolder.setLocale(request.getLocale());
		try {
			ServerResponse answer = this.endpoint.handle(ServerRequest.create(request, BYTES.messageConverters()));
			// An answer still being computed completes in an asynchronous dispatch, which
			// the DispatcherServlet and the route finish.
			answer.writeTo(request, response, BYTES);
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
			RequestContextHolder.resetRequestAttributes();
			if (!request.isAsyncStarted()) {
				attributes.requestCompleted();
			}
		}
	}

}
