package dev.customergraph.source;

import java.util.Set;

import dev.customergraph.customer.CustomerJoin;
import org.jspecify.annotations.Nullable;

/**
 * {@code customer(id:) { defaultSource … }}: the customer's default source joined to its
 * row, with the columns its selection needs.
 */
final class CustomerDefaultSourceJoin implements CustomerJoin {

	// Not "default_source_": its id would be labelled like the customer's
	// default_source_id
	// column.
	private static final String PREFIX = "source_";

	@Override
	public String field() {
		return "defaultSource";
	}

	@Override
	public @Nullable String listOrder() {
		return null;
	}

	@Override
	public String[] selectionPaths() {
		return new String[] { "defaultSource" };
	}

	@Override
	public String join() {
		return "LEFT JOIN source s ON s.tenant_id = c.tenant_id AND s.livemode = c.livemode AND s.id = c.default_source_id";
	}

	@Override
	public Selected select(Set<String> fields) {
		Set<SourceColumn> columns = SourceColumn.selectedBy(fields);
		return new Selected(SourceColumn.selectList(columns, PREFIX), (row, rowNum) -> {
			if (row.getObject(PREFIX + "id") == null) {
				return null;
			}
			Source source = SourceRepository.leanRow(row, columns, PREFIX);
			return source.withDefaultOf(source.key());
		});
	}

}
