package dev.customergraph.edge;

import dev.customergraph.tenancy.Authenticator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * GraphQL over WebSocket ({@code graphql-transport-ws}), which Spring Boot serves at
 * {@code spring.graphql.websocket.path}, set to the GraphQL path: its authentication and
 * the bounds of its connections, at most
 * {@code gateway.subscriptions.max-connections-per-key} (16) per key and instance. Tomcat
 * gives each connection a buffer of the largest message it accepts, so that is kept small
 * ({@code gateway.subscriptions.max-message-size}, 16 KB); a larger message closes the
 * connection (1009). The protocol sends no binary messages.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class GraphQlWebSocket {

	private static final int BINARY_MESSAGE_BUFFER = 1024;

	@Bean
	WebSocketAuthentication webSocketAuthentication(Authenticator authenticator,
			@Value("${gateway.subscriptions.max-connections-per-key:16}") int maxConnectionsPerKey) {
		return new WebSocketAuthentication(authenticator, maxConnectionsPerKey);
	}

	@Bean
	ServletServerContainerFactoryBean webSocketContainer(
			@Value("${gateway.subscriptions.max-message-size:16KB}") DataSize maxMessageSize) {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(Math.toIntExact(maxMessageSize.toBytes()));
		container.setMaxBinaryMessageBufferSize(BINARY_MESSAGE_BUFFER);
		return container;
	}

}
