package dev.customergraph.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * (unknown, cyclic and unused fragments are refused there, as validation would); then
 * each fragment is summed once, what it adds wherever it is spread (selections, fields,
 * fragment spreads and inline fragments alike, depth, aliases), so the whole check is
 * linear in the size of the document.
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
		Walk walk = new Walk(new FragmentGraph(document).checked());
		for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
			checkOperationName(operation.getName());
			checkDirectives(operation.getDirectives());
			walk.operation(operation.getSelectionSet());
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

	/**
	 * What a fragment adds where it is spread, as if inlined: summed once per fragment
	 * (fragments spread in it summed from their own summaries), so a fragment spread many
	 * times, or in a fan-out, costs one lookup per spread. Counts saturate instead of
	 * overflowing.
	 *
	 * @param selections fields, fragment spreads and inline fragments
	 * @param depth the deepest field nesting, its top-level fields at 1
	 * @param aliases aliased fields
	 * @param topLevelFields fields at its top level, root fields where it is spread at
	 * the root
	 */
	private record Inlined(long selections, int depth, long aliases, long topLevelFields) {

		static final Inlined NOTHING = new Inlined(0, 0, 0, 0);

		private static final long SATURATED = 1L << 40;

		Inlined plus(Inlined other) {
			return new Inlined(sum(this.selections, other.selections), Math.max(this.depth, other.depth),
					sum(this.aliases, other.aliases), sum(this.topLevelFields, other.topLevelFields));
		}

		/** This selection set as the child of a field: one level deeper, none on top. */
		Inlined nested() {
			return new Inlined(this.selections, this.depth + 1, this.aliases, 0);
		}

		private static long sum(long a, long b) {
			return Math.min(a + b, SATURATED);
		}

	}

	/**
	 * Sums selection sets with fragments inlined, each fragment once, and refuses the
	 * document as soon as a sum crosses a limit.
	 */
	private final class Walk {

		private final Map<String, FragmentDefinition> fragments;

		private final Map<String, Inlined> summaries = new HashMap<>();

		Walk(Map<String, FragmentDefinition> fragments) {
			this.fragments = fragments;
		}

		void operation(SelectionSet selectionSet) {
			GatewayLimits limits = DocumentLimits.this.limits;
			Inlined sum = Inlined.NOTHING;
			for (Selection<?> selection : selectionSet.getSelections()) {
				sum = sum.plus(selection(selection));
				if (sum.topLevelFields() > limits.maxRootFields()) {
					refuse(ErrorCode.TOO_MANY_ROOT_FIELDS,
							"The query selects more than " + limits.maxRootFields() + " root fields.");
				}
				check(sum);
			}
		}

		private Inlined selections(SelectionSet selectionSet) {
			Inlined sum = Inlined.NOTHING;
			for (Selection<?> selection : selectionSet.getSelections()) {
				sum = sum.plus(selection(selection));
				check(sum);
			}
			return sum;
		}

		private Inlined selection(Selection<?> selection) {
			if (selection instanceof Field field) {
				checkDirectives(field.getDirectives());
				Inlined children = (field.getSelectionSet() != null) ? selections(field.getSelectionSet()).nested()
						: Inlined.NOTHING;
				return new Inlined(1, 1, (field.getAlias() != null) ? 1 : 0, 1).plus(children);
			}
			if (selection instanceof InlineFragment fragment) {
				checkDirectives(fragment.getDirectives());
				return new Inlined(1, 0, 0, 0).plus(selections(fragment.getSelectionSet()));
			}
			FragmentSpread spread = (FragmentSpread) selection;
			checkDirectives(spread.getDirectives());
			return new Inlined(1, 0, 0, 0).plus(fragment(spread.getName()));
		}

		/** Known and acyclic: {@link FragmentGraph} checked it. */
		private Inlined fragment(String name) {
			Inlined summary = this.summaries.get(name);
			if (summary == null) {
				summary = selections(this.fragments.get(name).getSelectionSet());
				this.summaries.put(name, summary);
			}
			return summary;
		}

		private void check(Inlined sum) {
			GatewayLimits limits = DocumentLimits.this.limits;
			if (sum.depth() > limits.maxDepth()) {
				refuse(ErrorCode.QUERY_TOO_DEEP,
						"Fields nest deeper than the limit of " + limits.maxDepth() + " levels.");
			}
			if (sum.selections() > limits.maxFields()) {
				refuse(ErrorCode.TOO_MANY_FIELDS, "The query has more than " + limits.maxFields()
						+ " selections (fields, fragment spreads and inline fragments, fragments counted as often as they are used).");
			}
			if (sum.aliases() > limits.maxAliases()) {
				refuse(ErrorCode.TOO_MANY_ALIASES, "The query uses more than " + limits.maxAliases() + " aliases.");
			}
		}

		private static void refuse(ErrorCode code, String message) {
			throw new QueryRefusedException(code, message);
		}

	}

}
