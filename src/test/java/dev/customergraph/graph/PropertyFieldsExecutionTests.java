package dev.customergraph.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.GatewayTest;
import dev.customergraph.dataset.DatasetWriter;
import dev.customergraph.tenancy.TestTenants;
import dev.customergraph.tenancy.TestTenants.TestTenant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.GraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages whose objects hold only plain fields are completed in one pass, without
 * graphql-java's per-object execution; a resolver field among them (here
 * {@code addresses}) sends every object back through graphql-java. Both must answer
 * alike: the same values, keys in the same order, the same fragments, directives and
 * aliases applied, and the same actual cost.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PropertyFieldsExecutionTests {

	private static final String RESOLVER_FIELD = "resolved: addresses(first: 1) { totalCount }";

	@Autowired
	TestTenants tenants;

	@Autowired
	DatasetWriter dataset;

	TestTenant tenant;

	@BeforeAll
	void seeded() {
		this.tenant = this.tenants.create();
		this.dataset.write(this.tenant.name(), 7, false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "__typename id email tags createdAt type enabled displayName",
			"... on Customer { id mail: email } ...Names",
			"id first: firstName @include(if: $yes) last: lastName @skip(if: $yes)",
			"id ... @include(if: $no) { email } ... @skip(if: $no) { phone locale }" })
	void plainPagesAnswerAsGraphqlJavaDoes(String selection) {
		String page = """
				query Page($yes: Boolean!, $no: Boolean!) {
				  customers(first: 10, orderBy: {field: CREATED_AT, direction: DESC}) {
				    __typename pageInfo { __typename hasNextPage endCursor }
				    edges { cursor node { %s ...Names @include(if: $yes) @skip(if: $no) NODE_EXTRA } }
				    nodes { %s ...Names @include(if: $yes) @skip(if: $no) NODE_EXTRA }
				  }
				}
				fragment Names on Customer { firstName lastName }
				""".formatted(selection, selection);
		GraphQlResponse plain = run(page.replace("NODE_EXTRA", ""));
		GraphQlResponse resolved = run(page.replace("NODE_EXTRA", RESOLVER_FIELD));

		Map<?, ?> expected = (Map<?, ?>) withoutResolvedField(resolved.field("customers").getValue());
		assertThat(plain.getErrors()).isEmpty();
		assertThat(List.copyOf(((Map<?, ?>) plain.field("customers").getValue()).keySet()))
			.isEqualTo(List.copyOf(expected.keySet()));
		assertThat((Object) plain.field("customers").getValue()).isEqualTo(expected);
		// A page of 7 of 10: the connection, its pageInfo, 7 edges, 7 nodes in them and 7
		// nodes; with the resolved field, an address connection more in each of the 14.
		assertThat(cost(plain, "actualQueryCost")).isEqualTo(1 + 1 + 7 + 7 + 7);
		assertThat(cost(resolved, "actualQueryCost")).isEqualTo(1 + 1 + 7 + 7 + 7 + 14);
	}

	private GraphQlResponse run(String document) {
		return this.tenant.graphQl()
			.document(document)
			.variable("yes", true)
			.variable("no", false)
			.execute()
			.returnResponse();
	}

	private static Object withoutResolvedField(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, entry) -> {
				if (!"resolved".equals(key)) {
					copy.put((String) key, withoutResolvedField(entry));
				}
			});
			return copy;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(PropertyFieldsExecutionTests::withoutResolvedField).toList();
		}
		return value;
	}

	private static int cost(GraphQlResponse response, String key) {
		return ((Number) ((Map<?, ?>) response.getExtensions().get("cost")).get(key)).intValue();
	}

}
