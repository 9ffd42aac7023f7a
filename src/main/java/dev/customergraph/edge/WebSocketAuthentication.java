package dev.customergraph.edge;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import dev.customergraph.tenancy.Authenticator;
import dev.customergraph.tenancy.Caller;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;

/**
 * The API key of a GraphQL WebSocket connection ({@code graphql-transport-ws}, at the
 * GraphQL path): taken from {@code connection_init}'s payload ({@code Authorization}, in
 * any letter case, as Apollo's and urql's links send their {@code connectionParams}), or
 * else from the upgrade request's {@code Authorization} header. A connection without a
 * valid key is closed with 4401 before its {@code connection_ack}, and Spring closes one
 * that subscribes before that. Each operation on the connection authenticates the key
 * again (a map lookup), so a key revoked meanwhile starts nothing new, and runs with the
 * caller in its GraphQL context and the session under {@code WebSocketSessionInfo.class},
 * where {@link OperationAccess} decides on it as on an HTTP request.
 */
class WebSocketAuthentication implements WebSocketGraphQlInterceptor {

	private static final String AUTHORIZATION = WebSocketAuthentication.class.getName() + ".authorization";

	private static final String CONNECTION = WebSocketAuthentication.class.getName() + ".connection";

	private final Authenticator authenticator;

	private final int maxConnectionsPerKey;

	/**
	 * The connections each key has open, by key id: known, authenticated ids, so the map
	 * stays as small as the key table.
	 */
	private final Map<Long, Semaphore> connections = new ConcurrentHashMap<>();

	WebSocketAuthentication(Authenticator authenticator, int maxConnectionsPerKey) {
		this.authenticator = authenticator;
		this.maxConnectionsPerKey = maxConnectionsPerKey;
	}

	/**
	 * Lets the connection in with a valid key that has fewer than
	 * {@code max-connections-per-key} connections open here: each holds a thread and
	 * buffers of its own, whether it subscribes or not. Over the cap it is refused as
	 * without a key, since Spring closes every refused connection with 4401.
	 */
	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		String authorization = authorization(payload);
		if (authorization == null) {
			authorization = session.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		}
		Optional<Caller> caller = authenticate(authorization);
		if (caller.isEmpty()) {
			return Mono.error(Refusal::unauthenticated);
		}
		Semaphore open = this.connections.computeIfAbsent(caller.get().keyId(),
				(key) -> new Semaphore(this.maxConnectionsPerKey));
		if (!open.tryAcquire()) {
			return Mono.error(Refusal::unauthenticated);
		}
		session.getAttributes().put(CONNECTION, open);
		session.getAttributes().put(AUTHORIZATION, authorization);
		return Mono.empty();
	}

	@Override
	public void handleConnectionClosed(WebSocketSessionInfo session, int statusCode, Map<String, Object> payload) {
		if (session.getAttributes().remove(CONNECTION) instanceof Semaphore open) {
			open.release();
		}
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest webSocket) {
			WebSocketSessionInfo session = webSocket.getSessionInfo();
			Optional<Caller> caller = authenticate((String) session.getAttributes().get(AUTHORIZATION));
			request.configureExecutionInput((input, builder) -> builder.graphQLContext((context) -> {
				caller.ifPresent((authenticated) -> context.put(Caller.CONTEXT_KEY, authenticated));
				context.put(WebSocketSessionInfo.class, session);
			}).build());
		}
		return chain.next(request);
	}

	/** A key the database cannot be asked about is no key: the connection is refused. */
	private Optional<Caller> authenticate(@Nullable String authorization) {
		try {
			return this.authenticator.authenticate(authorization);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The payload's {@code Authorization} entry, whatever its letter case
	 * ({@code authorization} is common); nothing when it is not a string.
	 */
	private static @Nullable String authorization(Map<String, Object> payload) {
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(entry.getKey())
					&& entry.getValue() instanceof String value) {
				return value;
			}
		}
		return null;
	}

}
