package dev.customergraph.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;

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

	private static Set<String> at(DataFetchingEnvironment environment, String path) {
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
		Set<String> names = new HashSet<>();
		for (Field field : level) {
			collect(field.getSelectionSet(), fragments, (child) -> names.add(child.getName()));
		}
		return names;
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
