package dev.customergraph.tenancy;

import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/** Puts the caller that {@link ApiKeyFilter} authenticated into the GraphQL context. */
@Component
class CallerInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object caller = request.getAttributes().get(ApiKeyFilter.CALLER_ATTRIBUTE);
		if (caller != null) {
			request.configureExecutionInput(
					(input, builder) -> builder.graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build());
		}
		return chain.next(request);
	}

}
