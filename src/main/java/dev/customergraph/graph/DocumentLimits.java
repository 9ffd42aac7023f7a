package dev.customergraph.graph;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Depth, alias, field, root-field and directive limits, checked on the parsed document
 * before graphql-java validates it (validation itself can be made slow by a hostile
 * document). Fragments count as if inlined, and no field is exempt by its name,
 * introspection included.
 */
final class DocumentLimits {

	private final GatewayLimits limits;

	DocumentLimits(GatewayLimits limits) {
		this.limits = limits;
	}

	/**
	 * Refuses the document with a {@link QueryRefusedException} when any operation in it
	 * is over a limit.
	 */
	void check(Document document) {
		Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
			.stream()
			.collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (first, second) -> first));
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			checkDirectives(operation.getDirectives());
			new Walk(fragments).selections(operation.getSelectionSet(), 1);
		}
	}

	private void checkDirectives(List<Directive> directives) {
		if (directives.size() > this.limits.maxDirectivesPerField()) {
			throw new QueryRefusedException(ErrorCode.TOO_MANY_DIRECTIVES, "A selection has " + directives.size()
					+ " directives; the limit is " + this.limits.maxDirectivesPerField() + ".");
		}
	}

	/**
	 * One operation's selections with fragments inlined; it stops at the first limit
	 * crossed.
	 */
	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		/**
		 * Fragments being inlined on the current path: a cycle is skipped here and
		 * reported by validation.
		 */
		private final Set<String> inlining = new HashSet<>();

		private int fields;

		private int aliases;

		private int rootFields;

		Walk(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		void selections(SelectionSet selectionSet, int depth) {
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof Field field) {
					field(field, depth);
				}
				else if (selection instanceof InlineFragment fragment) {
					checkDirectives(fragment.getDirectives());
					selections(fragment.getSelectionSet(), depth);
				}
				else if (selection instanceof FragmentSpread spread) {
					checkDirectives(spread.getDirectives());
					FragmentDefinition fragment = this.fragments.get(spread.getName());
					if (fragment != null && this.inlining.add(spread.getName())) {
						selections(fragment.getSelectionSet(), depth);
						this.inlining.remove(spread.getName());
					}
				}
			}
		}

		private void field(Field field, int depth) {
			GatewayLimits limits = DocumentLimits.this.limits;
			checkDirectives(field.getDirectives());
			if (depth > limits.maxDepth()) {
				refuse(ErrorCode.QUERY_TOO_DEEP,
						"Fields nest deeper than the limit of " + limits.maxDepth() + " levels.");
			}
			if (++this.fields > limits.maxFields()) {
				refuse(ErrorCode.TOO_MANY_FIELDS, "The query selects more than " + limits.maxFields()
						+ " fields (fragments counted as often as they are used).");
			}
			if (field.getAlias() != null && ++this.aliases > limits.maxAliases()) {
				refuse(ErrorCode.TOO_MANY_ALIASES, "The query uses more than " + limits.maxAliases() + " aliases.");
			}
			if (depth == 1 && ++this.rootFields > limits.maxRootFields()) {
				refuse(ErrorCode.TOO_MANY_ROOT_FIELDS,
						"The query selects more than " + limits.maxRootFields() + " root fields.");
			}
			if (field.getSelectionSet() != null) {
				selections(field.getSelectionSet(), depth + 1);
			}
		}

		private static void refuse(ErrorCode code, String message) {
			throw new QueryRefusedException(code, message);
		}

	}

}
