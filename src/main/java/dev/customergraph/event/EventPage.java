package dev.customergraph.event;

import java.util.List;

import dev.customergraph.graph.Edge;

/**
 * A page of the {@code events} feed. Unlike other connections its end cursor is where the
 * page stopped looking, which a filtered page may put past its last event (or give with
 * no event at all), so a consumer skips what the filter left out only once.
 */
record EventPage(List<Edge<Event>> edges, EventPageInfo pageInfo) {

	public List<Event> nodes() {
		return this.edges.stream().map(Edge::node).toList();
	}

}
