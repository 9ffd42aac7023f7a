package dev.customergraph.group;

import java.util.Set;

import dev.customergraph.customer.CustomerJoin;
import org.jspecify.annotations.Nullable;

/**
 * {@code customer(id:) { group … }}: the customer's group joined to its row. A group has
 * a handful of short columns, so the join reads all of them whatever the selection.
 */
final class CustomerGroupJoin implements CustomerJoin {

	// Not "group_": its id would be labelled like the customer's group_id column.
	private static final String PREFIX = "grp_";

	@Override
	public String field() {
		return "group";
	}

	@Override
	public @Nullable String listOrder() {
		return null;
	}

	@Override
	public String[] selectionPaths() {
		return new String[] { "group" };
	}

	@Override
	public String join() {
		return "LEFT JOIN customer_group g ON g.tenant_id = c.tenant_id AND g.livemode = c.livemode AND g.id = c.group_id";
	}

	@Override
	public Selected select(Set<String> fields) {
		return new Selected(CustomerGroupRepository.selectList(PREFIX), (row,
				rowNum) -> (row.getObject(PREFIX + "id") != null) ? CustomerGroupRepository.read(row, PREFIX) : null);
	}

}
