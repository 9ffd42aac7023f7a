package dev.customergraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import org.springframework.core.io.ClassPathResource;

/**
 * Names the contract requires, written as paths from a type: {@code Type.field} (then
 * into the field's type), {@code field(arg)} (then into the argument's type),
 * {@code field(a, b)}, {@code Enum.VALUE} and {@code Input.field}. See
 * {@code contract/required-names.txt}.
 */
final class ContractPaths {

	private static final Pattern SEGMENT = Pattern.compile("(\\w+)(?:\\(([\\w, ]+)\\))?");

	private ContractPaths() {
	}

	/** The non-comment lines of a classpath resource. */
	static List<String> read(String resource) {
		try {
			return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
				.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** For each path the schema lacks, what is missing. */
	static List<String> missing(GraphQLSchema schema, List<String> paths) {
		return paths.stream()
			.flatMap((path) -> missing(schema, path).map((what) -> path + ": " + what).stream())
			.toList();
	}

	private static Optional<String> missing(GraphQLSchema schema, String path) {
		String[] segments = path.split("\\.");
		GraphQLType current = schema.getType(segments[0]);
		if (current == null) {
			return Optional.of("no type " + segments[0]);
		}
		for (String segment : Arrays.copyOfRange(segments, 1, segments.length)) {
			Matcher matcher = SEGMENT.matcher(segment);
			if (!matcher.matches() || current == null) {
				return Optional.of("cannot follow '" + segment + "'");
			}
			String name = matcher.group(1);
			GraphQLType type = GraphQLTypeUtil.unwrapAll(current);
			String typeName = GraphQLTypeUtil.simplePrint(type);
			if (type instanceof GraphQLEnumType enumType) {
				if (enumType.getValue(name) == null) {
					return Optional.of("no value " + typeName + "." + name);
				}
				current = null;
			}
			else if (type instanceof GraphQLInputObjectType inputType) {
				GraphQLInputObjectField field = inputType.getFieldDefinition(name);
				if (field == null) {
					return Optional.of("no input field " + typeName + "." + name);
				}
				current = field.getType();
			}
			else if (type instanceof GraphQLFieldsContainer container) {
				GraphQLFieldDefinition field = container.getFieldDefinition(name);
				if (field == null) {
					return Optional.of("no field " + typeName + "." + name);
				}
				current = field.getType();
				if (matcher.group(2) != null) {
					List<String> arguments = Arrays.stream(matcher.group(2).split(",")).map(String::strip).toList();
					for (String argument : arguments) {
						if (field.getArgument(argument) == null) {
							return Optional.of("no argument " + typeName + "." + name + "(" + argument + ")");
						}
					}
					GraphQLArgument only = (arguments.size() == 1) ? field.getArgument(arguments.get(0)) : null;
					current = (only != null) ? only.getType() : null;
				}
			}
			else {
				return Optional.of(typeName + " has no '" + name + "'");
			}
		}
		return Optional.empty();
	}

}
