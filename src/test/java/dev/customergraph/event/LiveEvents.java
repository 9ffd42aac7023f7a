package dev.customergraph.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import dev.customergraph.http.GraphQlWebSocketClient;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;

/** Subscribes to {@code customerEvents} with the document of the frontends' examples. */
final class LiveEvents {

	static final String DOCUMENT = read();

	private LiveEvents() {
	}

	/** Subscribes with these arguments (null ones left out). */
	static void subscribe(GraphQlWebSocketClient client, String id, @Nullable String customerId, @Nullable Object types,
			@Nullable String after) {
		Map<String, Object> variables = new HashMap<>();
		putIfGiven(variables, "customerId", customerId);
		putIfGiven(variables, "types", types);
		putIfGiven(variables, "after", after);
		client.subscribe(id, DOCUMENT, variables);
	}

	static void subscribe(GraphQlWebSocketClient client, String id) {
		subscribe(client, id, null, null, null);
	}

	private static void putIfGiven(Map<String, Object> variables, String name, @Nullable Object value) {
		if (value != null) {
			variables.put(name, value);
		}
	}

	private static String read() {
		try {
			return new ClassPathResource("graphql-test/customerEvents.graphql")
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
