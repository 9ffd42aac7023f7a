package dev.customergraph.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * Which fragment spreads which, read in one pass over the document: every fragment must
 * exist, be used, and not spread itself (directly or not), or inlining would never end or
 * reach nothing.
 */
final class FragmentGraph {

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

	private static QueryRefusedException invalid(String message) {
		return new QueryRefusedException(ErrorCode.GRAPHQL_VALIDATION_FAILED, message);
	}

}
