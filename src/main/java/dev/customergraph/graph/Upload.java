package dev.customergraph.graph;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Map;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.jspecify.annotations.Nullable;

import java.util.Locale;

/**
 * A file sent with a GraphQL multipart request (the GraphQL multipart request
 * specification), as the schema's {@code Upload} scalar: the request edge puts one in
 * place of each {@code null} the request's {@code map} names, and a mutation argument
 * receives it. The name and content type are what the client claims; only the content
 * says what the file is. The content is read only when the mutation opens it, and at most
 * {@code size} bytes of it are there.
 *
 * @param filename the file name the client sent, if any
 * @param size the content's length in bytes
 * @param content opens the content; the web server keeps it until the request ends
 */
public record Upload(@Nullable String filename, long size, Content content) {

	/**
	 * The {@code Upload} scalar: only a file of a multipart request is one, never a
	 * literal in the document or a value in JSON variables, and it is input only.
	 */
	public static final GraphQLScalarType SCALAR = GraphQLScalarType.newScalar()
		.name("Upload")
		.description("A file of a GraphQL multipart request (mutations only).")
		.coercing(new Coercing<Upload, Void>() {

			@Override
			public Void serialize(Object value, GraphQLContext context, Locale locale) {
				throw new CoercingSerializeException("An Upload is input only.");
			}

			@Override
			public Upload parseValue(Object value, GraphQLContext context, Locale locale) {
				if (value instanceof Upload upload) {
					return upload;
				}
				throw new CoercingParseValueException(
						"An Upload must be a file of a multipart request (the GraphQL multipart request specification).");
			}

			@Override
			public Upload parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
					Locale locale) {
				throw new CoercingParseLiteralException("An Upload cannot be written in the document; send it as a "
						+ "file of a multipart request, in a variable.");
			}

		})
		.build();

	/**
	 * What an error that quotes a misplaced upload shows (an enum names the value it did
	 * not find): neither the client's file name nor the server's classes.
	 */
	@Override
	public String toString() {
		return "an uploaded file";
	}

	/** Whether the value is an upload or a JSON object or list with one inside. */
	static boolean isIn(@Nullable Object value) {
		if (value instanceof Upload) {
			return true;
		}
		if (value instanceof Map<?, ?> object) {
			return object.values().stream().anyMatch(Upload::isIn);
		}
		return value instanceof Collection<?> list && list.stream().anyMatch(Upload::isIn);
	}

	/** Opens the content of an upload. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}
