package dev.customergraph.customer;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Which of a customer's fields a change changed, by the names the update's input gives
 * them, for its {@code CUSTOMER_UPDATED} event: a field the input carried with the value
 * it already had is not a change.
 */
final class CustomerChangedFields {

	/** By input field name, so the names come out sorted. */
	private static final Map<String, Function<Customer, @Nullable Object>> FIELDS = new TreeMap<>(Map.ofEntries(
			Map.entry("email", Customer::email), Map.entry("firstName", Customer::firstName),
			Map.entry("lastName", Customer::lastName), Map.entry("phone", Customer::phone),
			Map.entry("locale", Customer::locale), Map.entry("type", Customer::type),
			Map.entry("enabled", Customer::enabled), Map.entry("code", Customer::code),
			Map.entry("tags", Customer::tags), Map.entry("vatNumber", Customer::vatNumber),
			Map.entry("acceptsMarketing", Customer::acceptsMarketing), Map.entry("avatarUrl", Customer::avatarUrl),
			Map.entry("metadata", Customer::metadata), Map.entry("paymentProviders", Customer::paymentProviders),
			Map.entry("requestToBeForgotten", Customer::requestToBeForgotten),
			Map.entry("defaultSourceId", Customer::defaultSourceId), Map.entry("groupId", Customer::groupKey)));

	private CustomerChangedFields() {
	}

	static List<String> between(Customer before, @Nullable Customer after) {
		if (after == null) {
			return List.of();
		}
		return FIELDS.entrySet()
			.stream()
			.filter((field) -> !Objects.equals(field.getValue().apply(before), field.getValue().apply(after)))
			.map(Map.Entry::getKey)
			.toList();
	}

}
