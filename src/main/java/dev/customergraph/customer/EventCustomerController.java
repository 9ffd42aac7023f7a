package dev.customergraph.customer;

import java.util.concurrent.CompletableFuture;

import dev.customergraph.event.Event;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code customer} of every kind of change event, as it is now (null once deleted),
 * batched by the customer-by-key loader: one statement for a page of events.
 */
@Controller
class EventCustomerController {

	@SchemaMapping(typeName = "CustomerEvent", field = "customer")
	CompletableFuture<@Nullable Customer> customerOfCustomerEvent(Event event, DataLoader<Long, Customer> customers) {
		return customerOf(event, customers);
	}

	@SchemaMapping(typeName = "AddressEvent", field = "customer")
	CompletableFuture<@Nullable Customer> customerOfAddressEvent(Event event, DataLoader<Long, Customer> customers) {
		return customerOf(event, customers);
	}

	@SchemaMapping(typeName = "SourceEvent", field = "customer")
	CompletableFuture<@Nullable Customer> customerOfSourceEvent(Event event, DataLoader<Long, Customer> customers) {
		return customerOf(event, customers);
	}

	private static CompletableFuture<@Nullable Customer> customerOf(Event event, DataLoader<Long, Customer> customers) {
		Long key = event.customerKey();
		return (key != null) ? customers.load(key) : CompletableFuture.completedFuture(null);
	}

}
