package dev.customergraph.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A {@code graphql-transport-ws} client on the JDK's WebSocket, as graphql-ws (Apollo's
 * and urql's links) speaks it: it sends the protocol's messages and keeps every message
 * the server sends, in order, and the close code.
 */
public final class GraphQlWebSocketClient implements WebSocket.Listener, AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CONNECTION = "";

	/**
	 * What the server sent, by operation id ({@value #CONNECTION} for the connection's
	 * own).
	 */
	private final Map<String, BlockingQueue<Map<String, Object>>> received = new ConcurrentHashMap<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private final WebSocket socket;

	private int probes;

	private GraphQlWebSocketClient(URI uri, Map<String, String> headers) {
		WebSocket.Builder builder = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.subprotocols("graphql-transport-ws");
		headers.forEach(builder::header);
		this.socket = builder.buildAsync(uri, this).join();
	}

	/**
	 * A connection to the URI, not yet initialised, with these upgrade request headers.
	 * @throws java.util.concurrent.CompletionException when the upgrade is refused
	 */
	public static GraphQlWebSocketClient open(URI uri, Map<String, String> headers) {
		return new GraphQlWebSocketClient(uri, headers);
	}

	/**
	 * A connection to {@code /graphql}, not yet initialised, with this upgrade header (or
	 * none).
	 */
	public static GraphQlWebSocketClient open(int port, @Nullable String authorization) {
		return open(URI.create("ws://127.0.0.1:" + port + "/graphql"),
				(authorization != null) ? Map.of("Authorization", authorization) : Map.of());
	}

	/**
	 * A connection initialised with the key in {@code connection_init}'s payload, as
	 * graphql-ws's {@code connectionParams} send it, acknowledged.
	 */
	public static GraphQlWebSocketClient connect(int port, String key) {
		GraphQlWebSocketClient client = open(port, null);
		client.init(Map.of("Authorization", "Bearer " + key));
		assertThat(client.next()).containsEntry("type", "connection_ack");
		return client;
	}

	public void init(Map<String, Object> payload) {
		send(Map.of("type", "connection_init", "payload", payload));
	}

	/**
	 * Subscribes, and returns once the server has started the subscription: messages on
	 * one connection are handled in order, so the answer to a query sent after it means
	 * the subscription is in place.
	 */
	public void subscribe(String id, String document, Map<String, Object> variables) {
		send(Map.of("type", "subscribe", "id", id, "payload", Map.of("query", document, "variables", variables)));
		String probe = "probe-" + (++this.probes);
		send(Map.of("type", "subscribe", "id", probe, "payload", Map.of("query", "{ __typename }")));
		Map<String, Object> answer = nextOf(probe);
		assertThat(answer).containsEntry("type", "next");
		assertThat(nextOf(probe)).containsEntry("type", "complete");
	}

	public void complete(String id) {
		send(Map.of("type", "complete", "id", id));
	}

	public void send(Map<String, Object> message) {
		this.socket.sendText(JSON.writeValueAsString(message), true).join();
	}

	/**
	 * The next message of the connection itself ({@code connection_ack}, {@code ping}),
	 * waiting for it up to 10 s.
	 */
	public Map<String, Object> next() {
		return nextOf(CONNECTION);
	}

	/** The next message for this operation, waiting for it up to 10 s. */
	public Map<String, Object> nextOf(String id) {
		Map<String, Object> message = poll(id, WAIT);
		if (message == null) {
			fail("No message for " + id + " within " + WAIT);
		}
		return message;
	}

	/** The next message for this operation, if one comes within the time given. */
	public @Nullable Map<String, Object> poll(String id, Duration wait) {
		try {
			return queue(id).poll(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The data of the next event of the subscription. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> event(String id) {
		Map<String, Object> message = nextOf(id);
		assertThat(message).containsEntry("type", "next");
		Map<String, Object> payload = (Map<String, Object>) message.get("payload");
		assertThat(payload).doesNotContainKey("errors");
		return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get("customerEvents");
	}

	/**
	 * The errors that ended the operation: an {@code error} message, or a {@code next}
	 * with errors and no data (an operation refused before it ran) and its
	 * {@code complete}.
	 */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> errors(String id) {
		Map<String, Object> message = nextOf(id);
		if ("error".equals(message.get("type"))) {
			return (List<Map<String, Object>>) message.get("payload");
		}
		assertThat(message).containsEntry("type", "next");
		Map<String, Object> payload = (Map<String, Object>) message.get("payload");
		assertThat(payload.get("data")).isNull();
		assertThat(nextOf(id)).containsEntry("type", "complete");
		return (List<Map<String, Object>>) payload.get("errors");
	}

	/** The code of the only error that ended the operation. */
	@SuppressWarnings("unchecked")
	public String errorCode(String id) {
		List<Map<String, Object>> errors = errors(id);
		assertThat(errors).hasSize(1);
		return (String) ((Map<String, Object>) errors.get(0).get("extensions")).get("code");
	}

	/** The code the server closed the connection with, waiting up to 10 s. */
	public int closeCode() {
		return this.closeCode.orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
	}

	private BlockingQueue<Map<String, Object>> queue(String id) {
		return this.received.computeIfAbsent(id, (key) -> new LinkedBlockingQueue<>());
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			Map<String, Object> message = JSON.readValue(this.partial.toString(),
					new TypeReference<HashMap<String, Object>>() {
					});
			queue((message.get("id") instanceof String id) ? id : CONNECTION).add(message);
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closeCode.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closeCode.completeExceptionally(error);
	}

	@Override
	public void close() {
		// The server may have closed it meanwhile, which closes the output too.
		this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").handle((socket, failure) -> socket).join();
		this.socket.abort();
	}

}
