package dev.customergraph.source;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerJoin;
import dev.customergraph.customer.CustomerPagePrefetch;
import dev.customergraph.graph.Connection;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.NodeType;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.graph.RowField;
import dev.customergraph.graph.SelectedFields;
import dev.customergraph.graph.TotalCount;
import dev.customergraph.tenancy.Caller;
import dev.customergraph.tenancy.Partition;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;

/**
 * Payment sources in the graph: the {@code source} and {@code sources} root fields,
 * {@code Customer.sources} (one windowed statement per page of customers),
 * {@code Customer.defaultSource}, {@code Source.customer}, and sources as federation
 * entities.
 */
@Controller
class SourceController {

	private static final String SOURCES_OF_CUSTOMER = "sourcesOfCustomer";

	private static final String SOURCE_COUNT_OF_CUSTOMER = "sourceCountOfCustomer";

	private static final String DEFAULT_SOURCE = "defaultSource";

	static final String SOURCES = "sources";

	private static final Keyset<Source> NEWEST_FIRST = Keyset.byId("sources", "s.id", true, Source::key);

	static final Keyset<Source> OLDEST_FIRST = Keyset.byId("customerSources", "s.id", false, Source::key);

	private final SourceRepository repository;

	private final QueryLimits limits;

	SourceController(BatchLoaderRegistry registry, SourceRepository repository, QueryLimits limits) {
		this.repository = repository;
		this.limits = limits;
		registry.forTypePair(Long.class, Source.class)
			.registerMappedBatchLoader((keys, environment) -> Mono
				.fromCallable(() -> repository.findByKeys(Caller.of(environment).partition(), keys)));
		registry.<CustomerPage, List<Source>>forName(SOURCES_OF_CUSTOMER)
			.registerMappedBatchLoader(
					(keys, environment) -> Mono.fromCallable(() -> loadPages(Caller.of(environment), keys)));
		registry.<Long, Integer>forName(SOURCE_COUNT_OF_CUSTOMER)
			.registerMappedBatchLoader((customerKeys, environment) -> Mono
				.fromCallable(() -> repository.countByCustomers(Caller.of(environment).partition(), customerKeys)));
	}

	@Bean
	static NodeType sourceNode() {
		return new NodeType(Source.TYPE, Source.class);
	}

	/**
	 * {@code customer(id:) { defaultSource … }} reads the source with the customer row.
	 */
	@Bean
	static CustomerJoin customerDefaultSource() {
		return new CustomerDefaultSourceJoin();
	}

	/**
	 * {@code customers { nodes { sources … } }} reads the page's sources with the page.
	 */
	@Bean
	static CustomerPagePrefetch customerPageSources(SourceRepository repository, QueryLimits limits) {
		return new CustomerSourcesPrefetch(repository, limits);
	}

	@QueryMapping
	CompletableFuture<@Nullable Source> source(@Argument String id, DataLoader<Long, Source> sources) {
		return sources.load(GlobalId.keyOf(id, Source.TYPE));
	}

	/**
	 * Federation's {@code _entities} for sources: all representations of one request in
	 * one load.
	 */
	@EntityMapping(name = Source.TYPE)
	CompletableFuture<List<@Nullable Source>> sourceEntities(@Argument List<String> idList,
			DataLoader<Long, Source> sources) {
		return sources.loadMany(idList.stream().map((id) -> GlobalId.keyOf(id, Source.TYPE)).toList());
	}

	@QueryMapping
	Connection<Source> sources(@Argument @Nullable Integer first, @Argument @Nullable Integer offset,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable SourceFilter filter, @ContextValue Caller caller) {
		PageRequest page = this.limits.page(first, offset, after, last, before);
		SourceFilter criteria = (filter != null) ? filter : SourceFilter.NONE;
		List<Source> rows = this.repository.findPage(caller.partition(), criteria, NEWEST_FIRST, page);
		return NEWEST_FIRST.connection(rows, page, caller.partition(),
				TotalCount.of(() -> this.repository.count(caller.partition(), criteria)));
	}

