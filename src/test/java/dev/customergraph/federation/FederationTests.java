package dev.customergraph.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.observability.SqlStatementCounter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an Apollo Federation 2 subgraph: {@code _service} and batched
 * {@code _entities}.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationTests {

	private static final String ENTITIES = """
			query Entities($representations: [_Any!]!) {
			  _entities(representations: $representations) {
			    __typename
			    ... on Customer { id email }
			    ... on Address { id city }
			    ... on Source { id provider }
			  }
			}""";

	@Autowired
	TestTenants tenants;

	TestTenant tenant;

	@BeforeAll
	void seed() {
		this.tenant = this.tenants.seeded(30);
	}

	@Test
	void serviceSdlDeclaresTheEntityKeys() {
		String sdl = this.tenant.graphQl()
			.document("{ _service { sdl } }")
			.execute()
			.path("_service.sdl")
			.entity(String.class)
			.get();
		assertThat(sdl).containsPattern("type Customer implements Node @key\\(fields ?: ?\"id\"")
			.containsPattern("type Address implements Node @key\\(fields ?: ?\"id\"")
			.containsPattern("type Source implements Node @key\\(fields ?: ?\"id\"")
			.contains("@link(");
	}

	@Test
	void entitiesResolveABatchWithOneStatementPerType() {
		List<Map<String, Object>> representations = new ArrayList<>();
		idsOf("{ customers(first: 10) { nodes { id } } }", "customers.nodes[*].id")
			.forEach((id) -> representations.add(Map.of("__typename", "Customer", "id", id)));
		idsOf("{ customers(first: 20) { nodes { addresses { nodes { id } } } } }",
				"customers.nodes[*].addresses.nodes[*].id")
			.forEach((id) -> representations.add(Map.of("__typename", "Address", "id", id)));
		idsOf("{ sources(first: 10) { nodes { id } } }", "sources.nodes[*].id")
			.forEach((id) -> representations.add(Map.of("__typename", "Source", "id", id)));
		assertThat(representations).hasSizeGreaterThan(20);

		long before = SqlStatementCounter.total();
		List<String> resolvedIds = this.tenant.graphQl()
			.document(ENTITIES)
			.variable("representations", representations)
			.execute()
			.errors()
			.verify()
			.path("_entities[*].id")
			.entityList(String.class)
			.get();
		assertThat(SqlStatementCounter.total() - before).isEqualTo(3);
		assertThat(resolvedIds)
			.containsExactlyElementsOf(representations.stream().map((r) -> (String) r.get("id")).toList());
	}

	@Test
	void entitiesOfAnotherTenantResolveToNull() {
		String foreignId = idsOf("{ customers(first: 1) { nodes { id } } }", "customers.nodes[*].id").get(0);
		this.tenants.create()
			.graphQl()
			.document(ENTITIES)
			.variable("representations", List.of(Map.of("__typename", "Customer", "id", foreignId)))
			.execute()
			.errors()
			.verify()
			.path("_entities[0]")
			.valueIsNull();
	}

	private List<String> idsOf(String document, String path) {
		return this.tenant.graphQl().document(document).execute().path(path).entityList(String.class).get();
	}

}
