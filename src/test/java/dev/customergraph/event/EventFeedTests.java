package dev.customergraph.event;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.customergraph.GatewayTest;
import dev.customergraph.customer.CustomerApi;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.Scope;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every mutation's events in the {@code events} feed, what they carry, and how the feed
 * pages, filters and keeps partitions apart.
 */
@GatewayTest
class EventFeedTests {

	@Autowired
	TestTenants tenants;

	@Autowired
	EventRetention retention;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void customerMutationsRecordTheirEventsWithTheVersionAfterTheChange() {
		String id = CustomerApi.create(this.tenant, "ada@example.com", Map.of("firstName", "Ada", "addresses",
				List.of(Map.of("city", "London", "countryCode", "GB"), Map.of("city", "Paris", "countryCode", "FR"))));
		assertThat(userErrors(run(this.tenant, "customers#UpdateCustomer", "updateCustomer",
				input("id", id, "firstName", "Ada", "lastName", "Lovelace", "tags", List.of("vip")))))
			.isEmpty();
		run(this.tenant, "customers#AddTags", "addCustomerTags", input("id", id, "tags", List.of("vip")));
		run(this.tenant, "customers#RemoveTags", "removeCustomerTags", input("id", id, "tags", List.of("vip")));
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", input("id", id));

		List<Map<String, Object>> events = EventFeed.all(this.tenant);
		assertThat(events).extracting((event) -> event.get("type"))
			.containsExactly("CUSTOMER_CREATED", "ADDRESS_CREATED", "ADDRESS_CREATED", "CUSTOMER_UPDATED",
					"CUSTOMER_UPDATED", "CUSTOMER_UPDATED", "CUSTOMER_DELETED");
		assertThat(events).extracting((event) -> event.get("version")).containsExactly(1, 1, 1, 2, 3, 4, 4);
		assertThat(events).allSatisfy((event) -> assertThat(event).containsEntry("customerId", id));
		assertThat(events).extracting(EventFeed::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		// firstName was sent with the value it had; the tag added again changed nothing.
		assertThat(events).extracting((event) -> event.get("changedFields"))
			.containsExactly(List.of(), null, null, List.of("lastName", "tags"), List.of(), List.of("tags"), List.of());
	}

	@Test
	void addressAndSourceMutationsRecordTheirEvents() {
		String id = CustomerApi.create(this.tenant, "grace@example.com");
		Map<String, Object> created = run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
				input("customerId", id, "city", "Arlington", "countryCode", "US"));
		String addressId = get(created, "address.id");
		run(this.tenant, "customerAddresses#UpdateAddress", "updateCustomerAddress",
				input("id", addressId, "city", "New York"));
		run(this.tenant, "customerAddresses#SetDefaultAddress", "setDefaultCustomerAddress",
				input("customerId", id, "addressId", addressId, "kind", "BOTH"));
		run(this.tenant, "customerAddresses#DeleteAddress", "deleteCustomerAddress", input("id", addressId));
		String sourceId = get(run(this.tenant, "sources#CreateSource", "createSource",
				input("type", "CARD", "provider", "stripe", "customerId", id)), "source.id");
		String looseId = get(
				run(this.tenant, "sources#CreateSource", "createSource", input("type", "CARD", "provider", "stripe")),
				"source.id");
		run(this.tenant, "sources#AttachSource", "attachSource",
				input("customerId", id, "sourceId", looseId, "makeDefault", true));
		run(this.tenant, "sources#DetachSource", "detachSource", input("customerId", id, "sourceId", sourceId));

		List<Map<String, Object>> events = EventFeed.all(this.tenant).subList(1, 9);
		assertThat(events).extracting((event) -> event.get("type"))
			.containsExactly("ADDRESS_CREATED", "ADDRESS_UPDATED", "DEFAULT_ADDRESS_CHANGED", "ADDRESS_DELETED",
					"SOURCE_CREATED", "SOURCE_CREATED", "SOURCE_ATTACHED", "SOURCE_DETACHED");
		assertThat(events).extracting((event) -> event.get("version")).containsExactly(2, 3, 4, 5, 6, null, 7, 8);
		assertThat(events).extracting((event) -> event.get("customerId"))
			.containsExactly(id, id, id, id, id, null, id, id);
		assertThat(events.subList(0, 4)).allSatisfy((event) -> assertThat(event).containsEntry("addressId", addressId));
		assertThat(events.subList(4, 8)).extracting((event) -> event.get("sourceId"))
			.containsExactly(sourceId, looseId, looseId, sourceId);
	}

