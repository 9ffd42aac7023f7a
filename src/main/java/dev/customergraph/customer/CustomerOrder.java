package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.OrderDirection;
import org.jspecify.annotations.Nullable;

/** The {@code customers(orderBy:)} argument: a whitelisted column and a direction. */
public record CustomerOrder(Field field, OrderDirection direction) {

	static final CustomerOrder DEFAULT = new CustomerOrder(Field.CREATED_AT, OrderDirection.DESC);

	private static final Map<Field, Map<OrderDirection, Keyset<Customer>>> KEYSETS = new EnumMap<>(Field.class);

	static {
		for (Field field : Field.values()) {
			Map<OrderDirection, Keyset<Customer>> byDirection = new EnumMap<>(OrderDirection.class);
			for (OrderDirection direction : OrderDirection.values()) {
				byDirection.put(direction, field.keyset(direction));
			}
			KEYSETS.put(field, byDirection);
		}
	}

	Keyset<Customer> keyset() {
		return KEYSETS.get(this.field).get(this.direction);
	}

	/** The index that holds the ordering's column and the id, after the partition. */
	String index() {
		return this.field.index;
	}

	/** The column the ordering reads, which every page must fetch for its cursors. */
	Set<CustomerColumn> column() {
		return this.field.column;
	}

	/** The orderable fields, with the column each sorts by. */
	public enum Field {

		CREATED_AT(CustomerColumn.CREATED_AT, "customer_by_created", false,
				(c) -> c.createdAt().toLocalDateTime().toString(), LocalDateTime::parse),
		UPDATED_AT(CustomerColumn.UPDATED_AT, "customer_by_updated", false,
				(c) -> c.updatedAt().toLocalDateTime().toString(), LocalDateTime::parse),
		// Unique per partition (customer_by_email), so that index serves the order alone.
		EMAIL(CustomerColumn.EMAIL, "customer_by_email", true, Customer::email, (text) -> text),
		LAST_NAME(CustomerColumn.LAST_NAME, "customer_by_last_name", false, Customer::lastName, (text) -> text),
		ID(null, "PRIMARY", true, (c) -> null, (text) -> text);

		private final @Nullable String sql;

		private final String index;

		private final Set<CustomerColumn> column;

		private final boolean unique;

		private final Function<Customer, @Nullable String> valueOf;

		private final Function<String, Object> parseValue;

		Field(@Nullable CustomerColumn column, String index, boolean unique,
				Function<Customer, @Nullable String> valueOf, Function<String, Object> parseValue) {
			this.sql = (column != null) ? column.sql() : null;
			this.index = index;
			this.column = (column != null) ? EnumSet.of(column) : EnumSet.noneOf(CustomerColumn.class);
			this.unique = unique;
			this.valueOf = valueOf;
			this.parseValue = parseValue;
		}

		private Keyset<Customer> keyset(OrderDirection direction) {
			String ordering = "customers:" + name() + ":" + direction;
			boolean descending = direction == OrderDirection.DESC;
			if (this.sql == null) {
				return Keyset.byId(ordering, "c.id", descending, Customer::key);
			}
			return this.unique
					? Keyset.byUniqueColumn(ordering, this.sql, "c.id", descending, this.valueOf, this.parseValue,
							Customer::key)
					: Keyset.byColumn(ordering, this.sql, "c.id", descending, this.valueOf, this.parseValue,
							Customer::key);
		}

	}

}
