package dev.customergraph.webhook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.customergraph.graph.Connection;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.NodeType;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.graph.TotalCount;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Webhook endpoints in the graph: {@code webhookEndpoints}, endpoints as nodes, and each
 * endpoint's {@code deliveries}, one windowed statement for all the endpoints of a page.
 */
@Controller
class WebhookController {

	private static final String DELIVERIES_OF_ENDPOINT = "deliveriesOfEndpoint";

	private static final Keyset<WebhookEndpoint> OLDEST_FIRST = Keyset.byId("webhookEndpoints", "w.id", false,
			WebhookEndpoint::key);

	private static final Keyset<WebhookDelivery> NEWEST_EVENT_FIRST = Keyset.byId("webhookDeliveries", "d.event_seq",
			true, WebhookDelivery::eventSeq);

	/** WebhookDeliveryConnection has no totalCount field, so nothing ever asks. */
	private static final TotalCount NO_TOTAL_COUNT = () -> CompletableFuture
		.failedFuture(new UnsupportedOperationException("WebhookDeliveryConnection has no totalCount"));

	private final WebhookRepository repository;

	private final QueryLimits limits;

	WebhookController(BatchLoaderRegistry registry, WebhookRepository repository, QueryLimits limits) {
		this.repository = repository;
		this.limits = limits;
		registry.forTypePair(Long.class, WebhookEndpoint.class)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> repository.findByKeys(Caller.of(environment).partition(), keys)));
		registry.<EndpointPage, List<WebhookDelivery>>forName(DELIVERIES_OF_ENDPOINT)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> loadPages(Caller.of(environment).partition(), keys)));
	}

	@Bean
	static NodeType webhookEndpointNode() {
		return new NodeType(WebhookEndpoint.TYPE, WebhookEndpoint.class);
	}

	@QueryMapping
	Connection<WebhookEndpoint> webhookEndpoints(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue Caller caller) {
		PageRequest page = this.limits.page(first, after, last, before);
		List<WebhookEndpoint> rows = this.repository.findPage(caller.partition(), OLDEST_FIRST, page);
		return OLDEST_FIRST.connection(rows, page, caller.partition(),
				TotalCount.of(() -> this.repository.count(caller.partition())));
	}

	@SchemaMapping(typeName = WebhookEndpoint.TYPE)
	CompletableFuture<Connection<WebhookDelivery>> deliveries(WebhookEndpoint endpoint,
			@Argument @Nullable Integer first, @Argument @Nullable String after, @ContextValue Caller caller,
			DataLoader<EndpointPage, List<WebhookDelivery>> deliveriesOfEndpoint) {
		PageRequest page = this.limits.page(first, after, null, null);
		return deliveriesOfEndpoint.load(new EndpointPage(endpoint.key(), page))
			.thenApply((rows) -> NEWEST_EVENT_FIRST.connection((rows != null) ? rows : List.of(), page,
					caller.partition(), NO_TOTAL_COUNT));
	}

	/** One statement per distinct page of the batch (usually one). */
	private Map<EndpointPage, List<WebhookDelivery>> loadPages(Partition partition, Set<EndpointPage> keys) {
		Map<EndpointPage, List<WebhookDelivery>> pages = new HashMap<>();
		keys.stream().collect(Collectors.groupingBy(EndpointPage::page)).forEach((page, reads) -> {
			Map<Long, List<WebhookDelivery>> rows = this.repository.findDeliveryPages(partition,
					reads.stream().map(EndpointPage::endpointKey).distinct().toList(), NEWEST_EVENT_FIRST, page);
			reads.forEach((read) -> pages.put(read, rows.getOrDefault(read.endpointKey(), List.of())));
		});
		return pages;
	}

	/** The key of one endpoint's page of deliveries. */
	record EndpointPage(long endpointKey, PageRequest page) {
	}

}
