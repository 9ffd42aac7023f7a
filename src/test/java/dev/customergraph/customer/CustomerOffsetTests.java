package dev.customergraph.customer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerPaginationTests.Edge;
import dev.customergraph.customer.CustomerPaginationTests.Page;
import dev.customergraph.customer.CustomerPaginationTests.Row;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Numbered pages: {@code customers(first:, offset:)} yields the rows a cursor walk
 * yields, in every ordering and under filters, with cursors that continue the walk, and
 * costs one statement whatever its size and depth.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerOffsetTests {

	static final int CUSTOMERS = 300;

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		this.tenant = this.tenants.seeded(CUSTOMERS);
		// Warm the key cache, so the counts below are the queries' own statements.
		this.tenant.graphQl().document("{ viewer { tenant } }").execute();
	}

	@ParameterizedTest
	@CsvSource({ "CREATED_AT, DESC, 7, ", "UPDATED_AT, ASC, 11, ", "EMAIL, ASC, 13, ", "LAST_NAME, DESC, 17, ",
			"ID, ASC, 23, ", "CREATED_AT, DESC, 4, BUSINESS", "EMAIL, DESC, 3, Ad" })
	void offsetPagesWalkedToTheEndMatchACursorWalkRowForRow(String field, String direction, int pageSize,
			@Nullable String condition) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("orderBy", Map.of("field", field, "direction", direction));
		if (condition != null) {
			variables.put("filter",
					condition.equals("BUSINESS") ? Map.of("type", "BUSINESS") : Map.of("search", condition));
		}
		List<Row> byCursor = new ArrayList<>();
		List<Row> byOffset = new ArrayList<>();
		String cursor = null;
		for (int number = 0;; number++) {
			Map<String, Object> cursorPage = new HashMap<>(variables);
			cursorPage.put("first", pageSize);
			if (cursor != null) {
				cursorPage.put("after", cursor);
			}
			Page next = page(cursorPage);
			Map<String, Object> offsetPage = new HashMap<>(variables);
			offsetPage.put("first", pageSize);
			offsetPage.put("offset", number * pageSize);
			Page numbered = page(offsetPage);

			assertThat(numbered.pageInfo().hasNextPage()).isEqualTo(next.pageInfo().hasNextPage());
			assertThat(numbered.pageInfo().hasPreviousPage()).isEqualTo(number > 0);
			assertThat(numbered.totalCount()).isEqualTo(next.totalCount());
			byCursor.addAll(next.edges().stream().map(Edge::node).toList());
			byOffset.addAll(numbered.edges().stream().map(Edge::node).toList());
			if (!next.pageInfo().hasNextPage()) {
				break;
			}
			cursor = next.pageInfo().endCursor();
		}
		assertThat(byOffset).containsExactlyElementsOf(byCursor).doesNotHaveDuplicates();
		assertThat(byOffset).hasSize(page(variables).totalCount());
	}

	@Test
	void anOffsetPageHasCursorsThatContinueTheWalk() {
		Page numbered = page(Map.of("first", 5, "offset", 20));
		Page following = page(Map.of("first", 5, "after", numbered.pageInfo().endCursor()));
		assertThat(following.edges()).containsExactlyElementsOf(page(Map.of("first", 5, "offset", 25)).edges());
		Page preceding = page(Map.of("last", 5, "before", numbered.pageInfo().startCursor()));
		assertThat(preceding.edges()).containsExactlyElementsOf(page(Map.of("first", 5, "offset", 15)).edges());
		assertThat(numbered.pageInfo().hasPreviousPage()).isTrue();
		assertThat(numbered.totalCount()).isEqualTo(CUSTOMERS);

		Page start = page(Map.of("first", 5, "offset", 0));
		assertThat(start.edges()).containsExactlyElementsOf(page(Map.of("first", 5)).edges());
		assertThat(start.pageInfo().hasPreviousPage()).isFalse();
		assertThat(page(Map.of("offset", 3)).edges()).hasSize(10);
	}

	@Test
	void anOffsetAtOrBeyondTheEndIsAnEmptyLastPage() {
		Page last = page(Map.of("first", 10, "offset", CUSTOMERS - 4));
		assertThat(last.edges()).hasSize(4);
		assertThat(last.pageInfo().hasNextPage()).isFalse();
		for (int offset : new int[] { CUSTOMERS, 10_000 }) {
			Page beyond = page(Map.of("first", 10, "offset", offset));
			assertThat(beyond.edges()).isEmpty();
			assertThat(beyond.pageInfo().hasNextPage()).isFalse();
			assertThat(beyond.pageInfo().hasPreviousPage()).isTrue();
			assertThat(beyond.pageInfo().endCursor()).isNull();
			assertThat(beyond.totalCount()).isEqualTo(CUSTOMERS);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = {
			"query($c: String) { customers(first: 5, offset: 5, after: $c) { nodes { id } } }|not with 'after', 'before' or 'last'",
			"query($c: String) { customers(first: 5, offset: 0, before: $c) { nodes { id } } }|not with 'after', 'before' or 'last'",
			"{ customers(last: 5, offset: 5) { nodes { id } } }|not with 'after', 'before' or 'last'",
			"{ customers(offset: -1) { totalCount } }|'offset' must not be negative; got -1.",
			"{ customers(offset: 10001) { totalCount } }|'offset' may be at most 10000; got 10001. To read further, page with 'after'",
			"query($c: String) { sources(first: 5, offset: 5, after: $c) { nodes { id } } }|not with 'after', 'before' or 'last'",
			"{ sources(last: 5, offset: 5) { nodes { id } } }|not with 'after', 'before' or 'last'",
			"{ sources(offset: -5) { totalCount } }|'offset' must not be negative; got -5.",
			"{ sources(offset: 2147483647) { totalCount } }|'offset' may be at most 10000; got 2147483647." })
	void offsetOutOfBoundsOrWithCursorsIsInvalid(String document, String message) {
		String cursor = page(Map.of("first", 1)).pageInfo().endCursor();
		long before = SqlStatementCounter.total();
		this.tenant.graphQl().document(document).variable("c", cursor).execute().errors().satisfy((errors) -> {
			assertThat(errors).singleElement().satisfies((error) -> {
				assertThat(error.getExtensions()).containsEntry("code", "INVALID");
				assertThat(error.getMessage()).contains(message);
			});
		});
		assertThat(SqlStatementCounter.total() - before).as("statements sent").isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 50, 100 })
	void anOffsetPageIsOneStatementWhateverItsSizeAndDepth(int first) {
		for (int offset : new int[] { 1, 150, 10_000 }) {
			long before = SqlStatementCounter.total();
			this.tenant.graphQl()
				.document("query($first: Int, $offset: Int) { customers(first: $first, offset: $offset) "
						+ "{ pageInfo { hasNextPage } edges { cursor node { id email tags } } } }")
				.variable("first", first)
				.variable("offset", offset)
				.execute();
			assertThat(SqlStatementCounter.total() - before).as("offset %d", offset).isEqualTo(1);
		}
		// Pages of at least 50 hold customers with every kind of nested field; 70 is
		// the largest this query may ask within the default cost limit.
		int nestedFirst = Math.max(50, Math.min(first, 70));
		long before = SqlStatementCounter.total();
		GraphQlTester.Response nested = this.tenant.graphQl()
			.documentName("nestedCustomersPage")
			.variable("first", nestedFirst)
			.variable("offset", 10)
			.execute();
		nested.path("customers.nodes").entityList(Object.class).hasSize(nestedFirst);
		assertThat(SqlStatementCounter.total() - before).as("nested page at an offset").isEqualTo(4);
	}

	private Page page(Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.tenant.graphQl().documentName("customersPage");
		variables.forEach(request::variable);
		return request.execute().path("customers").entity(Page.class).get();
	}

}
