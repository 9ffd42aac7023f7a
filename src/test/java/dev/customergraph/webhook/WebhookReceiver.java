package dev.customergraph.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import static org.awaitility.Awaitility.await;

/**
 * A webhook receiver on loopback: records every request it gets, and answers each with
 * the status its policy gives for the event (200 unless told otherwise). It also records
 * the most requests it ever had under way at once.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private volatile ToIntFunction<String> status = (eventId) -> 200;

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/customer-graph?source=test";
	}

	/** Answers every next request with the status the function gives for its event id. */
	void answer(ToIntFunction<String> status) {
		this.status = status;
	}

	synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	int maxInFlight() {
		return this.maxInFlight.get();
	}

	/** Waits until the receiver has answered at least {@code count} requests. */
	List<Received> awaitReceived(int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> received().size() >= count);
		return received();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String eventId = exchange.getRequestHeaders().getFirst(EndpointDelivery.EVENT_ID_HEADER);
			int code = this.status.applyAsInt(eventId);
			synchronized (this) {
				this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
						exchange.getRequestHeaders().getFirst(EndpointDelivery.SIGNATURE_HEADER), eventId,
						exchange.getRequestHeaders().getFirst("Content-Type"), body, code));
			}
			exchange.sendResponseHeaders(code, -1);
		}
		finally {
			this.inFlight.decrementAndGet();
			exchange.close();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** One request as the receiver got it, and the status it answered. */
	record Received(String method, String uri, String signature, String eventId, String contentType, String body,
			int status) {
	}

}
