package dev.customergraph.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;

/**
 * Reads a tenant's events feed as a consumer does: a page after its stored cursor, or
 * every page to the end.
 */
final class EventFeed {

	private EventFeed() {
	}

	/** One page: its events' fields, and its pageInfo. */
	@SuppressWarnings("unchecked")
	static Page page(TestTenant tenant, int first, @Nullable String after, @Nullable Map<String, ?> filter) {
		Map<String, Object> connection = tenant.graphQl()
			.documentName("events")
			.operationName("Events")
			.variable("first", first)
			.variable("after", after)
			.variable("filter", filter)
			.execute()
			.path("events")
			.entity(Map.class)
			.get();
		List<Map<String, Object>> edges = (List<Map<String, Object>>) connection.get("edges");
		return new Page(edges.stream().map((edge) -> (Map<String, Object>) edge.get("node")).toList(),
				(Map<String, Object>) connection.get("pageInfo"));
	}

	/**
	 * Every event from the start, walked with the end cursors of pages of {@code first}.
	 */
	static List<Map<String, Object>> all(TestTenant tenant, int first, @Nullable Map<String, ?> filter) {
		List<Map<String, Object>> events = new ArrayList<>();
		String after = null;
		Page page;
		do {
			page = page(tenant, first, after, filter);
			events.addAll(page.events());
			after = (page.endCursor() != null) ? page.endCursor() : after;
		}
		while (page.hasNextPage());
		return events;
	}

	static List<Map<String, Object>> all(TestTenant tenant) {
		return all(tenant, 100, null);
	}

	/** An event's number in its partition, from its id. */
	static long seq(Map<String, Object> event) {
		return GlobalId.decode((String) event.get("id")).key();
	}

	record Page(List<Map<String, Object>> events, Map<String, Object> pageInfo) {

		@Nullable String endCursor() {
			return (String) this.pageInfo.get("endCursor");
		}

		boolean hasNextPage() {
			return (Boolean) this.pageInfo.get("hasNextPage");
		}

	}

}
