package dev.customergraph.graph;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code DateTime} and {@code JSON} come from graphql-java-extended-scalars;
 * {@code Upload} is the multipart request specification's file ({@link Upload}).
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(ExtendedScalars.DateTime).scalar(ExtendedScalars.Json).scalar(Upload.SCALAR);
	}

}
