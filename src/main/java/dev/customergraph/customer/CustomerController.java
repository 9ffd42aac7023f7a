package dev.customergraph.customer;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.customergraph.customer.CustomerLoaders.SelectedCustomer;
import dev.customergraph.customer.CustomerRepository.UniqueColumn;
import dev.customergraph.graph.Connection;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.Keyset;
import dev.customergraph.graph.PageRequest;
import dev.customergraph.graph.QueryLimits;
import dev.customergraph.graph.SelectedFields;
import dev.customergraph.graph.TotalCount;
import dev.customergraph.tenancy.Caller;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import java.util.concurrent.CompletableFuture;

import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The customer root fields: {@code customer}, {@code customerByEmail},
 * {@code customerByCode}, {@code customers}, {@code customerByPaymentProviderReference};
 * and customers as federation entities.
 */
@Controller
class CustomerController {

	private final CustomerRepository repository;

	private final QueryLimits limits;

	private final List<CustomerPagePrefetch> prefetches;

	CustomerController(CustomerRepository repository, QueryLimits limits, List<CustomerPagePrefetch> prefetches) {
		this.repository = repository;
		this.limits = limits;
		this.prefetches = prefetches;
	}

	@QueryMapping
	CompletableFuture<@Nullable Customer> customer(@Argument String id, DataFetchingEnvironment environment) {
		// By name: a DataLoader parameter would resolve to the by-key loader of Customer.
		DataLoader<SelectedCustomer, Customer> loader = environment.getDataLoader(CustomerLoaders.SELECTED_CUSTOMERS);
		return loader.load(new SelectedCustomer(GlobalId.keyOf(id, Customer.TYPE),
				CustomerColumn.selectedBy(environment, ""), nestedOf(environment)));
	}

	/**
	 * Federation's {@code _entities} for customers: all representations of one request in
	 * one load.
	 */
	@EntityMapping(name = Customer.TYPE)
	CompletableFuture<List<@Nullable Customer>> customerEntities(@Argument List<String> idList,
			DataLoader<Long, Customer> customers) {
		return customers.loadMany(idList.stream().map((id) -> GlobalId.keyOf(id, Customer.TYPE)).toList());
	}

	@QueryMapping
	@Nullable Customer customerByEmail(@Argument String email, DataFetchingEnvironment environment, @ContextValue Caller caller) {
		return findByUnique(UniqueColumn.EMAIL, email, environment, caller);
	}

	@QueryMapping
	@Nullable Customer customerByCode(@Argument String code, DataFetchingEnvironment environment, @ContextValue Caller caller) {
		return findByUnique(UniqueColumn.CODE, code, environment, caller);
	}

	private @Nullable Customer findByUnique(UniqueColumn column, String value, DataFetchingEnvironment environment,
			Caller caller) {
		return this.repository
			.findByUnique(caller.partition(), column, value, CustomerColumn.selectedBy(environment, ""),
					nestedOf(environment))
			.orElse(null);
	}

	@QueryMapping
	@Nullable Customer customerByPaymentProviderReference(@Argument String provider, @Argument String reference,
			DataFetchingEnvironment environment, @ContextValue Caller caller) {
		return this.repository
			.findByPaymentProvider(caller.partition(),
					CustomerPaymentProviders.checked("provider", provider, CustomerPaymentProviders.MAX_PROVIDER),
					CustomerPaymentProviders.checked("reference", reference, CustomerPaymentProviders.MAX_REFERENCE),
					CustomerColumn.selectedBy(environment, ""), nestedOf(environment))
			.orElse(null);
	}

	@QueryMapping
	Connection<Customer> customers(@Argument @Nullable Integer first, @Argument @Nullable Integer offset,
			@Argument @Nullable String after, @Argument @Nullable Integer last, @Argument @Nullable String before,
			@Argument @Nullable CustomerFilter filter, @Argument @Nullable CustomerOrder orderBy,
			DataFetchingEnvironment environment, @ContextValue Caller caller) {
		PageRequest page = this.limits.page(first, offset, after, last, before);
		CustomerFilter criteria = (filter != null) ? filter.validated() : CustomerFilter.NONE;
		CustomerOrder order = (orderBy != null) ? orderBy : CustomerOrder.DEFAULT;
		CustomerPageSelection selection = new CustomerPageSelection(environment);
		// The cursors need the ordering's column whatever the nodes select.
		Set<CustomerColumn> columns = EnumSet.copyOf(order.column());
		columns.addAll(CustomerColumn.neededBy(selection.customerFields()));
		Keyset<Customer> keyset = order.keyset();
		List<Customer> rows = prefetched(this.repository.findPage(caller.partition(), criteria, order, page, columns),
				selection, caller);
		return keyset.connection(rows, page, caller.partition(),
				TotalCount.of(() -> this.repository.count(caller.partition(), criteria)));
	}

	/**
	 * The page's customers with the nested fields their selection asks for read for all
	 * of them, one statement per field.
	 */
	private List<Customer> prefetched(List<Customer> rows, CustomerPageSelection selection, Caller caller) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<CustomerPagePrefetch.Prefetched> reads = new ArrayList<>();
		for (CustomerPagePrefetch prefetch : this.prefetches) {
			if (prefetch.triggers().stream().anyMatch(selection.customerFields()::contains)) {
				CustomerPagePrefetch.Prefetched read = prefetch.prefetch(caller.partition(), rows, selection);
				if (read != null) {
					reads.add(read);
				}
			}
		}
		return reads.isEmpty() ? rows : rows.stream().map((customer) -> customer.withPrefetched(reads)).toList();
	}

	/**
	 * The selected nested fields a point lookup reads with the customer row, each with
	 * the fields selected of its objects.
	 */
	private Map<String, Set<String>> nestedOf(DataFetchingEnvironment environment) {
		Map<String, Set<String>> nested = new HashMap<>();
		for (CustomerJoin join : this.repository.joinable(SelectedFields.of(environment, ""))) {
			nested.put(join.field(), SelectedFields.of(environment, join.selectionPaths()));
		}
		return nested;
	}

}
