package dev.customergraph.event;

import dev.customergraph.observability.RequestLog;
import org.jspecify.annotations.Nullable;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who caused an event: the id of the API key (never the key) and the id of the request,
 * as the access log and the {@code X-Request-Id} header show it. Both are null for a
 * change made outside a GraphQL request.
 */
record EventOrigin(@Nullable Long apiKeyId, @Nullable String requestId) {

	private static final EventOrigin NONE = new EventOrigin(null, null);

	/** The origin of the current request, read from the thread serving it. */
	static EventOrigin current() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return NONE;
		}
		@Nullable RequestLog log = RequestLog.of(attributes.getRequest());
		return (log != null) ? new EventOrigin(log.apiKeyId(), log.requestId()) : NONE;
	}

}
