package dev.customergraph.source;

import java.util.List;
import java.util.Objects;

import dev.customergraph.customer.Customer;
import dev.customergraph.customer.CustomerChanges;
import dev.customergraph.event.ChangeEvent;
import dev.customergraph.event.EventOutbox;
import dev.customergraph.event.EventType;
import dev.customergraph.mutation.IdempotencyKeys;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.InputValidator;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.source.SourcePayloads.SourceAttachmentPayload;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The source mutations. Attaching and detaching lock the customer's row, then the
 * source's, always in that order, so a source is attached to at most one customer however
 * many requests race, and the customer's default source is always one of its own.
 */
@Service
@WriteTransaction
class SourceService {

	private static final String CREATE = "createSource";

	private final SourceWriteRepository writes;

	private final SourceRepository sources;

	private final CustomerChanges customers;

	private final IdempotencyKeys idempotencyKeys;

	private final InputValidator validator;

	private final EventOutbox events;

	SourceService(SourceWriteRepository writes, SourceRepository sources, CustomerChanges customers,
			IdempotencyKeys idempotencyKeys, InputValidator validator, EventOutbox events) {
		this.writes = writes;
		this.sources = sources;
		this.customers = customers;
		this.idempotencyKeys = idempotencyKeys;
		this.validator = validator;
		this.events = events;
	}

	/**
	 * Creates the source, attached when the input names a customer. With an idempotency
	 * key, a retry gets the source the first request created, as it is now.
	 */
	@Nullable Source create(Partition partition, CreateSourceInput input) {
		this.validator.validate(input);
		@Nullable Long customerKey = (input.customerId() != null)
				? InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId") : null;
		long sourceKey = this.idempotencyKeys.once(partition, CREATE, input.idempotencyKey(), input,
				() -> insert(partition, customerKey, input));
		return find(partition, sourceKey);
	}

	SourceAttachmentPayload attach(Partition partition, SourceAttachmentInput input) {
		long customerKey = InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId");
		long sourceKey = InputIds.keyOf(input.sourceId(), Source.TYPE, "sourceId");
		this.customers.lock(partition, customerKey, "customerId");
		Long owner = lockSource(partition, sourceKey).customerKey();
		if (owner != null && owner != customerKey) {
			throw new UserErrorException(UserErrorCode.CONFLICT,
					"This source is attached to another customer; detach it there first.", "sourceId");
		}
		this.writes.attach(partition, sourceKey, customerKey);
		if (input.makeDefault()) {
			this.customers.setDefaultSource(partition, customerKey, sourceKey);
		}
		return changed(partition, EventType.SOURCE_ATTACHED, customerKey, sourceKey);
	}

	SourceAttachmentPayload detach(Partition partition, SourceAttachmentInput input) {
		long customerKey = InputIds.keyOf(input.customerId(), Customer.TYPE, "customerId");
		long sourceKey = InputIds.keyOf(input.sourceId(), Source.TYPE, "sourceId");
		this.customers.lock(partition, customerKey, "customerId");
		if (!Objects.equals(lockSource(partition, sourceKey).customerKey(), customerKey)) {
			throw new UserErrorException(UserErrorCode.NOT_FOUND, "This source is not attached to this customer.",
					"sourceId");
		}
		this.customers.clearDefaultSource(partition, customerKey, sourceKey);
		this.writes.attach(partition, sourceKey, null);
		return changed(partition, EventType.SOURCE_DETACHED, customerKey, sourceKey);
	}

	/**
	 * Inserts the source, attached to the customer (locked first, and counted as its
	 * change) if one is named.
	 */
	private long insert(Partition partition, @Nullable Long customerKey, CreateSourceInput input) {
		if (customerKey != null) {
			this.customers.lock(partition, customerKey, "customerId");
		}
		long sourceKey = this.writes.insert(partition, customerKey, input);
		if (customerKey != null) {
			this.customers.recordChange(partition, customerKey);
		}
		this.events.record(partition, ChangeEvent.about(EventType.SOURCE_CREATED, customerKey, sourceKey));
		return sourceKey;
	}

	private SourceWriteRepository.Attachment lockSource(Partition partition, long sourceKey) {
		return this.writes.lock(partition, sourceKey)
			.orElseThrow(() -> new UserErrorException(UserErrorCode.NOT_FOUND, "No source has this id.", "sourceId"));
	}

	private SourceAttachmentPayload changed(Partition partition, EventType type, long customerKey, long sourceKey) {
		this.customers.recordChange(partition, customerKey);
		this.events.record(partition, ChangeEvent.about(type, customerKey, sourceKey));
		return new SourceAttachmentPayload(find(partition, sourceKey), this.customers.find(partition, customerKey),
				List.of());
	}

	private @Nullable Source find(Partition partition, long sourceKey) {
		return this.sources.findByKeys(partition, List.of(sourceKey)).get(sourceKey);
	}

}
