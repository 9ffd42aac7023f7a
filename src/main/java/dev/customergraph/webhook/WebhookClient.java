package dev.customergraph.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.springframework.stereotype.Component;

/**
 * POSTs one delivery over HTTP/1.1 to an address {@link WebhookTarget} checked, never to
 * the host name resolved again: a plain socket connected to that address, with TLS on it
 * for {@code https} (SNI and certificate checked against the URL's host). Every step is
 * bounded: the connection by the connect timeout per address (at most
 * {@value #MAX_ADDRESSES} addresses), the TLS handshake, the request and the response
 * together by the read timeout, and only the status line is read, from at most
 * {@value #MAX_RESPONSE_BYTES} bytes; the rest of the response is never read. Redirects
 * are answers like any other non-2xx status: not followed.
 */
@Component
class WebhookClient {

	static final int MAX_RESPONSE_BYTES = 4096;

	private static final int MAX_ADDRESSES = 3;

	private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})[ \\r]");

	private final int connectTimeoutMillis;

	private final long readTimeoutNanos;

	WebhookClient(WebhookProperties properties) {
		this.connectTimeoutMillis = Math.toIntExact(properties.connectTimeout().toMillis());
		this.readTimeoutNanos = properties.readTimeout().toNanos();
	}

	DeliveryOutcome post(WebhookTarget target, byte[] body, Map<String, String> headers) {
		String error = "no address";
		for (InetAddress address : target.addresses().subList(0, Math.min(MAX_ADDRESSES, target.addresses().size()))) {
			Socket socket = new Socket();
			try {
				socket.connect(new InetSocketAddress(address, target.port()), this.connectTimeoutMillis);
			}
			catch (IOException ex) {
				close(socket);
				error = (ex instanceof SocketTimeoutException) ? "connect timed out" : "connection refused or failed";
				continue;
			}
			long deadline = System.nanoTime() + this.readTimeoutNanos;
			try (Socket connected = target.https() ? tls(socket, target, deadline) : socket) {
				return exchange(connected, target, body, headers, deadline);
			}
			catch (SocketTimeoutException ex) {
				return DeliveryOutcome.failed("no response within the read timeout");
			}
			catch (SSLException ex) {
				return DeliveryOutcome.failed("TLS failed: " + ex.getMessage());
			}
			catch (IOException ex) {
				return DeliveryOutcome.failed("connection failed: " + ex.getClass().getSimpleName());
			}
		}
		return DeliveryOutcome.failed(error);
	}

	private static Socket tls(Socket socket, WebhookTarget target, long deadline) throws IOException {
		SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(socket,
				target.host(), target.port(), true);
		SSLParameters parameters = tls.getSSLParameters();
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		if (!isAddressLiteral(target)) {
			parameters.setServerNames(List.of(new SNIHostName(target.host())));
		}
		tls.setSSLParameters(parameters);
		tls.setSoTimeout(remainingMillis(deadline));
		tls.startHandshake();
		return tls;
	}

	private static DeliveryOutcome exchange(Socket socket, WebhookTarget target, byte[] body,
			Map<String, String> headers, long deadline) throws IOException {
		StringBuilder head = new StringBuilder().append("POST ")
			.append(target.pathAndQuery())
			.append(" HTTP/1.1\r\nHost: ")
			.append(target.hostHeader())
			.append("\r\nContent-Type: application/json\r\nContent-Length: ")
			.append(body.length)
			.append("\r\nConnection: close\r\nUser-Agent: Customer-Graph-Webhooks/1\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		socket.setSoTimeout(remainingMillis(deadline));
		OutputStream out = socket.getOutputStream();
		out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
		out.write(body);
		out.flush();
		InputStream in = socket.getInputStream();
		byte[] response = new byte[MAX_RESPONSE_BYTES];
		int length = 0;
		while (length < response.length && !hasLineEnd(response, length)) {
			socket.setSoTimeout(remainingMillis(deadline));
			int read = in.read(response, length, response.length - length);
			if (read < 0) {
				break;
			}
			length += read;
		}
		Matcher status = STATUS_LINE.matcher(new String(response, 0, length, StandardCharsets.ISO_8859_1));
		return status.find() ? DeliveryOutcome.answered(Integer.parseInt(status.group(1)))
				: DeliveryOutcome.failed("the response is not HTTP/1.x");
	}

	private static boolean hasLineEnd(byte[] bytes, int length) {
		for (int i = 0; i < length; i++) {
			if (bytes[i] == '\n') {
				return true;
			}
		}
		return false;
	}

	/** At least 1 ms: a socket timeout of 0 would wait forever. */
	private static int remainingMillis(long deadline) throws SocketTimeoutException {
		long left = (deadline - System.nanoTime()) / 1_000_000;
		if (left <= 0) {
			throw new SocketTimeoutException("read timeout");
		}
		return (int) Math.min(left, Integer.MAX_VALUE);
	}

	private static boolean isAddressLiteral(WebhookTarget target) {
		return target.host().contains(":") || target.host().matches("[0-9.]+");
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// nothing was sent on it
		}
	}

}
