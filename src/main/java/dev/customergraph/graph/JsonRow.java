package dev.customergraph.graph;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One row the database built as a JSON object ({@code JSON_OBJECT}), read by field: for
 * nested rows a point lookup reads with its parent in one statement.
 */
public record JsonRow(Map<String, Object> values) {

	public @Nullable String string(String name) {
		Object value = this.values.get(name);
		return (value != null) ? value.toString() : null;
	}

	public long key(String name) {
		return ((Number) this.values.get(name)).longValue();
	}

	public @Nullable Long nullableKey(String name) {
		Object value = this.values.get(name);
		return (value != null) ? ((Number) value).longValue() : null;
	}

	public @Nullable Integer integer(String name) {
		Object value = this.values.get(name);
		return (value != null) ? ((Number) value).intValue() : null;
	}

	public @Nullable Double decimal(String name) {
		Object value = this.values.get(name);
		return (value != null) ? ((Number) value).doubleValue() : null;
	}

	@SuppressWarnings("unchecked")
	public @Nullable Map<String, Object> object(String name) {
		return (Map<String, Object>) this.values.get(name);
	}

	/**
	 * A DATETIME column as both engines write it into JSON,
	 * {@code 2024-01-01 00:00:01.000000}, stored in UTC.
	 */
	public OffsetDateTime instant(String name) {
		return LocalDateTime.parse(((String) this.values.get(name)).replace(' ', 'T')).atOffset(ZoneOffset.UTC);
	}

}
