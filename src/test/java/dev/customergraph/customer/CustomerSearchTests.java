package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.customergraph.mutation.Mutations.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code filter.search}: a case-insensitive prefix of first name, last name or email,
 * with an exact totalCount. Prefixes of up to four characters are answered from the
 * search keys and longer ones from the columns, so each behaviour is checked with both.
 */
@GatewayTest
class CustomerSearchTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	JdbcClient jdbc;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void matchesAPrefixOfEachFieldIgnoringCaseNewestFirst() {
		insert("grace.hopper@example.test", "Grace", "Hopper", 1);
		insert("alan@example.test", "Alan", "Turing", 2);
		insert("kat@example.test", "Katherine", "Johnson", 3);
		insert("gr.other@example.test", null, null, 4);

		assertThat(search("gr")).containsExactly("gr.other@example.test", "grace.hopper@example.test");
		assertThat(search("GRACE")).containsExactly("grace.hopper@example.test");
		assertThat(search("tur")).containsExactly("alan@example.test");
		assertThat(search("tURIN")).containsExactly("alan@example.test");
		assertThat(search("kat@")).containsExactly("kat@example.test");
		assertThat(search("KAT@EXAMPLE")).containsExactly("kat@example.test");
		assertThat(search("Katherine J")).isEmpty();
		assertThat(search("x")).isEmpty();
		assertThat(search("Johnsons")).isEmpty();
	}

	@Test
	void totalCountCountsEachMatchOnceInAndBeyondThePage() {
		for (int n = 1; n <= 7; n++) {
			// The first name and the email share their prefix: still one match each.
			insert("ada." + n + "@example.test", "Ada", (n % 2 == 0) ? "Adams" : "Byron", n);
		}
		insert("bob@example.test", "Bob", "Adler", 8);
		for (String prefix : List.of("a", "Ad", "ADA", "ada.", "ad", "Adams", "ada.1@")) {
			int expected = switch (prefix.toLowerCase()) {
				case "adams" -> 3;
				case "ada.1@" -> 1;
				case "ada", "ada." -> 7;
				default -> 8;
			};
			GraphQlTester.Response response = this.tenant.graphQl()
				.document(
						"query($q: String!) { customers(first: 2, filter: {search: $q}) { totalCount nodes { id } } }")
				.variable("q", prefix)
				.execute();
			response.path("customers.totalCount").entity(Integer.class).isEqualTo(expected);
			response.path("customers.nodes").entityList(Object.class).hasSize(Math.min(2, expected));
		}
	}

	@Test
	void wildcardCharactersMatchThemselves() {
		insert("a_b@example.test", null, null, 1);
		insert("axb@example.test", null, null, 2);
		insert("100%@example.test", null, null, 3);
		insert("1000@example.test", null, null, 4);
		insert("back\\slash@example.test", null, null, 5);

		assertThat(search("a_")).containsExactly("a_b@example.test");
		assertThat(search("a_b@exa")).containsExactly("a_b@example.test");
		assertThat(search("100%")).containsExactly("100%@example.test");
		assertThat(search("100%@ex")).containsExactly("100%@example.test");
		assertThat(search("%")).isEmpty();
		assertThat(search("_")).isEmpty();
		assertThat(search("back\\s")).containsExactly("back\\slash@example.test");
		assertThat(search("ba\\")).isEmpty();
	}

	@Test
	void aSpaceInsideTheNameIsPartOfThePrefix() {
		insert("ann@example.test", "Ann Marie", "Smith", 1);
		insert("annie@example.test", "Annie", "Hall", 2);

		assertThat(search("ann")).containsExactly("annie@example.test", "ann@example.test");
		assertThat(search("ann ")).containsExactly("ann@example.test");
		assertThat(search("ann m")).containsExactly("ann@example.test");
		assertThat(search("ann x")).isEmpty();
	}

	@Test
	void accentsAreIgnoredAsTheColumnsCompareThem() {
		insert("zoe@example.test", "Zoë", "Müller", 1);

		assertThat(search("zoe")).containsExactly("zoe@example.test");
		assertThat(search("mull")).containsExactly("zoe@example.test");
		assertThat(search("MULLER")).containsExactly("zoe@example.test");
	}

	@Test
	void aWalkThroughSearchPagesSeesEachMatchOnce() {
		List<String> expected = new ArrayList<>();
		for (int n = 1; n <= 9; n++) {
			insert("eve.smith." + n + "@example.test", "Eve", "Smith", n);
			expected.add(0, "eve.smith." + n + "@example.test");
		}
		insert("other@example.test", "Bob", "Jones", 10);
		for (String prefix : List.of("eve", "EVE.", "eve.smith")) {
			List<String> seen = new ArrayList<>();
			String after = null;
			do {
				GraphQlTester.Response response = this.tenant.graphQl().document("""
						query($q: String!, $after: String) {
						  customers(first: 4, after: $after, filter: {search: $q}) {
						    pageInfo { hasNextPage endCursor } nodes { email } } }
						""").variable("q", prefix).variable("after", after).execute();
				seen.addAll(response.path("customers.nodes[*].email").entityList(String.class).get());
				boolean more = response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get();
				after = more ? response.path("customers.pageInfo.endCursor").entity(String.class).get() : null;
			}
			while (after != null);
			assertThat(seen).containsExactlyElementsOf(expected);
		}
	}

	@Test
	void aLongerPrefixPagesBothWaysInEitherCreationOrder() {
		List<String> newestFirst = new ArrayList<>();
		for (int n = 1; n <= 5; n++) {
			insert("grace." + n + "@example.test", "Grace", "Hopper", 2 * n);
			newestFirst.add(0, "grace." + n + "@example.test");
			// Candidates by their first four characters that the whole prefix rejects.
			insert("gracie." + n + "@example.test", "Gracie", "Grace", 2 * n + 1);
		}
		List<String> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		for (String direction : List.of("DESC", "ASC")) {
			List<String> expected = direction.equals("DESC") ? newestFirst : oldestFirst;
			List<String> forward = new ArrayList<>();
			String after = null;
			do {
				GraphQlTester.Response response = page(direction, "GRACE.").variable("first", 2)
					.variable("after", after)
					.execute();
				response.path("customers.totalCount").entity(Integer.class).isEqualTo(5);
				forward.addAll(response.path("customers.nodes[*].email").entityList(String.class).get());
				boolean more = response.path("customers.pageInfo.hasNextPage").entity(Boolean.class).get();
				after = more ? response.path("customers.pageInfo.endCursor").entity(String.class).get() : null;
			}
			while (after != null);
			assertThat(forward).as(direction).containsExactlyElementsOf(expected);

			List<String> backward = new ArrayList<>();
			String before = null;
			do {
				GraphQlTester.Response response = page(direction, "grace.").variable("last", 2)
					.variable("before", before)
					.execute();
				backward.addAll(0, response.path("customers.nodes[*].email").entityList(String.class).get());
				boolean more = response.path("customers.pageInfo.hasPreviousPage").entity(Boolean.class).get();
				before = more ? response.path("customers.pageInfo.startCursor").entity(String.class).get() : null;
			}
			while (before != null);
			assertThat(backward).as(direction).containsExactlyElementsOf(expected);

			List<String> atOffset = page(direction, "grace.").variable("first", 2)
				.variable("offset", 3)
				.execute()
				.path("customers.nodes[*].email")
				.entityList(String.class)
				.get();
			assertThat(atOffset).as(direction).containsExactlyElementsOf(expected.subList(3, 5));
		}
		assertThat(search("gracie.")).hasSize(5);
		assertThat(search("grace.3@")).containsExactly("grace.3@example.test");
	}

	/** A page of a search in one creation order, its page arguments still to be set. */
	private GraphQlTester.Request<?> page(String direction, String prefix) {
		return this.tenant.graphQl().document("""
				query($q: String!, $direction: OrderDirection!, $first: Int, $after: String, $last: Int,
				      $before: String, $offset: Int) {
				  customers(first: $first, after: $after, last: $last, before: $before, offset: $offset,
				            filter: {search: $q}, orderBy: {field: CREATED_AT, direction: $direction}) {
				    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { email } } }
				""").variable("q", prefix).variable("direction", direction);
	}

	@Test
	void searchCombinesWithOtherFiltersAndOrderings() {
		insert("amy@example.test", "Amy", "Zed", 1);
		long tagged = insert("amber@example.test", "Amber", "Young", 2);
		insert("bob@example.test", "Bob", "Amato", 3);
		this.jdbc.sql("UPDATE customer SET type = 'BUSINESS' WHERE tenant_id = :t AND livemode = :l AND id = :id")
			.param("t", this.tenant.partition().tenantId())
			.param("l", this.tenant.partition().livemode())
			.param("id", tagged)
			.update();

		GraphQlTester.Response response = this.tenant.graphQl().document("""
				{ customers(filter: {search: "am", type: BUSINESS}) { totalCount nodes { email } } }
				""").execute();
		response.path("customers.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("customers.nodes[*].email").entityList(String.class).containsExactly("amber@example.test");
		List<String> byEmail = this.tenant.graphQl().document("""
				{ customers(filter: {search: "AM"}, orderBy: {field: EMAIL, direction: ASC}) { nodes { email } } }
				""").execute().path("customers.nodes[*].email").entityList(String.class).get();
		assertThat(byEmail).containsExactly("amber@example.test", "amy@example.test", "bob@example.test");
	}

	@Test
	void searchSeesCreatesUpdatesAndDeletes() {
		String id = CustomerApi.create(this.tenant, "hedy@example.test",
				Map.of("firstName", "Hedy", "lastName", "Lamarr"));
		assertThat(search("hed")).containsExactly("hedy@example.test");
		assertThat(search("lamarr")).containsExactly("hedy@example.test");

		update(Map.of("id", id, "firstName", "Ada"));
		assertThat(search("ad")).containsExactly("hedy@example.test");
		assertThat(search("lam")).containsExactly("hedy@example.test");
		assertThat(search("hedy")).containsExactly("hedy@example.test");
		assertThat(search("hedy@")).containsExactly("hedy@example.test");

		update(Map.of("id", id, "email", "ada@example.test"));
		assertThat(search("hed")).isEmpty();
		assertThat(search("hedy@")).isEmpty();
		assertThat(search("ada@")).containsExactly("ada@example.test");

		update(Map.of("id", id, "phone", "+15550000001"));
		assertThat(search("ada")).containsExactly("ada@example.test");

		Map<String, Object> lastNameRemoved = new HashMap<>();
		lastNameRemoved.put("id", id);
		lastNameRemoved.put("lastName", null);
		update(lastNameRemoved);
		assertThat(search("lam")).isEmpty();
		assertThat(search("lamarr")).isEmpty();

		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", Map.of("id", id));
		assertThat(search("ad")).isEmpty();
		assertThat(search("ada@ex")).isEmpty();
	}

	private void update(Map<String, Object> input) {
		Map<String, Object> payload = run(this.tenant, "customers#UpdateCustomer", "updateCustomer", input);
		assertThat((List<?>) payload.get("userErrors")).isEmpty();
	}

	private long insert(String email, String firstName, String lastName, int minute) {
		return CustomerFixtures.customer(email)
			.named(firstName, lastName)
			.createdAt(LocalDateTime.of(2025, 6, 1, 12, minute))
			.insert(this.jdbc, this.tenant.partition());
	}

	/**
	 * The emails of the customers a search finds, in the default order (newest first),
	 * after checking totalCount agrees with them.
	 */
	private List<String> search(String prefix) {
		GraphQlTester.Response response = this.tenant.graphQl()
			.document(
					"query($q: String!) { customers(first: 100, filter: {search: $q}) { totalCount nodes { email } } }")
			.variable("q", prefix)
			.execute();
		List<String> emails = response.path("customers.nodes[*].email").entityList(String.class).get();
		response.path("customers.totalCount").entity(Integer.class).isEqualTo(emails.size());
		return emails;
	}

}
