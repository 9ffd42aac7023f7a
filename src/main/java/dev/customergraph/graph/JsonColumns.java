package dev.customergraph.graph;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON columns (metadata, payment provider refs) that the graph
 * exposes.
 */
public final class JsonColumns {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final TypeReference<List<Map<String, String>>> LIST_OF_OBJECTS = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private JsonColumns() {
	}

	public static @Nullable Map<String, Object> readObject(@Nullable String json) {
		return (json != null) ? MAPPER.readValue(json, OBJECT) : null;
	}

	public static List<String> readStrings(@Nullable String json) {
		return (json != null) ? MAPPER.readValue(json, STRINGS) : List.of();
	}

	public static List<Map<String, String>> readList(@Nullable String json) {
		return (json != null) ? MAPPER.readValue(json, LIST_OF_OBJECTS) : List.of();
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
