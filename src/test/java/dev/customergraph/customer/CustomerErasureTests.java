package dev.customergraph.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

import static dev.customergraph.mutation.Mutations.atOnce;
import static dev.customergraph.mutation.Mutations.get;
import static dev.customergraph.mutation.Mutations.input;
import static dev.customergraph.mutation.Mutations.run;
import static dev.customergraph.mutation.Mutations.runAsClient;
import static dev.customergraph.mutation.Mutations.userErrors;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * eraseCustomer through HTTP: no trace of the erased data anywhere the API reaches,
 * sources kept and detached, the event, and an erased customer that takes no more
 * changes, also when the changes race the erasure.
 */
@GatewayTest
class CustomerErasureTests {

	/** Every value of the customer that is erased, as the API would show it. */
	static final List<String> PERSONAL = List.of("ada.lovelace@example.com", "Adaline", "Lovelace", "Byron",
			"+44 20 7946 0000", "en_GB", "ADA-1", "GB123", "poet-laureate", "cus_ada", "example.com/ada.png",
			"analytical", "London", "St James", "Augusta");

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeEach
	void newTenant() {
		this.tenant = this.tenants.create();
	}

	@Test
	void anErasedCustomerKeepsItsIdAndSourcesAndNothingOfThePerson() {
		String id = ada();
		String sourceId = source(id);
		Map<String, Object> before = CustomerApi.read(this.tenant, id);

		Map<String, Object> payload = erase(id);
		assertThat(userErrors(payload)).isEmpty();
		Map<String, Object> erased = get(payload, "customer");
		assertThat((String) erased.get("email")).matches("erased-\\d+-[0-9a-f]{16}@erased\\.invalid");
		assertThat(erased).containsEntry("id", id)
			.containsEntry("displayName", erased.get("email"))
			.containsEntry("firstName", null)
			.containsEntry("lastName", null)
			.containsEntry("phone", null)
			.containsEntry("locale", null)
			.containsEntry("code", null)
			.containsEntry("tags", List.of())
			.containsEntry("vatNumber", null)
			.containsEntry("acceptsMarketing", false)
			.containsEntry("avatarUrl", null)
			.containsEntry("metadata", null)
			.containsEntry("paymentProviders", List.of())
			.containsEntry("requestToBeForgotten", true)
			.containsEntry("type", "BUSINESS")
			.containsEntry("version", (Integer) before.get("version") + 1)
			.containsEntry("defaultShippingAddress", null)
			.containsEntry("defaultSource", null);
		assertThat((String) erased.get("erasedAt")).isNotNull();
		assertThat((Object) get(erased, "addresses.totalCount")).isEqualTo(0);
		assertThat((Object) get(erased, "sources.totalCount")).isEqualTo(0);
		assertThat(CustomerApi.read(this.tenant, id)).containsEntry("email", erased.get("email"))
			.containsEntry("version", erased.get("version"));

		// The source stays, with what the payment history needs, and belongs to no one.
		Map<String, Object> source = this.tenant.graphQl()
			.document("query($id: ID!) { source(id: $id) { id provider providerReference last4 customer { id } } }")
			.variable("id", sourceId)
			.execute()
			.path("source")
			.entity(Map.class)
			.get();
		assertThat(source).containsEntry("last4", "4242")
			.containsEntry("providerReference", "pm_ada")
			.containsEntry("customer", null);
		assertThat(this.tenant.graphQl()
			.document("{ sources(filter: { attached: false }) { nodes { id } } }")
			.execute()
			.path("sources.nodes[*].id")
			.entityList(String.class)
			.get()).containsExactly(sourceId);
	}

