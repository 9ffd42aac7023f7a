package dev.customergraph.http;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes every method on the GraphQL path to {@link GraphQlEndpoint}. It is ordered ahead of
 * Spring Boot's GraphQL routes, which still serve GraphiQL and the printed schema, but only
 * take POST on the endpoint itself and answer other requests with empty bodies.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpConfiguration {

	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphQlEndpointRoute(GraphQlEndpoint endpoint, GraphQlProperties properties) {
		return RouterFunctions.route(RequestPredicates.path(properties.getHttp().getPath()), endpoint::handle);
	}

}
