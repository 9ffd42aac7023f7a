package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.customergraph.GatewayTest;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relay pagination over keyset cursors: full walks both ways, in every ordering, also
 * under writes.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerPaginationTests {

	static final int CUSTOMERS = 300;

	@Autowired
	TestTenants tenants;

	@Autowired
	JdbcClient jdbc;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		this.tenant = this.tenants.seeded(CUSTOMERS);
	}

	@ParameterizedTest
	@CsvSource({ "CREATED_AT, ASC, 7", "CREATED_AT, DESC, 13", "UPDATED_AT, ASC, 11", "UPDATED_AT, DESC, 7",
			"EMAIL, ASC, 13", "EMAIL, DESC, 9", "LAST_NAME, ASC, 7", "LAST_NAME, DESC, 17", "ID, ASC, 23",
			"ID, DESC, 7" })
	void walksEveryOrderingForwardAndBackwardWithoutGapsOrRepeats(String field, String direction, int pageSize) {
		Map<String, Object> orderBy = Map.of("field", field, "direction", direction);
		List<Row> forward = walk(orderBy, pageSize, false, null);
		List<Row> backward = walk(orderBy, pageSize, true, null);

		assertThat(forward).hasSize(CUSTOMERS).doesNotHaveDuplicates();
		assertThat(forward.stream().map((row) -> keyOf(row.id())).toList())
			.containsExactlyElementsOf(expectedOrder(field, direction));
		List<Row> reversed = new ArrayList<>(backward);
		Collections.reverse(reversed);
		assertThat(reversed).containsExactlyElementsOf(forward);
	}

	@Test
	void defaultOrderIsNewestFirstAndFilteredWalksKeepTheFilter() {
		List<Row> business = walk(Map.of("field", "CREATED_AT", "direction", "DESC"), 4, false,
				Map.of("type", "BUSINESS"));
		assertThat(business).hasSize(CUSTOMERS / 10);
		Page first = page(Map.of("first", 3));
		assertThat(first.edges().get(0).node().email()).isEqualTo("uma.smith.300@example.test");
		assertThat(first.totalCount()).isEqualTo(CUSTOMERS);
	}

	@Test
	void pageInfoFollowsTheRelaySpecification() {
		Page first = page(Map.of("first", 5));
		assertThat(first.pageInfo().hasNextPage()).isTrue();
		assertThat(first.pageInfo().hasPreviousPage()).isFalse();
		assertThat(first.pageInfo().startCursor()).isEqualTo(first.edges().get(0).cursor());
		assertThat(first.pageInfo().endCursor()).isEqualTo(first.edges().get(4).cursor());

		Page second = page(Map.of("first", 5, "after", first.pageInfo().endCursor()));
		assertThat(second.pageInfo().hasPreviousPage()).isTrue();

		Page back = page(Map.of("last", 5, "before", second.pageInfo().startCursor()));
		assertThat(back.edges()).containsExactlyElementsOf(first.edges());
		assertThat(back.pageInfo().hasPreviousPage()).isFalse();
		assertThat(back.pageInfo().hasNextPage()).isTrue();

		Page between = page(
				Map.of("first", 100, "after", first.edges().get(0).cursor(), "before", second.edges().get(0).cursor()));
		assertThat(between.edges()).containsExactlyElementsOf(first.edges().subList(1, 5));

		Page empty = page(Map.of("first", 0));
		assertThat(empty.edges()).isEmpty();
		assertThat(empty.pageInfo().hasNextPage()).isTrue();
		assertThat(empty.pageInfo().startCursor()).isNull();
		assertThat(page(Map.of()).edges()).hasSize(10);
	}

	@Test
	void aWalkDuringInsertsAndDeletesNeitherSkipsNorRepeatsUntouchedRows() throws Exception {
		TestTenant busy = this.tenants.seeded(200);
		Set<Long> untouched = new HashSet<>(CustomerFixtures.keys(this.jdbc, busy.partition()));
		List<Long> doomed = untouched.stream().sorted().filter((key) -> key % 5 == 0).toList();
		doomed.forEach(untouched::remove);

		AtomicBoolean walking = new AtomicBoolean(true);
		AtomicInteger written = new AtomicInteger();
		Thread writer = new Thread(() -> {
			int n = 0;
			while (walking.get() && n < 2_000) {
				n++;
				// New rows land everywhere in the order: before, inside and after the
				// walk's position.
				CustomerFixtures.customer("churn" + n + "@example.test")
					.named("Churn", "Row")
					.createdAt(LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds((n * 37L) % 260))
					.insert(this.jdbc, busy.partition());
				if (n <= doomed.size()) {
					CustomerFixtures.delete(this.jdbc, busy.partition(), doomed.get(n - 1));
				}
				written.incrementAndGet();
			}
		});
		writer.start();
		List<Row> seen;
		try {
			seen = walk(busy, Map.of("field", "CREATED_AT", "direction", "ASC"), 7, false, null);
		}
		finally {
			walking.set(false);
			writer.join();
		}
		assertThat(written.get()).as("rows written during the walk").isPositive();
		List<Long> seenKeys = seen.stream().map((row) -> keyOf(row.id())).toList();
		assertThat(seenKeys).doesNotHaveDuplicates();
		assertThat(seenKeys).containsAll(untouched);
	}

	private static long keyOf(String id) {
		return GlobalId.keyOf(id, Customer.TYPE);
	}

	/**
	 * The order the database's collation defines (UCA puts '@' before digits, unlike
	 * String.compareTo), straight from SQL: the walk must reproduce it page by page.
	 */
	private List<Long> expectedOrder(String field, String direction) {
		String column = switch (field) {
			case "CREATED_AT" -> "created_at";
			case "UPDATED_AT" -> "updated_at";
			case "EMAIL" -> "email";
			case "LAST_NAME" -> "last_name";
			default -> "id";
		};
		String dir = direction.equals("DESC") ? " DESC" : " ASC";
		return this.jdbc
			.sql("SELECT id FROM customer WHERE tenant_id = :t AND livemode = FALSE ORDER BY " + column + dir + ", id"
					+ dir)
			.param("t", this.tenant.partition().tenantId())
			.query(Long.class)
			.list();
	}

	private List<Row> walk(Map<String, Object> orderBy, int pageSize, boolean backward, Map<String, Object> filter) {
		return walk(this.tenant, orderBy, pageSize, backward, filter);
	}

	private List<Row> walk(TestTenant tenant, Map<String, Object> orderBy, int pageSize, boolean backward,
			Map<String, Object> filter) {
		List<Row> rows = new ArrayList<>();
		String cursor = null;
		for (int pages = 0; pages < 1_000; pages++) {
			var request = tenant.graphQl()
				.documentName("customersPage")
				.variable("orderBy", orderBy)
				.variable(backward ? "last" : "first", pageSize)
				.variable(backward ? "before" : "after", cursor);
			if (filter != null) {
				request = request.variable("filter", filter);
			}
			Page page = request.execute().path("customers").entity(Page.class).get();
			List<Row> pageRows = page.edges().stream().map(Edge::node).toList();
			if (backward) {
				List<Row> reversed = new ArrayList<>(pageRows);
				Collections.reverse(reversed);
				rows.addAll(reversed);
			}
			else {
				rows.addAll(pageRows);
			}
			boolean more = backward ? page.pageInfo().hasPreviousPage() : page.pageInfo().hasNextPage();
			if (!more) {
				return rows;
			}
			cursor = backward ? page.pageInfo().startCursor() : page.pageInfo().endCursor();
		}
		throw new AssertionError("the walk did not end");
	}

	private Page page(Map<String, Object> variables) {
		var request = this.tenant.graphQl().documentName("customersPage");
		for (var variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute().path("customers").entity(Page.class).get();
	}

	record Page(int totalCount, PageInfo pageInfo, List<Edge> edges) {
	}

	record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	record Edge(String cursor, Row node) {
	}

	record Row(String id, String email, String firstName, String lastName, String createdAt, String updatedAt) {
	}

}
