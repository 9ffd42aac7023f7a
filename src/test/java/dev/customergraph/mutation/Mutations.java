package dev.customergraph.mutation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import dev.customergraph.tenancy.TestTenants.TestTenant;

/**
 * Runs mutations from the documents in {@code graphql-test/} and reads their payloads as maps,
 * one at a time or many at the same moment.
 */
public final class Mutations {

	private Mutations() {
	}

	/**
	 * Runs one operation of a document and returns the payload of its mutation field.
	 * @param operation {@code document#OperationName}, e.g. {@code customerAddresses#CreateAddress}
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> run(TestTenant tenant, String operation, String field, Map<String, ?> input) {
		String[] parts = operation.split("#");
		return tenant.graphQl()
			.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.documentName(parts[0])
			.operationName(parts[1])
			.variable("input", input)
			.execute()
			.path(field)
			.entity(Map.class)
			.get();
	}

	/** An input map from alternating keys and values; unlike {@code Map.of} it takes nulls (explicit nulls). */
	public static Map<String, Object> input(Object... keysAndValues) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			input.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return input;
	}

	/** The payload's user errors as "CODE input.field.path" strings, for compact assertions. */
	@SuppressWarnings("unchecked")
	public static List<String> userErrors(Map<String, Object> payload) {
		return ((List<Map<String, Object>>) payload.get("userErrors")).stream().map((error) -> {
			List<String> field = (List<String>) error.get("field");
			return error.get("code") + ((field != null) ? " " + String.join(".", field) : "");
		}).toList();
	}

	@SuppressWarnings("unchecked")
	public static <T> T get(Map<String, Object> payload, String path) {
		Object value = payload;
		for (String key : path.split("\\.")) {
			value = (value != null) ? ((Map<String, Object>) value).get(key) : null;
		}
		return (T) value;
	}

	/**
	 * Runs {@code count} tasks on as many threads, released together by a barrier so the
	 * requests reach the gateway at the same moment, and returns their results in order.
	 */
	public static <T> List<T> atOnce(int count, IntFunction<T> task) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(count);
		try {
			CyclicBarrier start = new CyclicBarrier(count);
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(threads.submit(() -> {
					start.await();
					return task.apply(index);
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