	@Test
	void noTraceOfTheErasedDataIsLeftAnywhereTheApiReaches() {
		String id = ada();
		source(id);
		String placeholder = get(erase(id), "customer.email");

		Map<String, Object> everything = this.tenant.graphQl()
			.document("""
					query($id: ID!, $email: String!, $placeholder: String!) {
					  customer(id: $id) { ...all }
					  node(id: $id) { ... on Customer { ...all } }
					  customers(first: 100) { nodes { ...all } }
					  sources(first: 100) { nodes { id label brand metadata customer { ...all } } }
					  events(first: 100) { nodes { type customer { ...all }
					    ... on AddressEvent { address { city line1 firstName lastName phone } }
					    ... on SourceEvent { source { id label customer { id } } } } }
					  byEmail: customerByEmail(email: $email) { id }
					  byPlaceholder: customerByEmail(email: $placeholder) { id }
					  byCode: customerByCode(code: "ADA-1") { id }
					  byReference: customerByPaymentProviderReference(provider: "stripe", reference: "cus_ada") { id }
					}
					fragment all on Customer {
					  id email firstName lastName displayName phone locale code tags vatNumber avatarUrl metadata
					  paymentProviders { provider customerRef } erasedAt
					  addresses { nodes { firstName lastName phone line1 city } }
					  defaultShippingAddress { city } defaultBillingAddress { city }
					}
					""")
			.variable("id", id)
			.variable("email", "ada.lovelace@example.com")
			.variable("placeholder", placeholder)
			.execute()
			.path("")
			.entity(Map.class)
			.get();
		String seen = String.valueOf(everything);
		assertThat(PERSONAL).allSatisfy((value) -> assertThat(seen).doesNotContain(value));
		assertThat(everything).containsEntry("byEmail", null)
			.containsEntry("byPlaceholder", null)
			.containsEntry("byCode", null)
			.containsEntry("byReference", null);

		// No search finds it: not by the old values, nor by its placeholder, by the
		// search keys (short prefixes) or by the columns (longer ones).
		for (Map<String, ?> filter : List.<Map<String, ?>>of(Map.of("search", "Ada"), Map.of("search", "Lovel"),
				Map.of("search", "ada.l"), Map.of("search", "e"), Map.of("search", "erased-"),
				Map.of("search", placeholder), Map.of("email", "ada.lovelace@example.com"),
				Map.of("email", placeholder), Map.of("tags", List.of("poet-laureate")), Map.of("countryCode", "GB"),
				Map.of("paymentProviderReference", "cus_ada"))) {
			assertThat(matches(filter)).as("customers(filter: %s)", filter).isEqualTo(List.of(0, List.of()));
		}
		assertThat(matches(Map.of("ids", List.of(id)))).isEqualTo(List.of(1, List.of(id)));
	}

	@Test
	void theRequestsStillToFulfilAreTheForgottenCustomersNotErasedYet() {
		String erased = CustomerApi.create(this.tenant, "erased@example.com", Map.of("requestToBeForgotten", true));
		String pending = CustomerApi.create(this.tenant, "pending@example.com", Map.of("requestToBeForgotten", true));
		String other = CustomerApi.create(this.tenant, "other@example.com");
		erase(erased);
		assertThat(matches(Map.of("requestToBeForgotten", true, "erased", false)))
			.isEqualTo(List.of(1, List.of(pending)));
		assertThat(matches(Map.of("erased", true))).isEqualTo(List.of(1, List.of(erased)));
		assertThat(matches(Map.of("erased", false))).isEqualTo(List.of(2, List.of(other, pending)));
	}

	@Test
	void theFeedCarriesCustomerErasedAndNoneOfTheErasedData() {
		String id = ada();
		erase(id);
		List<Map<String, Object>> events = events();
		assertThat(events).extracting((event) -> event.get("type"))
			.containsExactly("CUSTOMER_CREATED", "ADDRESS_CREATED", "ADDRESS_CREATED", "CUSTOMER_UPDATED",
					"CUSTOMER_ERASED");
		Map<String, Object> last = events.get(events.size() - 1);
		assertThat(last).containsEntry("customerId", id).containsEntry("version", 3);
		assertThat(last.get("changedFields")).isEqualTo(List.of());
		// The earlier events name fields, never values; their entities are as they are
		// now.
		assertThat(events.get(3).get("changedFields")).isEqualTo(List.of("lastName"));
		String seen = String.valueOf(events);
		assertThat(PERSONAL).allSatisfy((value) -> assertThat(seen).doesNotContain(value));
	}