	@Test
	void aCustomerMovedToAGroupChangesGroupIdAndGroupsThemselvesRecordNothing() {
		String groupId = get(
				run(this.tenant, "customerGroups#CreateGroup", "createCustomerGroup", input("name", "Wholesale")),
				"customerGroup.id");
		run(this.tenant, "customerGroups#UpdateGroup", "updateCustomerGroup", input("id", groupId, "name", "Retail"));
		String id = get(run(this.tenant, "customerGroups#CreateCustomerInGroup", "createCustomer",
				input("email", "member@example.com", "groupId", groupId)), "customer.id");
		run(this.tenant, "customerGroups#MoveCustomer", "updateCustomer", input("id", id, "groupId", null));
		run(this.tenant, "customerGroups#MoveCustomer", "updateCustomer", input("id", id, "groupId", null));
		run(this.tenant, "customerGroups#DeleteGroup", "deleteCustomerGroup", input("id", groupId));
		assertThat(EventFeed.all(this.tenant))
			.extracting((event) -> event.get("type"), (event) -> event.get("changedFields"))
			.containsExactly(tuple("CUSTOMER_CREATED", List.of()), tuple("CUSTOMER_UPDATED", List.of("groupId")),
					tuple("CUSTOMER_UPDATED", List.of()));
	}

	@Test
	void eventsNameTheKeyByItsIdAndTheRequest() {
		String id = CustomerApi.create(this.tenant, "key@example.com",
				Map.of("addresses", List.of(Map.of("city", "Oslo", "countryCode", "NO"))));
		CustomerApi.create(this.tenant, "other@example.com");
		long keyId = this.tenants.jdbc()
			.sql("SELECT id FROM api_key WHERE tenant_id = :tenantId")
			.param("tenantId", this.tenant.partition().tenantId())
			.query(Long.class)
			.single();
		List<Map<String, Object>> events = EventFeed.all(this.tenant);
		assertThat(events).extracting((event) -> event.get("apiKeyId")).containsOnly(String.valueOf(keyId));
		assertThat(events).extracting((event) -> event.get("requestId")).doesNotContainNull();
		// One request's events share its id; another request has another.
		assertThat(events.get(0).get("requestId")).isEqualTo(events.get(1).get("requestId"))
			.isNotEqualTo(events.get(2).get("requestId"));
		assertThat(events.get(0)).containsEntry("customerId", id);
	}

	@Test
	void aUserErrorAndAnIdempotentRetryWriteNoEvents() {
		String id = CustomerApi.create(this.tenant, "taken@example.com");
		assertThat(userErrors(CustomerApi.createPayload(this.tenant, input("email", "TAKEN@example.com"))))
			.containsExactly("TAKEN input.email");
		assertThat(userErrors(run(this.tenant, "customers#UpdateCustomer", "updateCustomer",
				input("id", id, "lastName", "X", "expectedVersion", 7))))
			.containsExactly("CONFLICT input.expectedVersion");
		Map<String, Object> once = input("email", "once@example.com", "idempotencyKey", "k-1");
		CustomerApi.createPayload(this.tenant, once);
		CustomerApi.createPayload(this.tenant, once);
		assertThat(EventFeed.all(this.tenant)).extracting((event) -> event.get("type"))
			.containsExactly("CUSTOMER_CREATED", "CUSTOMER_CREATED");
	}

