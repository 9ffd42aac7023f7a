package dev.customergraph.edge;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.customergraph.graph.ErrorCode;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat answers a few requests itself, before any filter or servlet runs: a request line
 * or headers over its size limit (a GET query longer than about 8 KB), a request it
 * cannot parse. This valve writes those answers as GraphQL error bodies with a code, not
 * as HTML pages. Tomcat creates it by class name, hence public.
 */
public class ContainerErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean();
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ErrorCode code = switch (status) {
			case 413, 414, 431 -> ErrorCode.REQUEST_TOO_LARGE;
			default -> (status >= 500) ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
		};
		// No filter ran, so the request has no id yet: it gets one here.
		String requestId = UUID.randomUUID().toString();
		String body = "{\"errors\":[{\"message\":\"The server could not read this HTTP request (status " + status
				+ "). GET requests must fit in 8 KB: send longer documents with POST.\",\"extensions\":{\"code\":\""
				+ code + "\",\"requestId\":\"" + requestId + "\"}}]}";
		try {
			response.setHeader("X-Request-Id", requestId);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client has gone or the response is closed: there is no one left to
			// answer.
		}
	}

}
