package dev.customergraph.customer;

import java.util.List;

import dev.customergraph.graph.JsonColumns;
import org.jspecify.annotations.Nullable;

/**
 * Customer.tags as the customer row keeps them: a JSON array (so a tag may hold any
 * character, a comma too), in no particular order because MySQL's {@code JSON_ARRAYAGG}
 * cannot sort; the graph shows them sorted like {@link CustomerRules#normalizeTags}.
 */
final class CustomerTags {

	private CustomerTags() {
	}

	static List<String> read(@Nullable String json) {
		List<String> tags = JsonColumns.readStrings(json);
		return (tags.size() > 1) ? tags.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList() : tags;
	}

}
