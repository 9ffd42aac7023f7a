package dev.customergraph.customer;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.customergraph.graph.Connection;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;

/**
 * The customers of customer groups, for the group feature's
 * {@code CustomerGroup.customers} and {@code customerCount}: the pages of all groups a
 * request lists in one statement, and their counts in another. This package keeps only
 * which group a customer is in (its {@code group_id}); the groups themselves are the
 * group feature's, which depends on this one.
 */
@Component
public class GroupMembers {

	private static final String PAGES = "customersOfGroup";

	private static final String COUNTS = "customerCountOfGroup";

	/**
	 * Newest first, as {@code customers} by default, with a cursor of its own connection.
	 * Unqualified columns: the statement orders its branches and their union by them.
	 */
	private static final Keyset<Customer> NEWEST_FIRST = Keyset.byColumn("groupCustomers", "created_at", "id", true,
			(customer) -> customer.createdAt().toLocalDateTime().toString(), LocalDateTime::parse, Customer::key);

	private final CustomerRepository repository;

	private final QueryLimits limits;

	GroupMembers(BatchLoaderRegistry registry, CustomerRepository repository, QueryLimits limits) {
		this.repository = repository;
		this.limits = limits;
		registry.<GroupPage, List<Customer>>forName(PAGES)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> loadPages(Caller.of(environment).partition(), keys)));
		registry.<Long, Integer>forName(COUNTS)
			.registerMappedBatchLoader((groupKeys, environment) -> Mono
				.fromCallable(() -> repository.countByGroups(Caller.of(environment).partition(), groupKeys)));
	}

	/**
	 * The page of the group's customers that the field being fetched asks for (its
	 * {@code first}, {@code after}, {@code last}, {@code before}), with the columns its
	 * nodes select.
	 */
	public CompletableFuture<Connection<Customer>> page(long groupKey, DataFetchingEnvironment environment) {
		PageRequest page = this.limits.page(environment.getArgument("first"), environment.getArgument("after"),
				environment.getArgument("last"), environment.getArgument("before"));
		Partition partition = Caller.of(environment).partition();
		Set<CustomerColumn> columns = EnumSet.of(CustomerColumn.CREATED_AT, CustomerColumn.GROUP_ID);
		columns.addAll(CustomerColumn.selectedBy(environment, "nodes", "edges/node"));
		return environment.<GroupPage, List<Customer>>getDataLoader(PAGES)
			.load(new GroupPage(groupKey, page, columns))
			.thenApply((rows) -> NEWEST_FIRST.connection((rows != null) ? rows : List.of(), page, partition,
					() -> count(groupKey, environment)));
	}

	/** How many customers the group has. */
	public CompletableFuture<Integer> count(long groupKey, DataFetchingEnvironment environment) {
		DataLoader<Long, Integer> counts = environment.getDataLoader(COUNTS);
		return counts.load(groupKey);
	}

	/**
	 * Groups the batch by page arguments (usually one group) and runs one statement per
	 * group, with every column any read of the group selects.
	 */
	private Map<GroupPage, List<Customer>> loadPages(Partition partition, Set<GroupPage> keys) {
		Map<PageRequest, List<GroupPage>> byPage = keys.stream().collect(Collectors.groupingBy(GroupPage::page));
		Map<GroupPage, List<Customer>> pages = new HashMap<>();
		byPage.forEach((page, reads) -> {
			Set<CustomerColumn> columns = EnumSet.noneOf(CustomerColumn.class);
			reads.forEach((read) -> columns.addAll(read.columns()));
			Map<Long, List<Customer>> rows = this.repository.findPagesByGroups(partition,
					reads.stream().map(GroupPage::groupKey).distinct().toList(), NEWEST_FIRST, page, columns);
			reads.forEach((read) -> pages.put(read, rows.getOrDefault(read.groupKey(), List.of())));
		});
		return pages;
	}

	/**
	 * The key of a group's page of customers: which group, which page, which columns. A
	 * read of the same page with another selection is another key, so the DataLoader's
	 * cache never answers it with rows that lack its columns.
	 */
	record GroupPage(long groupKey, PageRequest page, Set<CustomerColumn> columns) {
	}

}
