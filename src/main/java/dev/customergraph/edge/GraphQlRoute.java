package dev.customergraph.edge;

import dev.customergraph.graph.GatewayLimits;
import dev.customergraph.tenancy.Authenticator;
import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes every method on the configured GraphQL path ({@code spring.graphql.http.path}),
 * however the router matches it, to {@link GraphQlEndpoint}, which authenticates. It is
 * ordered ahead of Spring Boot's GraphQL routes, which still serve the printed schema;
 * and Tomcat's own error pages are GraphQL errors too. The commands ({@code keys},
 * {@code seed}) run without a web server, and so without this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class GraphQlRoute {

	@Bean
	GraphQlEndpoint graphQlEndpoint(WebGraphQlHandler graphQlHandler, Authenticator authenticator, JsonMapper json,
			GatewayLimits limits, MultipartProperties multipart) {
		GraphQlRequestReader reader = new GraphQlRequestReader(json, limits);
		return new GraphQlEndpoint(
				graphQlHandler, authenticator, reader, new MultipartRequestReader(reader, limits.maxBodySize(),
						multipart.getMaxFileSize(), multipart.getMaxRequestSize()),
				new Responses(limits, new ResponseJson(json)));
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorReports() {
		return (factory) -> factory.addContextCustomizers((context) -> ((StandardHost) context.getParent())
			.setErrorReportValveClass(ContainerErrorReportValve.class.getName()));
	}

	@Bean
	FilterRegistrationBean<GraphQlShortcut> graphQlShortcut(GraphQlEndpoint endpoint, GraphQlProperties properties) {
		FilterRegistrationBean<GraphQlShortcut> registration = new FilterRegistrationBean<>(
				new GraphQlShortcut(endpoint, properties.getHttp().getPath()));
		// After the access log and Boot's character encoding and observation filters,
		// before the rest.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphQlEndpointRoute(GraphQlEndpoint endpoint, GraphQlProperties properties) {
		return RouterFunctions.route(RequestPredicates.path(properties.getHttp().getPath()), endpoint::handle);
	}

}
