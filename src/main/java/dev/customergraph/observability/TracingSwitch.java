package dev.customergraph.observability;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * No tracer while traces are not exported ({@code management.tracing.export.enabled}, off
 * by default). Spring Boot's switch only stops the exporters: OpenTelemetry's tracer
 * still started, scoped, tagged and ended a span for every request and DataLoader batch,
 * and its handlers wrapped every timer, about a tenth of a point lookup's CPU for traces
 * nobody receives. So unless export is enabled, the tracing auto-configurations join
 * {@code spring.autoconfigure.exclude}, with whatever it already lists.
 */
class TracingSwitch implements EnvironmentPostProcessor {

	private static final String EXCLUDE = "spring.autoconfigure.exclude";

	private static final List<String> TRACING = List.of(
			"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
			"org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Binder binder = Binder.get(environment);
		if (binder.bind("management.tracing.export.enabled", Boolean.class).orElse(true)) {
			return;
		}
		Set<String> excluded = new LinkedHashSet<>(
				binder.bind(EXCLUDE, String[].class).map(List::of).orElse(List.of()));
		excluded.addAll(TRACING);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("tracingSwitch", Map.of(EXCLUDE, String.join(",", excluded))));
	}

}
