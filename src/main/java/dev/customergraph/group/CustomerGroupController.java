package dev.customergraph.group;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerJoin;
import dev.customergraph.customer.GroupMembers;
import dev.customergraph.graph.Connection;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.NodeType;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.graph.RowField;
import dev.customergraph.graph.TotalCount;
import dev.customergraph.tenancy.Caller;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Customer groups in the graph: the {@code customerGroup} and {@code customerGroups} root
 * fields, {@code Customer.group}, and a group's {@code customers} and
 * {@code customerCount}, each one statement for all the rows of a page.
 */
@Controller
class CustomerGroupController {

	private static final String GROUP = "group";

	/** By name, A to Z; names are unique per partition, the id only breaks no tie. */
	private static final Keyset<CustomerGroup> BY_NAME = Keyset.byColumn("customerGroups", "g.name", "g.id", false,
			CustomerGroup::name, (text) -> text, CustomerGroup::key);

	private final CustomerGroupRepository repository;

	private final QueryLimits limits;

	CustomerGroupController(BatchLoaderRegistry registry, CustomerGroupRepository repository, QueryLimits limits) {
		this.repository = repository;
		this.limits = limits;
		registry.forTypePair(Long.class, CustomerGroup.class)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> repository.findByKeys(Caller.of(environment).partition(), keys)));
	}

	@Bean
	static NodeType customerGroupNode() {
		return new NodeType(CustomerGroup.TYPE, CustomerGroup.class);
	}

	/** {@code customer(id:) { group … }} reads the group with the customer row. */
	@Bean
	static CustomerJoin customerGroupJoin() {
		return new CustomerGroupJoin();
	}

	@QueryMapping
	CompletableFuture<@Nullable CustomerGroup> customerGroup(@Argument String id,
			DataLoader<Long, CustomerGroup> groups) {
		return groups.load(GlobalId.keyOf(id, CustomerGroup.TYPE));
	}

	@QueryMapping
	Connection<CustomerGroup> customerGroups(@Argument @Nullable Integer first, @Argument @Nullable String after,
			@Argument @Nullable Integer last, @Argument @Nullable String before, @ContextValue Caller caller) {
		PageRequest page = this.limits.page(first, after, last, before);
		List<CustomerGroup> rows = this.repository.findPage(caller.partition(), BY_NAME, page);
		return BY_NAME.connection(rows, page, caller.partition(),
				TotalCount.of(() -> this.repository.count(caller.partition())));
	}

	/**
	 * The fields every row of a page resolves, as plain data fetchers (see
	 * {@link RowField}), each answered by a DataLoader: a page of customers reads their
	 * groups in one statement, a page of groups their customers in one and their counts
	 * in another.
	 */
	@Bean
	static RuntimeWiringConfigurer customerGroupFields(GroupMembers members) {
		return (wiring) -> wiring
			.type(Customer.TYPE, (type) -> type.dataFetcher(GROUP, RowField.of(CustomerGroupController::groupOf)))
			.type(CustomerGroup.TYPE,
					(type) -> type
						.dataFetcher("customers",
								RowField.of((environment) -> members.page(environment.<CustomerGroup>getSource().key(),
										environment)))
						.dataFetcher("customerCount", RowField.of((environment) -> members
							.count(environment.<CustomerGroup>getSource().key(), environment))));
	}

	private static CompletableFuture<@Nullable CustomerGroup> groupOf(DataFetchingEnvironment environment) {
		Customer customer = environment.getSource();
		if (customer.hasPrefetched(GROUP)) {
			return CompletableFuture.completedFuture((CustomerGroup) customer.prefetched().get(GROUP));
		}
		Long key = customer.groupKey();
		return (key != null) ? environment.<Long, CustomerGroup>getDataLoader(CustomerGroup.class.getName()).load(key)
				: CompletableFuture.completedFuture(null);
	}

}
