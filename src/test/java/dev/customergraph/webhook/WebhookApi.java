package dev.customergraph.webhook;

import java.util.List;
import java.util.Map;

import dev.customergraph.mutation.Mutations;
import dev.customergraph.tenancy.TestTenants.TestTenant;

/** Webhook endpoints through the HTTP API, for the webhook tests. */
final class WebhookApi {

	private WebhookApi() {
	}

	static Map<String, Object> create(TestTenant tenant, Map<String, ?> input) {
		return Mutations.run(tenant, "webhooks#CreateEndpoint", "createWebhookEndpoint", input);
	}

	static Map<String, Object> update(TestTenant tenant, Map<String, ?> input) {
		return Mutations.run(tenant, "webhooks#UpdateEndpoint", "updateWebhookEndpoint", input);
	}

	static Map<String, Object> delete(TestTenant tenant, String id) {
		return Mutations.run(tenant, "webhooks#DeleteEndpoint", "deleteWebhookEndpoint", Map.of("id", id));
	}

	/** The tenant's endpoints, each with its deliveries, newest event first. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> endpoints(TestTenant tenant) {
		return tenant.graphQl()
			.documentName("webhooks")
			.operationName("Endpoints")
			.execute()
			.path("webhookEndpoints.nodes")
			.entityList(Map.class)
			.get()
			.stream()
			.map((endpoint) -> (Map<String, Object>) endpoint)
			.toList();
	}

	/** The deliveries of the tenant's one endpoint, newest event first. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> deliveries(TestTenant tenant) {
		Map<String, Object> deliveries = (Map<String, Object>) endpoints(tenant).get(0).get("deliveries");
		return (List<Map<String, Object>>) deliveries.get("nodes");
	}

}