	@Test
	void anErasedCustomerTakesNoMoreChangesAndASecondErasureReturnsItUnchanged() {
		String id = ada();
		Map<String, Object> erased = get(erase(id), "customer");
		String sourceId = get(
				run(this.tenant, "sources#CreateSource", "createSource", input("type", "CARD", "provider", "stripe")),
				"source.id");

		assertThat(userErrors(
				run(this.tenant, "customers#UpdateCustomer", "updateCustomer", input("id", id, "firstName", "Ada"))))
			.containsExactly("CONFLICT input.id");
		assertThat(userErrors(run(this.tenant, "customers#AddTags", "addCustomerTags",
				input("id", id, "tags", List.of("poet-laureate")))))
			.containsExactly("CONFLICT input.id");
		assertThat(userErrors(run(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
				input("customerId", id, "city", "London"))))
			.containsExactly("CONFLICT input.customerId");
		assertThat(userErrors(run(this.tenant, "sources#CreateSource", "createSource",
				input("type", "CARD", "provider", "stripe", "customerId", id))))
			.containsExactly("CONFLICT input.customerId");
		assertThat(userErrors(run(this.tenant, "sources#AttachSource", "attachSource",
				input("customerId", id, "sourceId", sourceId))))
			.containsExactly("CONFLICT input.customerId");

		Map<String, Object> again = erase(id);
		assertThat(userErrors(again)).isEmpty();
		assertThat((Map<String, Object>) get(again, "customer")).isEqualTo(erased);
		assertThat(userErrors(erase(id, 1))).as("a retry whatever its expectedVersion").isEmpty();
		assertThat(events()).extracting((event) -> event.get("type")).containsOnlyOnce("CUSTOMER_ERASED");

		// Deleting it is still possible: it forgets even the id.
		assertThat(userErrors(run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", input("id", id))))
			.isEmpty();
		this.tenant.graphQl()
			.document("query($id: ID!) { customer(id: $id) { id } }")
			.variable("id", id)
			.execute()
			.path("customer")
			.valueIsNull();
	}

	@Test
	void anErasureAtAnotherVersionThanExpectedIsAConflictAndErasesNothing() {
		String id = ada();
		Map<String, Object> before = CustomerApi.read(this.tenant, id);
		assertThat(userErrors(erase(id, 1))).containsExactly("CONFLICT input.expectedVersion");
		assertThat(CustomerApi.read(this.tenant, id)).isEqualTo(before);
		assertThat(userErrors(erase(id, (Integer) before.get("version")))).isEmpty();
	}

	@Test
	void unknownAndMalformedIdsAreUserErrors() {
		String id = ada();
		run(this.tenant, "customers#DeleteCustomer", "deleteCustomer", input("id", id));
		assertThat(userErrors(erase(id))).containsExactly("NOT_FOUND input.id");
		assertThat(userErrors(erase("not-an-id"))).containsExactly("INVALID input.id");
	}

	@Test
	void anErasureCostsTheSameStatementsWhateverTheCustomerHas() {
		String bare = CustomerApi.create(this.tenant, "bare@example.com");
		String rich = ada();
		source(rich);
		source(rich);
		long bareErasure = statementsOfErasing(bare);
		long richErasure = statementsOfErasing(rich);
		// Lock; addresses, photo, sources; the row, tags, search keys, payment provider
		// rows; the payload's read; the two of the outbox; and one the transaction
		// itself sends.
		assertThat(bareErasure).isEqualTo(richErasure).isEqualTo(12);
	}

	/**
	 * An erasure among 23 changes of the same customer sent at the same moment: each
	 * change either committed before the erasure, and was erased with the rest, or came
	 * after it and was refused. The customer ends erased whole, and its last event is the
	 * erasure.
	 */
	@Test
	void anErasureRacingChangesLeavesTheErasedCustomerOrARefusedChangeNeverAHalfState() throws Exception {
		String id = CustomerApi.create(this.tenant, "race@example.com", Map.of("firstName", "Ada"));
		int eraser = 11;
		List<Map<String, Object>> payloads = atOnce(24, (i) -> {
			if (i == eraser) {
				return runAsClient(this.tenant, "customers#EraseCustomer", "eraseCustomer", input("id", id));
			}
			return switch (i % 3) {
				case 0 -> runAsClient(this.tenant, "customers#UpdateCustomer", "updateCustomer",
						input("id", id, "lastName", "Lovelace" + i, "phone", "+44 20 7946 000" + (i % 10)));
				case 1 -> runAsClient(this.tenant, "customers#AddTags", "addCustomerTags",
						input("id", id, "tags", List.of("poet-race" + i)));
				default -> runAsClient(this.tenant, "customerAddresses#CreateAddress", "createCustomerAddress",
						input("customerId", id, "city", "London" + i));
			};
		});
		assertThat(userErrors(payloads.get(eraser))).isEmpty();
		List<String> refusals = new ArrayList<>();
		int applied = 0;
		for (int i = 0; i < payloads.size(); i++) {
			List<String> errors = userErrors(payloads.get(i));
			if (i != eraser && errors.isEmpty()) {
				applied++;
			}
			refusals.addAll(errors);
		}
		// Three addresses at most: a fourth that came before the erasure is over the
		// limit.
		assertThat(refusals).allMatch(
				(error) -> error.startsWith("CONFLICT input.") || error.equals("LIMIT_EXCEEDED input.customerId"));

		Map<String, Object> customer = CustomerApi.read(this.tenant, id);
		assertThat(customer).containsEntry("firstName", null)
			.containsEntry("lastName", null)
			.containsEntry("phone", null)
			.containsEntry("tags", List.of())
			.containsEntry("version", 1 + applied + 1);
		assertThat((Object) get(customer, "addresses.totalCount")).isEqualTo(0);
		assertThat(String.valueOf(customer)).doesNotContain("Lovelace", "London", "poet-race", "+44 20 7946");
		List<Map<String, Object>> events = events();
		assertThat(events.get(events.size() - 1)).containsEntry("type", "CUSTOMER_ERASED")
			.containsEntry("version", 1 + applied + 1);
		assertThat(matches(Map.of("search", "Lovelace"))).isEqualTo(List.of(0, List.of()));
	}

	/**
	 * A customer with a value in every personal field, two addresses and an update, so
	 * the feed has earlier events of it.
	 */
	private String ada() {
		String id = CustomerApi.create(this.tenant, "ada.lovelace@example.com",
				Map.ofEntries(Map.entry("firstName", "Adaline"), Map.entry("lastName", "Byron"),
						Map.entry("phone", "+44 20 7946 0000"), Map.entry("locale", "en_GB"),
						Map.entry("type", "BUSINESS"), Map.entry("code", "ADA-1"),
						Map.entry("tags", List.of("poet-laureate")), Map.entry("vatNumber", "GB123"),
						Map.entry("acceptsMarketing", true), Map.entry("avatarUrl", "https://example.com/ada.png"),
						Map.entry("metadata", Map.of("engine", "analytical")),
						Map.entry("paymentProviders", List.of(Map.of("provider", "stripe", "customerRef", "cus_ada"))),
						Map.entry("addresses",
								List.of(Map.of("firstName", "Augusta", "line1", "12 St James's Square", "city",
										"London", "countryCode", "GB", "defaultShipping", true),
										Map.of("city", "London", "countryCode", "GB", "defaultBilling", true)))));
		assertThat(userErrors(run(this.tenant, "customers#UpdateCustomer", "updateCustomer",
				input("id", id, "lastName", "Lovelace"))))
			.isEmpty();
		return id;
	}

	/**
	 * A source attached to the customer as its default; as the payments service adds it.
	 */
	private String source(String customerId) {
		String sourceId = get(run(this.tenant, "sources#CreateSource", "createSource", input("type", "CARD", "provider",
				"stripe", "providerReference", "pm_ada", "brand", "visa", "last4", "4242")), "source.id");
		assertThat(userErrors(run(this.tenant, "sources#AttachSource", "attachSource",
				input("customerId", customerId, "sourceId", sourceId, "makeDefault", true))))
			.isEmpty();
		return sourceId;
	}

	/** The statements of an erasure whose payload reads only the customer's id. */
	private long statementsOfErasing(String id) {
		long before = SqlStatementCounter.total();
		this.tenant.graphQl()
			.document("mutation($id: ID!) { eraseCustomer(input: { id: $id }) { customer { id } } }")
			.variable("id", id)
			.execute()
			.path("eraseCustomer.customer.id")
			.entity(String.class)
			.isEqualTo(id);
		return SqlStatementCounter.total() - before;
	}

	private Map<String, Object> erase(String id) {
		return run(this.tenant, "customers#EraseCustomer", "eraseCustomer", input("id", id));
	}

	private Map<String, Object> erase(String id, int expectedVersion) {
		return run(this.tenant, "customers#EraseCustomer", "eraseCustomer",
				input("id", id, "expectedVersion", expectedVersion));
	}

	/** The count and the ids of the customers a filter matches. */
	private List<Object> matches(Map<String, ?> filter) {
		Map<String, Object> page = this.tenant.graphQl()
			.document("query($filter: CustomerFilter) { customers(filter: $filter) { totalCount nodes { id } } }")
			.variable("filter", filter)
			.execute()
			.path("customers")
			.entity(Map.class)
			.get();
		List<Map<String, Object>> nodes = get(page, "nodes");
		return List.of(page.get("totalCount"), nodes.stream().map((node) -> node.get("id")).toList());
	}

	/** The tenant's events, oldest first. */
	private List<Map<String, Object>> events() {
		return this.tenant.graphQl()
			.documentName("events")
			.operationName("Events")
			.variable("first", 100)
			.execute()
			.path("events.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get();
	}

}
