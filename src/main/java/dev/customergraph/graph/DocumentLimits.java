package dev.customergraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import org.jspecify.annotations.Nullable;

/**
 * Depth, alias, selection, root-field and directive limits, checked on the parsed
 * document before graphql-java validates it (validation itself can be made slow by a
 * hostile document). Fragments count as if inlined, and no field is exempt by its name,
 * introspection included.
 * <p>
 * The check is bounded whatever the document: the fragments are first read once each
 * (unknown, cyclic and unused fragments are refused there, as validation would), and the
 * walk then counts every selection it visits, fields, fragment spreads and inline
 * fragments alike, and stops at {@code max-fields}.
 */
final class DocumentLimits {

	/**
	 * GraphQL names are short; a longer operation name is refused rather than carried
	 * into metrics and logs.
	 */
	static final int MAX_OPERATION_NAME_LENGTH = 100;

	private final GatewayLimits limits;

	DocumentLimits(GatewayLimits limits) {
		this.limits = limits;
	}

	/**
	 * Refuses the document with a {@link QueryRefusedException} when any operation in it
	 * is over a limit or its fragments could not be inlined.
	 */
	void check(Document document) {
		Map<String, FragmentDefinition> fragments = new FragmentGraph(document).checked();
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			checkOperationName(operation.getName());
			checkDirectives(operation.getDirectives());
			new Walk(fragments).selections(operation.getSelectionSet(), 1);
		}
	}

	/** Refuses an operation name, in the document or the request, that is too long. */
	static void checkOperationName(@Nullable String name) {
		if (name != null && name.length() > MAX_OPERATION_NAME_LENGTH) {
			throw new QueryRefusedException(ErrorCode.INVALID, "The operation name has " + name.length()
					+ " characters; at most " + MAX_OPERATION_NAME_LENGTH + " are allowed.");
		}
	}

	private void checkDirectives(List<Directive> directives) {
		if (directives.size() > this.limits.maxDirectivesPerField()) {
			throw new QueryRefusedException(ErrorCode.TOO_MANY_DIRECTIVES, "A selection has " + directives.size()
					+ " directives; the limit is " + this.limits.maxDirectivesPerField() + ".");
		}
	}

	private static QueryRefusedException invalid(String message) {
		return new QueryRefusedException(ErrorCode.GRAPHQL_VALIDATION_FAILED, message);
	}

	/**
	 * Which fragment spreads which, read in one pass over the document: every fragment
	 * must exist, be used, and not spread itself (directly or not), or inlining would
	 * never end or reach nothing.
	 */
	private static final class FragmentGraph {

		private final Map<String, FragmentDefinition> fragments = new HashMap<>();

		private final Map<String, List<String>> spreads = new HashMap<>();

		private final List<String> operationSpreads = new ArrayList<>();

		FragmentGraph(Document document) {
			for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
				if (this.fragments.putIfAbsent(fragment.getName(), fragment) != null) {
					throw invalid("There is more than one fragment named '" + fragment.getName() + "'.");
				}
				List<String> spread = new ArrayList<>();
				collectSpreads(fragment.getSelectionSet(), spread);
				this.spreads.put(fragment.getName(), spread);
			}
			for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
				collectSpreads(operation.getSelectionSet(), this.operationSpreads);
			}
		}

		Map<String, FragmentDefinition> checked() {
			this.spreads.values().forEach(this::checkKnown);
			checkKnown(this.operationSpreads);
			Set<String> done = new HashSet<>();
			for (String fragment : this.fragments.keySet()) {
				checkAcyclic(fragment, new HashSet<>(), done);
			}
			Set<String> used = new HashSet<>();
			this.operationSpreads.forEach((fragment) -> markUsed(fragment, used));
			for (String fragment : this.fragments.keySet()) {
				if (!used.contains(fragment)) {
					throw invalid("Fragment '" + fragment + "' is never used.");
				}
			}
			return this.fragments;
		}

		private void checkKnown(List<String> spreads) {
			for (String fragment : spreads) {
				if (!this.fragments.containsKey(fragment)) {
					throw invalid("Fragment '" + fragment + "' is not defined.");
				}
			}
		}

		/** Depth-first; each fragment is finished once, so this is linear. */
		private void checkAcyclic(String fragment, Set<String> onPath, Set<String> done) {
			if (done.contains(fragment)) {
				return;
			}
			if (!onPath.add(fragment)) {
				throw invalid("Fragment '" + fragment + "' spreads itself, directly or through other fragments.");
			}
			for (String spread : this.spreads.get(fragment)) {
				checkAcyclic(spread, onPath, done);
			}
			onPath.remove(fragment);
			done.add(fragment);
		}

		private void markUsed(String fragment, Set<String> used) {
			if (used.add(fragment)) {
				this.spreads.get(fragment).forEach((spread) -> markUsed(spread, used));
			}
		}

		private static void collectSpreads(SelectionSet selectionSet, List<String> into) {
			for (Selection<?> selection : selectionSet.getSelections()) {
				if (selection instanceof FragmentSpread spread) {
					into.add(spread.getName());
				}
				else if (selection instanceof InlineFragment fragment) {
					collectSpreads(fragment.getSelectionSet(), into);
				}
				else if (selection instanceof Field field && field.getSelectionSet() != null) {
					collectSpreads(field.getSelectionSet(), into);
				}
			}
		}

	}

	/**
	 * One operation's selections with fragments inlined; it stops at the first limit
	 * crossed, so it visits at most {@code max-fields} selections.
	 */
	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		private int selections;

		private int aliases;

		private int rootFields;

		Walk(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		void selections(SelectionSet selectionSet, int depth) {
			for (Selection<?> selection : selectionSet.getSelections()) {
				count();
				if (selection instanceof Field field) {
					field(field, depth);
				}
				else if (selection instanceof InlineFragment fragment) {
					checkDirectives(fragment.getDirectives());
					selections(fragment.getSelectionSet(), depth);
				}
				else if (selection instanceof FragmentSpread spread) {
					checkDirectives(spread.getDirectives());
					// Known and acyclic: FragmentGraph checked it.
					selections(this.fragments.get(spread.getName()).getSelectionSet(), depth);
				}
			}
		}

		private void count() {
			int maxFields = DocumentLimits.this.limits.maxFields();
			if (++this.selections > maxFields) {
				refuse(ErrorCode.TOO_MANY_FIELDS, "The query has more than " + maxFields
						+ " selections (fields, fragment spreads and inline fragments, fragments counted as often as they are used).");
			}
		}

		private void field(Field field, int depth) {
			GatewayLimits limits = DocumentLimits.this.limits;
			checkDirectives(field.getDirectives());
			if (depth > limits.maxDepth()) {
				refuse(ErrorCode.QUERY_TOO_DEEP,
						"Fields nest deeper than the limit of " + limits.maxDepth() + " levels.");
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
