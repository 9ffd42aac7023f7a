package dev.customergraph.address;

import java.util.Set;

import dev.customergraph.customer.CustomerJoin;

/**
 * {@code customer(id:) { addresses … }}: the customer's addresses joined to its row, with
 * the columns their selection needs; default flags false, for the controller to set from
 * the customer row.
 */
final class CustomerAddressesJoin implements CustomerJoin {

	private static final String PREFIX = "addresses_";

	/**
	 * Where a customer's selection selects the fields of its addresses: the default
	 * addresses are served from the same rows.
	 */
	static final String[] SELECTION_PATHS = { "addresses/nodes", "addresses/edges/node", "defaultShippingAddress",
			"defaultBillingAddress" };

	@Override
	public String field() {
		return "addresses";
	}

	@Override
	public String listOrder() {
		return "a.id";
	}

	@Override
	public String[] selectionPaths() {
		return SELECTION_PATHS.clone();
	}

	@Override
	public String join() {
		return "LEFT JOIN address a ON a.tenant_id = c.tenant_id AND a.livemode = c.livemode AND a.customer_id = c.id";
	}

	@Override
	public Selected select(Set<String> fields) {
		Set<AddressColumn> columns = AddressColumn.selectedBy(fields);
		return new Selected(AddressColumn.selectList(columns, PREFIX),
				(row, rowNum) -> (row.getObject(PREFIX + "id") != null)
						? AddressRepository.leanRow(row, columns, PREFIX) : null);
	}

}