	@Test
	void anotherPartitionsEventsAreNeverSeen() {
		String id = CustomerApi.create(this.tenant, "mine@example.com");
		TestTenant other = this.tenants.create();
		TestTenant live = this.tenants.keyFor(this.tenant.name(), true, EnumSet.of(Scope.READ));
		assertThat(EventFeed.all(other)).isEmpty();
		assertThat(EventFeed.all(live)).isEmpty();
		assertThat(EventFeed.all(other, 10, Map.of("customerId", id))).isEmpty();
		String cursor = EventFeed.page(this.tenant, 1, null, null).endCursor();
		other.graphQl()
			.documentName("events")
			.operationName("Events")
			.variable("first", 1)
			.variable("after", cursor)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID")));
	}

	@Test
	void walkingWithEndCursorsSeesEveryEventOnceInOrder() {
		IntStream.range(0, 23).forEach((i) -> CustomerApi.create(this.tenant, "walk" + i + "@example.com"));
		List<Map<String, Object>> walked = EventFeed.all(this.tenant, 5, null);
		assertThat(walked).extracting(EventFeed::seq)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 23).mapToObj(Long::valueOf).toList());
		EventFeed.Page last = EventFeed.page(this.tenant, 5, EventFeed.page(this.tenant, 23, null, null).endCursor(),
				null);
		assertThat(last.events()).isEmpty();
		assertThat(last.hasNextPage()).isFalse();
	}

	@Test
	void filtersSelectByTypeCustomerAndTimeAndTheEndCursorSkipsWhatTheyLeaveOut() throws InterruptedException {
		String first = CustomerApi.create(this.tenant, "f1@example.com");
		String second = CustomerApi.create(this.tenant, "f2@example.com");
		run(this.tenant, "customers#UpdateCustomer", "updateCustomer", input("id", first, "lastName", "One"));
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", input("id", second));
		assertThat(EventFeed.all(this.tenant, 1, Map.of("customerId", first))).extracting((event) -> event.get("type"))
			.containsExactly("CUSTOMER_CREATED", "CUSTOMER_UPDATED");
		assertThat(EventFeed.all(this.tenant, 1, Map.of("customerId", second))).extracting((event) -> event.get("type"))
			.containsExactly("CUSTOMER_CREATED", "CUSTOMER_DELETED");
		EventFeed.Page deletions = EventFeed.page(this.tenant, 10, null, Map.of("types", List.of("CUSTOMER_DELETED")));
		assertThat(deletions.events()).extracting(EventFeed::seq).containsExactly(4L);
		EventFeed.Page none = EventFeed.page(this.tenant, 10, null, Map.of("types", List.of("SOURCE_ATTACHED")));
		assertThat(none.events()).isEmpty();
		assertThat(none.hasNextPage()).isFalse();
		// Nothing left to examine: a consumer with this cursor reads only what comes
		// next.
		Thread.sleep(5);
		OffsetDateTime mark = OffsetDateTime.now(ZoneOffset.UTC);
		Thread.sleep(5);
		CustomerApi.create(this.tenant, "f3@example.com");
		assertThat(EventFeed.page(this.tenant, 10, none.endCursor(), null).events()).extracting(EventFeed::seq)
			.containsExactly(5L);
		assertThat(EventFeed.all(this.tenant, 10, Map.of("occurredAfter", mark.toString()))).extracting(EventFeed::seq)
			.containsExactly(5L);
		assertThat(EventFeed.all(this.tenant, 10, Map.of("occurredAfter", mark.plusDays(1).toString()))).isEmpty();
	}

	@Test
	void eventEntitiesAreTheirRowsNowAndNullOnceDeletedInOneStatementEach() {
		for (int i = 0; i < 30; i++) {
			String id = CustomerApi.create(this.tenant, "n" + i + "@example.com",
					Map.of("addresses", List.of(Map.of("city", "C" + i, "countryCode", "FR"))));
			run(this.tenant, "sources#CreateSource", "createSource",
					input("type", "CARD", "provider", "stripe", "customerId", id));
			if (i == 0) {
				run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", input("id", id));
			}
		}
		long before = SqlStatementCounter.total();
		List<Map<String, Object>> events = this.tenant.graphQl()
			.documentName("events")
			.operationName("EventEntities")
			.variable("first", 100)
			.execute()
			.path("events.nodes")
			.entityList(Object.class)
			.get()
			.stream()
			.map((node) -> {
				@SuppressWarnings("unchecked")
				Map<String, Object> event = (Map<String, Object>) node;
				return event;
			})
			.toList();
		// Bounds, the window, then one statement each for customers, addresses, sources.
		assertThat(SqlStatementCounter.total() - before).isEqualTo(5);
		assertThat(events).hasSize(91);
		assertThat(events.subList(0, 4)).allSatisfy((event) -> assertThat(event.get("customer")).isNull());
		assertThat((Object) get(events.get(1), "address")).isNull();
		assertThat((String) get(events.get(4), "customer.email")).isEqualTo("n1@example.com");
		assertThat((String) get(events.get(5), "address.city")).isEqualTo("C1");
		assertThat((Object) get(events.get(6), "source.id")).isNotNull();
	}

	@Test
	void aMutationsEventsCostTwoStatementsWhateverTheirNumber() {
		CustomerApi.create(this.tenant, "warm@example.com");
		long before = SqlStatementCounter.total();
		CustomerApi.create(this.tenant, "one@example.com");
		long oneEvent = SqlStatementCounter.total() - before;
		before = SqlStatementCounter.total();
		CustomerApi.create(this.tenant, "four@example.com",
				Map.of("addresses", List.of(Map.of("city", "A", "countryCode", "FR"),
						Map.of("city", "B", "countryCode", "FR"), Map.of("city", "C", "countryCode", "FR"))));
		long fourEvents = SqlStatementCounter.total() - before;
		// One INSERT per address; the three more events add no statement.
		assertThat(fourEvents - oneEvent).isEqualTo(3);
		assertThat(EventFeed.all(this.tenant)).hasSize(6);
	}

	@Test
	void retentionRemovesOldEventsAndTheFeedContinuesAfterThem() {
		IntStream.range(0, 5).forEach((i) -> CustomerApi.create(this.tenant, "old" + i + "@example.com"));
		String cursor = EventFeed.page(this.tenant, 1, null, null).endCursor();
		this.tenants.jdbc()
			.sql("""
					UPDATE event SET occurred_at = occurred_at - INTERVAL 40 DAY
					WHERE tenant_id = :tenantId AND livemode = :livemode AND seq <= 3
					""")
			.param("tenantId", this.tenant.partition().tenantId())
			.param("livemode", this.tenant.partition().livemode())
			.update();
		assertThat(this.retention.deleteBefore(LocalDateTime.now(ZoneOffset.UTC).minusDays(30)))
			.isGreaterThanOrEqualTo(3);
		assertThat(EventFeed.all(this.tenant)).extracting(EventFeed::seq).containsExactly(4L, 5L);
		assertThat(EventFeed.page(this.tenant, 10, cursor, null).events()).extracting(EventFeed::seq)
			.containsExactly(4L, 5L);
	}

	@Test
	void badArgumentsAreInvalid() {
		for (Map<String, Object> filter : List.<Map<String, Object>>of(Map.of("types", List.of()),
				Map.of("customerId", "not-an-id"))) {
			this.tenant.graphQl()
				.documentName("events")
				.operationName("Events")
				.variable("first", 1)
				.variable("filter", filter)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID")));
		}
		this.tenant.graphQl()
			.documentName("events")
			.operationName("Events")
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "INVALID")));
	}

}
