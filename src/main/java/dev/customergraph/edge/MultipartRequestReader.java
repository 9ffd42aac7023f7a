package dev.customergraph.edge;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.graph.ErrorCode;
import dev.customergraph.graph.Upload;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Reads a GraphQL multipart request (the GraphQL multipart request specification, which
 * Apollo's and urql's upload links send): an {@code operations} field with the request's
 * JSON, a {@code map} field naming, for each file part, the {@code null}s in the
 * variables it stands for, and the files. The result is the same request map a JSON body
 * gives, with an {@link Upload} in each named place, so the document, its limits, the
 * caller's scope and budgets are held to exactly what a JSON request is held to.
 * <p>
 * A browser sends {@code multipart/form-data} across origins without a preflight, so a
 * request must carry a header no plain form can set ({@code Apollo-Require-Preflight} or
 * {@code X-Apollo-Operation-Name}, as Apollo Server asks), checked before the body is
 * read. The web server parses the parts within {@code spring.servlet.multipart.*} (a
 * file, the whole request) and {@code server.tomcat.max-part-count}, writing large parts
 * to disk rather than memory; {@code operations} and {@code map} are each held to
 * {@code gateway.limits.max-body-size}.
 */
class MultipartRequestReader {

	private static final List<String> PREFLIGHT_HEADERS = List.of("Apollo-Require-Preflight",
			"X-Apollo-Operation-Name");

	private static final String VARIABLES = "variables";

	private final GraphQlRequestReader json;

	private final long maxFieldSize;

	private final String limits;

	MultipartRequestReader(GraphQlRequestReader json, DataSize maxFieldSize, DataSize maxFileSize,
			DataSize maxRequestSize) {
		this.json = json;
		this.maxFieldSize = maxFieldSize.toBytes();
		this.limits = "each file at most " + maxFileSize.toBytes() + " bytes and the whole request at most "
				+ maxRequestSize.toBytes() + " bytes";
	}

	/** Whether the request is a POST of {@code multipart/form-data}. */
	static boolean isMultipart(ServerRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			return false;
		}
		try {
			return request.headers()
				.contentType()
				.filter(MediaType.MULTIPART_FORM_DATA::equalsTypeAndSubtype)
				.isPresent();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	Map<String, Object> read(ServerRequest request) throws IOException {
		boolean preflighted = PREFLIGHT_HEADERS.stream()
			.map((name) -> request.headers().firstHeader(name))
			.anyMatch((value) -> value != null && !value.isBlank());
		if (!preflighted) {
			throw Refusal.badRequest("A multipart request needs the header 'Apollo-Require-Preflight: true' (or a "
					+ "non-empty 'X-Apollo-Operation-Name'), which a cross-site form cannot send.");
		}
		Map<String, Part> parts = new LinkedHashMap<>();
		for (Part part : parts(request)) {
			if (parts.putIfAbsent(part.getName(), part) != null) {
				throw Refusal.badRequest("The multipart field '" + part.getName() + "' is sent twice.");
			}
		}
		Object operations = this.json.parseJson(field(parts.remove("operations"), "operations"), "'operations'");
		if (operations instanceof List) {
			throw Refusal.badRequest("Batching is not supported: send one operation per request.");
		}
		if (!(operations instanceof Map<?, ?> body)) {
			throw Refusal.badRequest("'operations' must be a JSON object with a 'query'.");
		}
		if (!(this.json.parseJson(field(parts.remove("map"), "map"), "'map'") instanceof Map<?, ?> map)) {
			throw Refusal.badRequest("'map' must be a JSON object of file field names to lists of paths.");
		}
		map.forEach((name, paths) -> {
			Part file = parts.remove(String.valueOf(name));
			if (file == null) {
				throw Refusal.badRequest("'map' names the file '" + name + "', which the request does not carry.");
			}
			if (!(paths instanceof List<?> list) || list.isEmpty()) {
				throw Refusal.badRequest("'map' must list, for the file '" + name + "', the paths it fills.");
			}
			Upload upload = new Upload(file.getSubmittedFileName(), file.getSize(), file::getInputStream);
			list.forEach((path) -> place(body, path, upload));
		});
		if (!parts.isEmpty()) {
			throw Refusal.badRequest("The multipart field '" + parts.keySet().iterator().next()
					+ "' is neither 'operations', 'map' " + "nor a file the map names.");
		}
		return this.json.wellFormed(body);
	}

	private Collection<Part> parts(ServerRequest request) throws IOException {
		try {
			return request.servletRequest().getParts();
		}
		catch (IllegalStateException ex) {
			// Tomcat's answer to a file, a request or a count of parts over its limits.
			throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
					"The multipart request is over its limits: " + this.limits + ", with few parts.");
		}
		catch (ServletException | IOException ex) {
			throw Refusal.badRequest("The multipart body cannot be read.");
		}
	}

	private String field(Part part, String name) throws IOException {
		if (part == null) {
			throw Refusal.badRequest("A multipart request needs the fields 'operations' and 'map' (the GraphQL "
					+ "multipart request specification); '" + name + "' is missing.");
		}
		if (part.getSize() > this.maxFieldSize) {
			throw new Refusal(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
					"'" + name + "' is larger than " + this.maxFieldSize + " bytes.");
		}
		try (InputStream in = part.getInputStream()) {
			return GraphQlRequestReader.utf8(in.readNBytes((int) this.maxFieldSize), "'" + name + "'");
		}
	}

	/**
	 * Puts the upload at a path such as {@code variables.input.photo}, where the
	 * operations must hold a {@code null}; the walk is as long as the path, whose text
	 * the map's size bounds.
	 */
	private static void place(Map<?, ?> body, Object path, Upload upload) {
		String[] steps = String.valueOf(path).split("\\.", -1);
		if (!VARIABLES.equals(steps[0]) || steps.length < 2) {
			throw badPath(path);
		}
		Object at = body;
		for (int i = 0; i < steps.length - 1; i++) {
			at = child(at, steps[i], path);
		}
		String last = steps[steps.length - 1];
		if (at instanceof Map<?, ?> object && object.containsKey(last) && object.get(last) == null) {
			@SuppressWarnings("unchecked")
			Map<String, Object> target = (Map<String, Object>) object;
			target.put(last, upload);
		}
		else if (at instanceof List<?> list && index(last, list) >= 0 && list.get(index(last, list)) == null) {
			@SuppressWarnings("unchecked")
			List<Object> target = (List<Object>) list;
			target.set(index(last, list), upload);
		}
		else {
			throw badPath(path);
		}
	}

	private static Object child(Object at, String step, Object path) {
		if (at instanceof Map<?, ?> object && object.get(step) != null) {
			return object.get(step);
		}
		if (at instanceof List<?> list && index(step, list) >= 0) {
			return list.get(index(step, list));
		}
		throw badPath(path);
	}

	/** The list index a step names, or -1 when it names none of the list's items. */
	private static int index(String step, List<?> list) {
		if (step.isEmpty() || step.length() > 9 || !step.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		int index = Integer.parseInt(step);
		return (index < list.size()) ? index : -1;
	}

	private static Refusal badPath(Object path) {
		return Refusal.badRequest("The 'map' path '" + path + "' does not name a null in the operation's variables.");
	}

}
