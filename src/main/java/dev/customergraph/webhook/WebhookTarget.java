package dev.customergraph.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where a webhook URL points, checked: {@code https} (or {@code http} to loopback when
 * {@code gateway.webhooks.allow-http-loopback} is on), no credentials or fragment, and a
 * host whose every address is public (unless
 * {@code gateway.webhooks.allow-private-networks}). A delivery connects to one of the
 * checked {@code addresses}, never to the name again, so a DNS answer that changes
 * between the check and the connection cannot send it elsewhere; it checks again at every
 * delivery, since the name may resolve elsewhere by then.
 *
 * @param uri the URL as given
 * @param host the host name, or the literal address without brackets
 * @param port the port, the scheme's default when the URL names none
 * @param addresses the host's addresses, all allowed
 */
record WebhookTarget(URI uri, boolean https, String host, int port, List<InetAddress> addresses) {

	static final int MAX_URL_LENGTH = 2048;

	private static final String NOT_PUBLIC = "The URL's host must resolve to public internet addresses only, "
			+ "not to private, loopback, link-local, multicast or reserved ones.";

	/**
	 * Checks a URL and resolves its host.
	 * @throws RefusedUrl with a message for the client when the URL is not allowed
	 */
	static WebhookTarget of(String url, WebhookProperties properties) {
		if (url.length() > MAX_URL_LENGTH) {
			throw new RefusedUrl("The URL may have at most " + MAX_URL_LENGTH + " characters.");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw new RefusedUrl("The URL is not a valid absolute URL.");
		}
		// Any non-ASCII character of the path or query percent-encoded, as a request line
		// needs.
		uri = URI.create(uri.toASCIIString());
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new RefusedUrl("The URL must use https.");
		}
		boolean https = scheme.equals("https");
		if (!https && !properties.allowHttpLoopback()) {
			throw new RefusedUrl("The URL must use https.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedUrl("The URL must not contain a user name or password.");
		}
		if (uri.getRawFragment() != null) {
			throw new RefusedUrl("The URL must not have a fragment (#…).");
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			throw new RefusedUrl("The URL must name a host.");
		}
		host = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		int port = (uri.getPort() != -1) ? uri.getPort() : (https ? 443 : 80);
		List<InetAddress> addresses = resolve(host);
		boolean allowed = https
				? properties.allowPrivateNetworks() || addresses.stream().allMatch(PublicAddress::isPublic)
				: addresses.stream().allMatch(PublicAddress::isLoopback);
		if (!allowed) {
			throw new RefusedUrl(https ? NOT_PUBLIC : "An http URL must point at a loopback address; use https.");
		}
		return new WebhookTarget(uri, https, host, port, addresses);
	}

	/**
	 * The request line's target: the path (at least {@code /}) and the query, as the URL
	 * spells them.
	 */
	String pathAndQuery() {
		String path = (this.uri.getRawPath() == null || this.uri.getRawPath().isEmpty()) ? "/" : this.uri.getRawPath();
		return (this.uri.getRawQuery() != null) ? path + "?" + this.uri.getRawQuery() : path;
	}

	/** The Host header's value. */
	String hostHeader() {
		String name = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		boolean defaultPort = this.port == (this.https ? 443 : 80);
		return defaultPort ? name : name + ":" + this.port;
	}

	private static List<InetAddress> resolve(String host) {
		try {
			return List.of(InetAddress.getAllByName(host));
		}
		catch (UnknownHostException | SecurityException ex) {
			// Said the same way as a private address, so the API tells nobody which
			// internal names exist.
			throw new RefusedUrl(NOT_PUBLIC);
		}
	}

	/** A URL the rules refuse, with the reason for the client. */
	static final class RefusedUrl extends RuntimeException {

		RefusedUrl(String message) {
			super(message, null, false, false);
		}

	}

}
