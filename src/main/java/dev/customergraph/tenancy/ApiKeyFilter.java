package dev.customergraph.tenancy;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every request to the GraphQL endpoint before GraphQL sees it: a missing or
 * unknown key is HTTP 401 with a GraphQL error coded {@code UNAUTHENTICATED}. The caller is
 * handed on as a request attribute, which {@link CallerInterceptor} puts into the GraphQL context.
 */
@Component
class ApiKeyFilter extends OncePerRequestFilter {

	static final String CALLER_ATTRIBUTE = Caller.class.getName();

	private static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

	private static final String UNAUTHENTICATED_BODY = """
			{"errors":[{"message":"A valid API key is required: send 'Authorization: Bearer sk_test_…' or 'sk_live_…'.",\
			"extensions":{"code":"UNAUTHENTICATED"}}]}""";

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
		var caller = this.authenticator.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
		if (caller.isEmpty()) {
			String accept = request.getHeader(HttpHeaders.ACCEPT);
			boolean graphqlResponse = accept != null && accept.contains(GRAPHQL_RESPONSE_JSON);
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"customer-graph\"");
			response.setContentType(graphqlResponse ? GRAPHQL_RESPONSE_JSON : MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(UNAUTHENTICATED_BODY);
			return;
		}
		request.setAttribute(CALLER_ATTRIBUTE, caller.get());
		chain.doFilter(request, response);
	}

}
