package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
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

	/** The orderable fields, with the column each sorts by. */
	public enum Field {

		CREATED_AT("c.created_at", (c) -> c.createdAt().toLocalDateTime().toString(), LocalDateTime::parse),
		UPDATED_AT("c.updated_at", (c) -> c.updatedAt().toLocalDateTime().toString(), LocalDateTime::parse),
		EMAIL("c.email", Customer::email, (text) -> text), LAST_NAME("c.last_name", Customer::lastName, (text) -> text),
		ID(null, (c) -> null, (text) -> text);

		private final @Nullable String column;

		private final Function<Customer, @Nullable String> valueOf;

		private final Function<String, Object> parseValue;

		Field(@Nullable String column, Function<Customer, @Nullable String> valueOf,
				Function<String, Object> parseValue) {
			this.column = column;
			this.valueOf = valueOf;
			this.parseValue = parseValue;
		}

		private Keyset<Customer> keyset(OrderDirection direction) {
			String ordering = "customers:" + name() + ":" + direction;
			boolean descending = direction == OrderDirection.DESC;
			return (this.column != null) ? Keyset.byColumn(ordering, this.column, "c.id", descending, this.valueOf,
					this.parseValue, Customer::key) : Keyset.byId(ordering, "c.id", descending, Customer::key);
		}

	}

}
