package dev.customergraph.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bounds of one delivery attempt against receivers that misbehave on the socket: no
 * answer, an answer a byte at a time, an endless body, a redirect; and which addresses
 * count as public.
 */
class WebhookClientTests {

	private static final WebhookProperties PROPERTIES = new WebhookProperties(10, true, false, null,
			Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24), Duration.ofSeconds(1), 4,
			Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ofMillis(800));

	private final WebhookClient client = new WebhookClient(PROPERTIES);

	private ServerSocket server;

	@BeforeEach
	void listen() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
	}

	@AfterEach
	void close() throws IOException {
		this.server.close();
	}

	@Test
	void aReceiverThatNeverAnswersTimesOutWithinTheReadTimeout() {
		serve((socket) -> Thread.sleep(5000));
		long started = System.nanoTime();
		DeliveryOutcome outcome = post();
		assertThat(outcome.delivered()).isFalse();
		assertThat(outcome.error()).isEqualTo("no response within the read timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
	}

	@Test
	void aReceiverTricklingBytesIsCutOffAtTheReadTimeoutInAll() {
		serve((socket) -> {
			OutputStream out = socket.getOutputStream();
			for (int i = 0; i < 100; i++) {
				out.write('H');
				out.flush();
				Thread.sleep(50);
			}
		});
		long started = System.nanoTime();
		DeliveryOutcome outcome = post();
		assertThat(outcome.error()).isEqualTo("no response within the read timeout");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
	}

	@Test
	void onlyTheStatusLineOfAnEndlessResponseIsRead() {
		serve((socket) -> {
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 204 No Content\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			for (int i = 0; i < 1000; i++) {
				out.write(chunk);
			}
		});
		assertThat(post()).isEqualTo(DeliveryOutcome.answered(204));
	}

	@Test
	void aRedirectIsAnAnswerNotFollowed() {
		serve((socket) -> socket.getOutputStream()
			.write("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/\r\n\r\n"
				.getBytes(StandardCharsets.US_ASCII)));
		DeliveryOutcome outcome = post();
		assertThat(outcome).isEqualTo(DeliveryOutcome.answered(302));
		assertThat(outcome.delivered()).isFalse();
	}

	@Test
	void somethingThatIsNotHttpIsAFailure() {
		serve((socket) -> socket.getOutputStream().write("SSH-2.0-OpenSSH\r\n".getBytes(StandardCharsets.US_ASCII)));
		assertThat(post().error()).isEqualTo("the response is not HTTP/1.x");
	}

	@Test
	void aClosedPortIsAFailure() throws IOException {
		int port = this.server.getLocalPort();
		this.server.close();
		DeliveryOutcome outcome = this.client.post(WebhookTarget.of("http://127.0.0.1:" + port + "/", PROPERTIES),
				new byte[0], Map.of());
		assertThat(outcome.error()).isEqualTo("connection refused or failed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "93.184.215.14", "2606:4700:4700::1111", "2a00:1450:4001::200e" })
	void publicAddressesArePublic(String address) throws IOException {
		assertThat(PublicAddress.isPublic(InetAddress.getByName(address))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "10.0.0.1", "100.100.1.1", "127.0.0.1", "169.254.169.254", "172.31.255.255",
			"192.0.0.8", "192.0.2.1", "192.168.0.1", "198.18.0.1", "198.51.100.7", "203.0.113.9", "224.0.0.251",
			"240.0.0.1", "255.255.255.255", "::", "::1", "::127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1",
			"64:ff9b:1::808:808", "2002:c0a8:101::1", "2001::1", "2001:db8::1", "fc00::1", "fd12:3456::1", "fe80::1",
			"fec0::1", "ff02::1", "100::1" })
	void otherAddressesAreNot(String address) throws IOException {
		assertThat(PublicAddress.isPublic(InetAddress.getByName(address))).isFalse();
	}

	private DeliveryOutcome post() {
		return this.client.post(
				WebhookTarget.of("http://127.0.0.1:" + this.server.getLocalPort() + "/hook", PROPERTIES),
				"{}".getBytes(StandardCharsets.UTF_8), Map.of("Customer-Graph-Event-Id", "RXZlbnQ6MQ"));
	}

	/**
	 * Answers the next connection as {@code receiver} does once it has read the request,
	 * on a thread of its own.
	 */
	private void serve(Receiver receiver) {
		Thread thread = new Thread(() -> {
			try (Socket socket = this.server.accept()) {
				StringBuilder request = new StringBuilder();
				int read = 0;
				while (read >= 0 && !request.toString().endsWith("\r\n\r\n{}")) {
					read = socket.getInputStream().read();
					request.append((char) read);
				}
				receiver.handle(socket);
			}
			catch (Exception ex) {
				// the client hung up, as it should
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	@FunctionalInterface
	private interface Receiver {

		void handle(Socket socket) throws Exception;

	}

}
