package dev.customergraph.federation;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * Makes the gateway an Apollo Federation 2 subgraph. federation-jvm transforms the schema
 * read from {@code schema/}, whose {@code @link} and {@code @key} directives declare the
 * entities; the factory routes each {@code _entities} representation to its feature's
 * {@code @EntityMapping} method, and refuses to start when an entity has none.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

	@Bean
	FederationSchemaFactory federationSchemaFactory() {
		return new FederationSchemaFactory();
	}

	@Bean
	GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
		return (builder) -> builder.schemaFactory(factory::createGraphQLSchema);
	}

}
