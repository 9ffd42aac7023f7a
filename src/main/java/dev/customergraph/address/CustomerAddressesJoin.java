package dev.customergraph.address;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import dev.customergraph.customer.CustomerJoin;
import org.jspecify.annotations.Nullable;

/**
 * {@code customer(id:) { addresses … }}: the customer's addresses joined to its row, with
 * the columns their selection needs; default flags false, for the controller to set from
 * the customer row.
 */
final class CustomerAddressesJoin implements CustomerJoin {

	private static final String PREFIX = "addresses_";

	@Override
	public String field() {
		return "addresses";
	}

	@Override
	public boolean list() {
		return true;
	}

	@Override
	public String[] selectionPaths() {
		// The default addresses are served from the same rows.
		return new String[] { "addresses/nodes", "addresses/edges/node", "defaultShippingAddress",
				"defaultBillingAddress" };
	}

	@Override
	public String join() {
		return "LEFT JOIN address a ON a.tenant_id = c.tenant_id AND a.livemode = c.livemode AND a.customer_id = c.id";
	}

	@Override
	public String columns(Set<String> selected) {
		return AddressColumn.selectList(AddressColumn.selectedBy(selected), PREFIX);
	}

	@Override
	public String orderBy() {
		return "a.id";
	}

	@Override
	public @Nullable Object read(ResultSet row, Set<String> selected) throws SQLException {
		return (row.getObject(PREFIX + "id") != null)
				? AddressRepository.leanRow(row, AddressColumn.selectedBy(selected), PREFIX) : null;
	}

}
