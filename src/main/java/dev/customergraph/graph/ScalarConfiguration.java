package dev.customergraph.graph;

import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code DateTime} and {@code JSON} come from graphql-java-extended-scalars;
 * {@code Upload} is the multipart request specification's file ({@link Upload}). The
 * {@code JSON} scalar takes any value of the variables, so it refuses one with a file in
 * it: a file goes only to an {@code Upload} argument (the other scalars and enums refuse
 * it by its type).
 */
@Configuration(proxyBeanMethods = false)
class ScalarConfiguration {

	static final GraphQLScalarType JSON = GraphQLScalarType.newScalar(ExtendedScalars.Json)
		.coercing(new JsonWithoutUploads(ExtendedScalars.Json.getCoercing()))
		.build();

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(ExtendedScalars.DateTime).scalar(JSON).scalar(Upload.SCALAR);
	}

	/** The extended scalars' JSON, refusing a value with an {@link Upload} in it. */
	private record JsonWithoutUploads(Coercing<?, ?> json) implements Coercing<Object, Object> {

		private static final String NO_FILE = "A JSON value cannot hold a file: a file goes only to an argument of "
				+ "type Upload.";

		@Override
		public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) {
			return this.json.serialize(value, context, locale);
		}

		@Override
		public @Nullable Object parseValue(Object value, GraphQLContext context, Locale locale) {
			if (Upload.isIn(value)) {
				throw new CoercingParseValueException(NO_FILE);
			}
			return this.json.parseValue(value, context, locale);
		}

		@Override
		public @Nullable Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			// A literal may name a variable, and an Upload variable holds a file.
			Object value = this.json.parseLiteral(input, variables, context, locale);
			if (Upload.isIn(value)) {
				throw new CoercingParseLiteralException(NO_FILE);
			}
			return value;
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.json.valueToLiteral(input, context, locale);
		}

	}

}
