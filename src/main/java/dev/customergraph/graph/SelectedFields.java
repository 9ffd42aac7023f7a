package dev.customergraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

/**
 * The names of the fields a data fetcher's selection asks for, read from the document's
 * syntax tree. graphql-java's {@code DataFetchingFieldSelectionSet} builds a normalized
 * tree of the whole operation on first use, per request, which cost a page more than
 * reading its columns; a walk of the few selections involved costs next to nothing.
 * Fragments are followed whatever their type condition, and fields count whatever their
 * {@code @include} or {@code @skip}: the names are a superset of what executes, so a read
 * may fetch a column it did not need, never miss one it does. Validation has already
 * refused fragment cycles and the request limits bounded the document.
 */
public final class SelectedFields {

	private SelectedFields() {
	}

	/**
	 * The names of the fields under any of the paths of field names
	 * ({@code "edges/node"}; {@code ""} is the field's own selection) of the field being
	 * fetched.
	 */
	public static Set<String> of(DataFetchingEnvironment environment, String... paths) {
		Set<String> names = new HashSet<>();
		for (String path : paths) {
			names.addAll(at(environment, path));
		}
		return names;
	}

	/**
	 * The arguments every selection of the field {@code name} under any of the paths
	 * passes, by argument name, as the field's fetcher would get them; null when there is
	 * no such selection, when two pass different ones, when one has directives (an
	 * {@code @include} may differ between them), or when a value is not one the document
	 * alone tells (an object or a list).
	 */
	public static @Nullable Map<String, @Nullable Object> sameArguments(DataFetchingEnvironment environment,
			String name, String... paths) {
		Map<String, @Nullable Object> same = null;
		for (String path : paths) {
			for (Field field : level(environment, path + "/" + name)) {
				Map<String, @Nullable Object> arguments = argumentsOf(field, environment.getVariables());
				if (arguments == null || (same != null && !same.equals(arguments))) {
					return null;
				}
				same = arguments;
			}
		}
		return same;
	}

	private static @Nullable Map<String, @Nullable Object> argumentsOf(Field field, Map<String, Object> variables) {
		if (!field.getDirectives().isEmpty()) {
			return null;
		}
		Map<String, @Nullable Object> arguments = new HashMap<>();
		for (Argument argument : field.getArguments()) {
			Value<?> value = argument.getValue();
			if (value instanceof IntValue number) {
				arguments.put(argument.getName(), number.getValue().intValue());
			}
			else if (value instanceof StringValue text) {
				arguments.put(argument.getName(), text.getValue());
			}
			else if (value instanceof VariableReference variable) {
				arguments.put(argument.getName(), variables.get(variable.getName()));
			}
			else if (value instanceof NullValue) {
				arguments.put(argument.getName(), null);
			}
			else {
				return null;
			}
		}
		return arguments;
	}

	private static Set<String> at(DataFetchingEnvironment environment, String path) {
		Set<String> names = new HashSet<>();
		for (Field field : level(environment, path)) {
			collect(field.getSelectionSet(), environment.getFragmentsByName(), (child) -> names.add(child.getName()));
		}
		return names;
	}

	/** The selections of the field at the path of field names below the fetched one. */
	private static List<Field> level(DataFetchingEnvironment environment, String path) {
		Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
		List<Field> level = environment.getMergedField().getFields();
		for (String name : path.isEmpty() ? new String[0] : path.split("/")) {
			List<Field> next = new ArrayList<>();
			for (Field field : level) {
				collect(field.getSelectionSet(), fragments, (child) -> {
					if (child.getName().equals(name)) {
						next.add(child);
					}
				});
			}
			level = next;
		}
		return level;
	}

	private static void collect(SelectionSet selections, Map<String, FragmentDefinition> fragments,
			Consumer<Field> into) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				into.accept(field);
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), fragments, into);
			}
			else if (selection instanceof FragmentSpread spread && fragments.get(spread.getName()) != null) {
				collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into);
			}
		}
	}

}
