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

import dev.customergraph.tenancy.TestTenants.TestTenant;

import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs mutations from the documents in {@code graphql-test/} and reads their payloads as
 * maps, one at a time or many at the same moment.
 */
public final class Mutations {

	private static final int MAX_ATTEMPTS = 5;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);

	private Mutations() {
	}

	/**
	 * Runs one operation of a document and returns the payload of its mutation field.
	 * @param operation {@code document#OperationName}, e.g.
	 * {@code customerAddresses#CreateAddress}
	 */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> run(TestTenant tenant, String operation, String field, Map<String, ?> input) {
		return request(tenant, operation, input).execute().path(field).entity(Map.class).get();
	}

	/**
	 * Like {@link #run}, but as a well-behaved service client: a request answered
	 * {@code UNAVAILABLE} is sent again after a pause. Under a burst of requests for one
	 * customer, those queued on its row lock hold their pooled connections, so on a busy
	 * machine a late request may find none free within the pool's wait (1.5 s) and be
	 * refused before it wrote anything.
	 */
	public static Map<String, Object> runAsClient(TestTenant tenant, String operation, String field,
			Map<String, ?> input) throws InterruptedException {
		for (int attempt = 1;; attempt++) {
			GraphQlResponse response = request(tenant, operation, input).execute().returnResponse();
			boolean unavailable = response.getErrors()
				.stream()
				.anyMatch((error) -> "UNAVAILABLE".equals(error.getExtensions().get("code")));
			if (!unavailable || attempt == MAX_ATTEMPTS) {
				assertThat(response.getErrors()).isEmpty();
				return response.field(field).getValue();
			}
			Thread.sleep(200L * attempt);
		}
	}

	private static GraphQlTester.Request<?> request(TestTenant tenant, String operation, Map<String, ?> input) {
		String[] parts = operation.split("#");
		// Generous timeouts, for both the tester and its WebTestClient (5 s by default):
		// bursts
		// of requests on a loaded 2-core machine can take that long without anything
		// wrong.
		return tenant.graphQl()
			.mutate()
			.responseTimeout(RESPONSE_TIMEOUT)
			.webTestClient((client) -> client.responseTimeout(RESPONSE_TIMEOUT))
			.build()
			.documentName(parts[0])
			.operationName(parts[1])
			.variable("input", input);
	}

	/**
	 * An input map from alternating keys and values; unlike {@code Map.of} it takes nulls
	 * (explicit nulls).
	 */
	public static Map<String, Object> input(Object... keysAndValues) {
		Map<String, Object> input = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			input.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return input;
	}

	/**
	 * The payload's user errors as "CODE input.field.path" strings, for compact
	 * assertions.
	 */
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
	public static <T> List<T> atOnce(int count, Task<T> task) throws Exception {
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

	/** One of the tasks {@link #atOnce} runs, given its index. */
	@FunctionalInterface
	public interface Task<T> {

		T apply(int index) throws Exception;

	}

}
