package dev.customergraph.graph;

import graphql.execution.DataFetcherExceptionHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;

/** Queries run with {@link PropertyFieldsExecutionStrategy}. */
@Configuration(proxyBeanMethods = false)
class ExecutionConfiguration {

	/**
	 * The exception handler is built from the same resolvers, in the same order, as the
	 * one Spring for GraphQL gives graphql-java's default strategies, so errors read the
	 * same.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer propertyFieldsExecution(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
		return (builder) -> builder.configureGraphQl((graphQl) -> {
			DataFetcherExceptionHandler handler = DataFetcherExceptionResolver
				.createExceptionHandler(resolvers.orderedStream().toList());
			graphQl.queryExecutionStrategy(new PropertyFieldsExecutionStrategy(handler));
		});
	}

}
