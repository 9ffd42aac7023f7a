package dev.customergraph.observability;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the access log records of one request beyond its HTTP status: its id, and the
 * GraphQL operation name and requested cost once the endpoint knows them; and the id of
 * its API key, for the change events it causes. Held as a request attribute by
 * {@link AccessLogFilter}.
 */
public final class RequestLog {

	private static final String ATTRIBUTE = RequestLog.class.getName();

	private final String requestId;

	private final long startNanos = System.nanoTime();

	private volatile @Nullable String operationName;

	private volatile @Nullable Integer cost;

	private volatile @Nullable Long apiKeyId;

	private RequestLog(String requestId) {
		this.requestId = requestId;
	}

	static RequestLog start(HttpServletRequest request, String requestId) {
		RequestLog log = new RequestLog(requestId);
		request.setAttribute(ATTRIBUTE, log);
		return log;
	}

	/** The log of the current request, which {@link AccessLogFilter} started. */
	public static RequestLog of(HttpServletRequest request) {
		return (RequestLog) request.getAttribute(ATTRIBUTE);
	}

	/**
	 * The id quoted in the access log, the {@code X-Request-Id} header and internal
	 * errors.
	 */
	public String requestId() {
		return this.requestId;
	}

	public void operationName(@Nullable String operationName) {
		this.operationName = operationName;
	}

	public void cost(int cost) {
		this.cost = cost;
	}

	/**
	 * The row id of the API key that authenticated the request, once known: change events
	 * record it; the log line does not.
	 */
	public void apiKeyId(long apiKeyId) {
		this.apiKeyId = apiKeyId;
	}

	public @Nullable Long apiKeyId() {
		return this.apiKeyId;
	}

	/**
	 * The access log line: logfmt, with nothing a client sent except the operation name.
	 */
	String line(String method, int status) {
		long millis = (System.nanoTime() - this.startNanos) / 1_000_000;
		return "method=" + method + " status=" + status + " durationMs=" + millis + " operation="
				+ ((this.operationName != null) ? quoted(this.operationName) : "-") + " cost="
				+ ((this.cost != null) ? this.cost : "-") + " requestId=" + this.requestId;
	}

	/**
	 * Operation names are GraphQL names, but the value comes from the client: keep the
	 * line parseable.
	 */
	private static String quoted(String name) {
		return OperationNames.isName(name) ? name : "\"" + OperationNames.INVALID + "\"";
	}

}
