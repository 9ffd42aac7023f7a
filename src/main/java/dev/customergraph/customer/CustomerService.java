package dev.customergraph.customer;

import java.util.List;

import dev.customergraph.event.ChangeEvent;
import dev.customergraph.event.EventOutbox;
import dev.customergraph.event.EventType;
import dev.customergraph.graph.GlobalId;
import dev.customergraph.mutation.IdempotencyKeys;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.InputValidator;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;

/**
 * The customer mutations, each one write transaction: validate, lock the customer row,
 * write, count the change, record its event, read the result back. Any user error rolls
 * the whole transaction back, events included.
 */
@Service
@WriteTransaction
class CustomerService {

	private static final String CREATE = "createCustomer";

	/**
	 * The source feature's node type, which depends on this package and not the reverse.
	 */
	private static final String SOURCE_TYPE = "Source";

	private final CustomerWriteRepository writes;

	private final CustomerChanges changes;

	private final InitialAddresses initialAddresses;

	private final IdempotencyKeys idempotencyKeys;

	private final InputValidator validator;

	private final EventOutbox events;

	private final List<CustomerErasure> features;

	CustomerService(CustomerWriteRepository writes, CustomerChanges changes, InitialAddresses initialAddresses,
			IdempotencyKeys idempotencyKeys, InputValidator validator, EventOutbox events,
			List<CustomerErasure> features) {
		this.writes = writes;
		this.changes = changes;
		this.initialAddresses = initialAddresses;
		this.idempotencyKeys = idempotencyKeys;
		this.validator = validator;
		this.events = events;
		this.features = features;
	}

	/**
	 * Creates the customer with its tags and addresses. With an idempotency key, a retry
	 * gets the customer the first request created, as it is now (null if it was deleted
	 * since).
	 */
	@Nullable Customer create(Partition partition, CreateCustomerInput input) {
		this.validator.validate(input);
		@Nullable Long groupKey = (input.groupId() != null) ? groupKey(input.groupId()) : null;
		long customerKey = this.idempotencyKeys.once(partition, CREATE, input.idempotencyKey(), input,
				() -> insert(partition, input, groupKey));
		return this.changes.find(partition, customerKey);
	}

	@Nullable Customer update(Partition partition, UpdateCustomerInput input) {
		this.validator.validate(input);
		long customerKey = InputIds.keyOf(input.id(), Customer.TYPE, "id");
		Customer before = this.changes.lockWhole(partition, customerKey, "id");
		int version = before.version();
		Integer expected = input.expectedVersion();
		if (expected != null && expected != version) {
			throw new UserErrorException(UserErrorCode.CONFLICT, "The customer is at version " + version + ", not "
					+ expected + "; read it again and reapply the change.", "expectedVersion");
		}
		if (!input.defaultSourceId().isOmitted()) {
			setDefaultSource(partition, customerKey, input.defaultSourceId().value());
		}
		this.writes.update(partition, customerKey, input, groupKeyOf(input.groupId()));
		if (!input.tags().isOmitted()) {
			List<String> tags = input.tags().value();
			this.writes.replaceTags(partition, customerKey,
					CustomerRules.normalizeTags((tags != null) ? tags : List.of()));
		}
		return updated(partition, before);
	}

	/**
	 * Deletes the customer, erased or not, and returns its global id: its addresses and
	 * photo go, its sources are detached and stay.
	 */
	String delete(Partition partition, String id) {
		long customerKey = InputIds.keyOf(id, Customer.TYPE, "id");
		int lastVersion = this.changes.lockForDelete(partition, customerKey, "id");
		this.features.forEach((feature) -> feature.erase(partition, customerKey));
		this.writes.delete(partition, customerKey);
		this.events.record(partition, ChangeEvent.deleted(customerKey, lastVersion));
		return new GlobalId(Customer.TYPE, customerKey).encode();
	}

	@Nullable Customer addTags(Partition partition, CustomerTagsInput input) {
		Customer before = lockForTags(partition, input);
		long customerKey = before.key();
		this.writes.addTags(partition, customerKey, CustomerRules.normalizeTags(input.tags()));
		if (this.writes.countTags(partition, customerKey) > CustomerRules.MAX_TAGS) {
			throw new UserErrorException(UserErrorCode.LIMIT_EXCEEDED,
					"A customer has at most " + CustomerRules.MAX_TAGS + " tags.", "tags");
		}
		this.changes.recordChange(partition, customerKey);
		return updated(partition, before);
	}

	@Nullable Customer removeTags(Partition partition, CustomerTagsInput input) {
		Customer before = lockForTags(partition, input);
		this.writes.removeTags(partition, before.key(), CustomerRules.normalizeTags(input.tags()));
		this.changes.recordChange(partition, before.key());
		return updated(partition, before);
	}

	private long insert(Partition partition, CreateCustomerInput input, @Nullable Long groupKey) {
		long customerKey = this.writes.insert(partition, input, groupKey);
		this.events.record(partition, ChangeEvent.of(EventType.CUSTOMER_CREATED, customerKey));
		this.writes.addTags(partition, customerKey, CustomerRules.normalizeTags(input.tags()));
		this.initialAddresses.add(partition, customerKey, input.addresses());
		return customerKey;
	}

	/**
	 * Before anything else is written, so that a source that is not the customer's own
	 * leaves the whole update unapplied.
	 */
	private void setDefaultSource(Partition partition, long customerKey, @Nullable String sourceId) {
		if (sourceId == null) {
			this.changes.clearDefaultSource(partition, customerKey);
		}
		else if (!this.changes.setDefaultSource(partition, customerKey,
				InputIds.keyOf(sourceId, SOURCE_TYPE, "defaultSourceId"))) {
			throw new UserErrorException(UserErrorCode.NOT_FOUND, "The customer has no source with this id.",
					"defaultSourceId");
		}
	}

	/**
	 * The row key of a group the input names, or null to take the customer out of its
	 * group; whether the group exists in the partition its foreign key tells, as the row
	 * is written.
	 */
	private static ArgumentValue<Long> groupKeyOf(ArgumentValue<String> groupId) {
		if (groupId.isOmitted()) {
			return ArgumentValue.omitted();
		}
		String id = groupId.value();
		return ArgumentValue.ofNullable((id != null) ? groupKey(id) : null);
	}

	private static long groupKey(String groupId) {
		return InputIds.keyOf(groupId, CustomerFilter.GROUP_TYPE, "groupId");
	}

	private Customer lockForTags(Partition partition, CustomerTagsInput input) {
		this.validator.validate(input);
		return this.changes.lockWhole(partition, InputIds.keyOf(input.id(), Customer.TYPE, "id"), "id");
	}

	/**
	 * Reads the changed customer back for the payload, and records which of its fields
	 * the change changed.
	 */
	private @Nullable Customer updated(Partition partition, Customer before) {
		Customer after = this.changes.find(partition, before.key());
		this.events.record(partition, ChangeEvent.updated(before.key(), CustomerChangedFields.between(before, after)));
		return after;
	}

}
