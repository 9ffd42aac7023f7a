package dev.customergraph.address;

import java.util.concurrent.CompletableFuture;

import dev.customergraph.event.Event;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code address} of an address event, as it is now (null once deleted), batched by
 * the address-by-key loader.
 */
@Controller
class EventAddressController {

	@SchemaMapping(typeName = "AddressEvent", field = "address")
	CompletableFuture<@Nullable Address> address(Event event, DataLoader<Long, Address> addresses) {
		Long key = event.entityKey();
		return (key != null) ? addresses.load(key) : CompletableFuture.completedFuture(null);
	}

}
