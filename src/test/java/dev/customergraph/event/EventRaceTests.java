package dev.customergraph.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.mutation.Mutations;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.input;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers, racing on a few customers, while a consumer polls the feed with its last
 * cursor: it must read the partition's events 1..N exactly once each, in order, never n +
 * 1 before n. The subclasses spread writers and polls over several gateway instances.
 */
@GatewayTest
class EventRaceTests {

	private static final int WRITERS = 24;

	private static final int MUTATIONS_PER_WRITER = 5;

	@Autowired
	TestTenants tenants;

	@Test
	void aPollingConsumerSeesEveryEventOnceInCommitOrderUnderParallelWriters() throws Exception {
		TestTenant tenant = this.tenants.create();
		List<TestTenant> instances = instances(tenant);
		List<String> shared = IntStream.range(0, 4)
			.mapToObj((i) -> CustomerApi.create(tenant, "shared" + i + "@example.com"))
			.toList();
		int expected = shared.size() + WRITERS * MUTATIONS_PER_WRITER;
		CompletableFuture<List<Long>> consumer = CompletableFuture.supplyAsync(() -> consume(instances, expected));
		Mutations.atOnce(WRITERS, (writer) -> {
			TestTenant client = instances.get(writer % instances.size());
			for (int i = 0; i < MUTATIONS_PER_WRITER; i++) {
				if (i % 2 == 0) {
					// Every writer updates the same few customers: they queue on the row
					// locks.
					Mutations.runAsClient(client, "customers#UpdateCustomer", "updateCustomer",
							input("id", shared.get((writer + i) % shared.size()), "lastName", "w" + writer + "-" + i));
				}
				else {
					Mutations.runAsClient(client, "customers#CreateCustomer", "createCustomer",
							input("email", "w" + writer + "-" + i + "@example.com"));
				}
			}
			return null;
		});
		List<Long> seen = consumer.get(120, TimeUnit.SECONDS);
		assertThat(seen).containsExactlyElementsOf(IntStream.rangeClosed(1, expected).mapToObj(Long::valueOf).toList());
	}

	/**
	 * The tenant's key on each gateway instance the writers and polls are spread over.
	 */
	List<TestTenant> instances(TestTenant tenant) {
		return List.of(tenant);
	}

	/**
	 * Polls with the last stored cursor, alternating instances, until it has read
	 * {@code expected} events; checks each page starts right after the last event read.
	 */
	private static List<Long> consume(List<TestTenant> instances, int expected) {
		List<Long> seen = new ArrayList<>();
		@Nullable String cursor = null;
		for (int poll = 0; seen.size() < expected && poll < 20_000; poll++) {
			EventFeed.Page page = EventFeed.page(instances.get(poll % instances.size()), 7, cursor, null);
			for (Map<String, Object> event : page.events()) {
				long seq = EventFeed.seq(event);
				assertThat(seq).as("the event after %s", seen).isEqualTo(seen.size() + 1L);
				seen.add(seq);
			}
			cursor = (page.endCursor() != null) ? page.endCursor() : cursor;
			if (page.events().isEmpty()) {
				pause();
			}
		}
		return seen;
	}

	/** Caught up: a consumer polls again a moment later. */
	private static void pause() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
