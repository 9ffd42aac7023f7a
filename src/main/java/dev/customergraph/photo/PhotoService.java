package dev.customergraph.photo;

import java.util.List;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerChanges;
import dev.customergraph.event.ChangeEvent;
import dev.customergraph.event.EventOutbox;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The photo mutations, each one write transaction under the customer's row lock: write
 * the photo, count the change to the customer (version + 1, {@code updatedAt} now), read
 * the customer back. The image was checked before, outside the transaction, so no lock or
 * connection is held while it decodes.
 */
@Service
@WriteTransaction
class PhotoService {

	/** The field of Customer a photo is, as CUSTOMER_UPDATED names it. */
	private static final String PHOTO_FIELD = "photo";

	private final PhotoWriteRepository writes;

	private final CustomerChanges customers;

	private final EventOutbox events;

	PhotoService(PhotoWriteRepository writes, CustomerChanges customers, EventOutbox events) {
		this.writes = writes;
		this.customers = customers;
		this.events = events;
	}

	@Nullable Customer set(Partition partition, long customerKey, PhotoImage image) {
		this.customers.lock(partition, customerKey, "customerId");
		this.writes.replace(partition, customerKey, image);
		return changed(partition, customerKey);
	}

	@Nullable Customer remove(Partition partition, long customerKey) {
		this.customers.lock(partition, customerKey, "customerId");
		if (!this.writes.delete(partition, customerKey)) {
			throw new UserErrorException(UserErrorCode.NOT_FOUND, "The customer has no photo.", "customerId");
		}
		return changed(partition, customerKey);
	}

	/** Counts the change and records it as a change of the customer's field photo. */
	private @Nullable Customer changed(Partition partition, long customerKey) {
		this.customers.recordChange(partition, customerKey);
		this.events.record(partition, ChangeEvent.updated(customerKey, List.of(PHOTO_FIELD)));
		return this.customers.find(partition, customerKey);
	}

}