	@SchemaMapping(typeName = Source.TYPE)
	CompletableFuture<@Nullable Customer> customer(Source source, DataLoader<Long, Customer> customers) {
		Long key = source.customerKey();
		return (key != null) ? customers.load(key) : CompletableFuture.completedFuture(null);
	}

	/**
	 * The fields every customer of a page resolves, as plain data fetchers: an annotated
	 * method costs an invocable handler, argument binding and reflection per call.
	 */
	@Bean
	RuntimeWiringConfigurer customerSourceFields() {
		return (wiring) -> wiring.type(Customer.TYPE, (type) -> type.dataFetcher(SOURCES, RowField.of(this::sources))
			.dataFetcher(DEFAULT_SOURCE, RowField.of(this::defaultSource)));
	}

	private CompletableFuture<Connection<Source>> sources(DataFetchingEnvironment environment) {
		Customer customer = environment.getSource();
		PageRequest page = this.limits.page(environment.getArgument("first"), environment.getArgument("after"),
				environment.getArgument("last"), environment.getArgument("before"));
		Partition partition = Caller.of(environment).partition();
		DataLoader<Long, Integer> counts = environment.getDataLoader(SOURCE_COUNT_OF_CUSTOMER);
		return rowsOf(customer, page, environment).thenApply((rows) -> OLDEST_FIRST.connection((rows != null)
				? rows.stream().map((row) -> row.withDefaultOf(customer.defaultSourceId())).toList() : List.of(), page,
				partition, () -> counts.load(customer.key())));
	}

	/**
	 * The customer's page of sources, read with its page of customers when that read this
	 * page, or else from one batch for all the customers that ask.
	 */
	private static CompletableFuture<@Nullable List<Source>> rowsOf(Customer customer, PageRequest page,
			DataFetchingEnvironment environment) {
		if (customer.prefetched().get(SOURCES) instanceof CustomerSourcesPrefetch.SourcePage prefetched
				&& prefetched.page().equals(page)) {
			return CompletableFuture.completedFuture(prefetched.rows());
		}
		return environment.<CustomerPage, List<Source>>getDataLoader(SOURCES_OF_CUSTOMER)
			.load(new CustomerPage(customer.key(), page,
					SourceColumn.selectedBy(SelectedFields.of(environment, "nodes", "edges/node"))));
	}

	private CompletableFuture<@Nullable Source> defaultSource(DataFetchingEnvironment environment) {
		Customer customer = environment.getSource();
		if (customer.hasPrefetched(DEFAULT_SOURCE)) {
			return CompletableFuture.completedFuture((Source) customer.prefetched().get(DEFAULT_SOURCE));
		}
		Long key = customer.defaultSourceId();
		return (key != null) ? environment.<Long, Source>getDataLoader(Source.class.getName()).load(key)
				: CompletableFuture.completedFuture(null);
	}

	/**
	 * Groups the batch by page arguments (usually one group) and runs one statement per
	 * group, with every column any read of the group selects.
	 */
	private Map<CustomerPage, List<Source>> loadPages(Caller caller, Set<CustomerPage> keys) {
		Map<PageRequest, List<CustomerPage>> byPage = keys.stream().collect(Collectors.groupingBy(CustomerPage::page));
		Map<CustomerPage, List<Source>> pages = new HashMap<>();
		byPage.forEach((page, reads) -> {
			Set<SourceColumn> columns = EnumSet.noneOf(SourceColumn.class);
			reads.forEach((read) -> columns.addAll(read.columns()));
			Map<Long, List<Source>> rows = this.repository.findPagesByCustomers(caller.partition(),
					reads.stream().map(CustomerPage::customerKey).distinct().toList(), OLDEST_FIRST, page, columns);
			reads.forEach((read) -> pages.put(read, rows.getOrDefault(read.customerKey(), List.of())));
		});
		return pages;
	}

	/**
	 * The key of a customer's page of sources: which customer, which page, which columns.
	 * A read of the same page with another selection is another key, so the DataLoader's
	 * cache never answers it with rows that lack its columns.
	 */
	record CustomerPage(long customerKey, PageRequest page, Set<SourceColumn> columns) {
	}

}
