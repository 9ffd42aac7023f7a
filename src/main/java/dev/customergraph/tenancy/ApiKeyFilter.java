package dev.customergraph.tenancy;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the GraphQL endpoint before GraphQL sees it: a missing
 * or unknown key is HTTP 401 with a GraphQL error coded {@code UNAUTHENTICATED}; a key
 * that cannot be looked up because the database is down is HTTP 503 coded
 * {@code UNAVAILABLE}. The caller is handed on as a request attribute, which
 * {@link CallerInterceptor} puts into the GraphQL context.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

	private static final String UNAUTHENTICATED_BODY = """
			{"errors":[{"message":"A valid API key is required: send 'Authorization: Bearer sk_test_…' or 'sk_live_…'.",\
			"extensions":{"code":"UNAUTHENTICATED"}}]}""";

	private static final String UNAVAILABLE_BODY = """
			{"errors":[{"message":"The database is unavailable right now; retry in a moment.",\
			"extensions":{"code":"UNAVAILABLE"}}]}""";

	private final Authenticator authenticator;

	ApiKeyFilter(Authenticator authenticator) {
		this.authenticator = authenticator;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"/graphql".equals(request.getRequestURI()) || "OPTIONS".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Caller> caller;
		try {
			caller = this.authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
		}
		catch (DataAccessException ex) {
			// A key not in the cache needs the database; without it the request cannot be
			// authenticated.
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			refuse(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE_BODY);
			return;
		}
		if (caller.isEmpty()) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"customer-graph\"");
			refuse(request, response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHENTICATED_BODY);
			return;
		}
		request.setAttribute(CALLER_ATTRIBUTE, caller.get());
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String body)
			throws IOException {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		boolean graphqlResponse = accept != null && accept.contains(GRAPHQL_RESPONSE_JSON);
		response.setStatus(status);
		response.setContentType(graphqlResponse ? GRAPHQL_RESPONSE_JSON : MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body);
	}

}
