package dev.customergraph.photo;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerChanges;
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

	private final PhotoWriteRepository writes;

	private final CustomerChanges customers;

	PhotoService(PhotoWriteRepository writes, CustomerChanges customers) {
		this.writes = writes;
		this.customers = customers;
	}

	@Nullable Customer set(Partition partition, long customerKey, PhotoImage image) {
		this.customers.lock(partition, customerKey, "customerId");
		this.writes.replace(partition, customerKey, image);
		this.customers.recordChange(partition, customerKey);
		return this.customers.find(partition, customerKey);
	}

	@Nullable Customer remove(Partition partition, long customerKey) {
		this.customers.lock(partition, customerKey, "customerId");
		if (!this.writes.delete(partition, customerKey)) {
			throw new UserErrorException(UserErrorCode.NOT_FOUND, "The customer has no photo.", "customerId");
		}
		this.customers.recordChange(partition, customerKey);
		return this.customers.find(partition, customerKey);
	}

}
