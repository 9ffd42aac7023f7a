package dev.customergraph.graphiql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import dev.customergraph.dataset.DemoData;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * GraphiQL at {@code /graphiql}, in place of Spring's page (which loads GraphiQL from a
 * CDN): its scripts come from webjars, it opens with an example query, and on the
 * embedded default with the demo tenant's key in its headers, so the first query just
 * runs.
 */
@Controller
@ConditionalOnProperty(name = "gateway.graphiql.enabled", havingValue = "true", matchIfMissing = true)
class GraphiqlController {

	private static final String KEY_PLACEHOLDER = "<your API key>";

	private final String page;

	private final String exampleQuery;

	private final ObjectProvider<DemoData> demo;

	private final JsonMapper json;

	GraphiqlController(ObjectProvider<DemoData> demo, JsonMapper json) throws IOException {
		this.page = new ClassPathResource("graphiql/graphiql.html").getContentAsString(StandardCharsets.UTF_8);
		this.exampleQuery = new ClassPathResource("graphiql/example.graphql")
			.getContentAsString(StandardCharsets.UTF_8);
		this.demo = demo;
		this.json = json;
	}

	@GetMapping(path = "/graphiql", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String graphiql() throws IOException {
		DemoData demoData = this.demo.getIfAvailable();
		Optional<String> key = (demoData != null) ? demoData.key() : Optional.empty();
		String headers = this.json.writerWithDefaultPrettyPrinter()
			.writeValueAsString(Map.of("Authorization", "Bearer " + key.orElse(KEY_PLACEHOLDER)));
		String settings = this.json
			.writeValueAsString(Map.of("endpoint", "/graphql", "query", this.exampleQuery, "headers", headers));
		// Inside a <script> element, "</" would end it early; JSON allows "<\/" instead.
		return this.page.replace("{{settings}}", settings.replace("</", "<\\/"));
	}

}
