package dev.customergraph.customer;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import dev.customergraph.event.ChangeEvent;
import dev.customergraph.event.EventOutbox;
import dev.customergraph.event.EventType;
import dev.customergraph.mutation.InputIds;
import dev.customergraph.mutation.UserErrorCode;
import dev.customergraph.mutation.UserErrorException;
import dev.customergraph.mutation.WriteTransaction;
import dev.customergraph.tenancy.Partition;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * {@code eraseCustomer}, a right-to-be-forgotten request, in one write transaction under
 * the customer's row lock: what the other features keep of the customer goes
 * ({@link CustomerErasure}: addresses and photo deleted, sources detached), the row's
 * personal data is replaced, and {@code CUSTOMER_ERASED} is recorded. Every other change
 * of the customer takes the same lock and refuses an erased customer, so a change racing
 * the erasure either comes first and is erased with the rest, or comes second and is a
 * {@code CONFLICT}.
 */
@Service
@WriteTransaction
class CustomerErasureService {

	/**
	 * The placeholder's domain: {@code .invalid} is reserved (RFC 2606), so no mail to it
	 * is ever delivered.
	 */
	private static final String PLACEHOLDER_DOMAIN = "@erased.invalid";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CustomerChanges changes;

	private final CustomerWriteRepository writes;

	private final List<CustomerErasure> features;

	private final EventOutbox events;

	CustomerErasureService(CustomerChanges changes, CustomerWriteRepository writes, List<CustomerErasure> features,
			EventOutbox events) {
		this.changes = changes;
		this.writes = writes;
		this.features = features;
		this.events = events;
	}

	/**
	 * Erases the customer and returns it as erased. An erased customer is returned as it
	 * is, with nothing written and no event, whatever {@code expectedVersion} says: the
	 * retry of an erasure that committed is not a conflict.
	 */
	@Nullable Customer erase(Partition partition, EraseCustomerInput input) {
		long customerKey = InputIds.keyOf(input.id(), Customer.TYPE, "id");
		Customer before = this.changes.lockWholeEvenErased(partition, customerKey, "id");
		if (before.erasedAt() != null) {
			return before;
		}
		Integer expected = input.expectedVersion();
		if (expected != null && expected != before.version()) {
			throw new UserErrorException(UserErrorCode.CONFLICT, "The customer is at version " + before.version()
					+ ", not " + expected + "; read it again before erasing it.", "expectedVersion");
		}
		this.features.forEach((feature) -> feature.erase(partition, customerKey));
		this.writes.erase(partition, customerKey, placeholderEmail(customerKey));
		this.events.record(partition, ChangeEvent.of(EventType.CUSTOMER_ERASED, customerKey));
		return this.changes.find(partition, customerKey);
	}

	/**
	 * An email no one receives, unique per customer by its id. The random part keeps
	 * anyone from taking the placeholder of a customer before it is erased (the unique
	 * key would then refuse the erasure), whatever spelling the collation equates with
	 * it.
	 */
	private static String placeholderEmail(long customerKey) {
		byte[] random = new byte[8];
		RANDOM.nextBytes(random);
		return "erased-" + customerKey + "-" + HexFormat.of().formatHex(random) + PLACEHOLDER_DOMAIN;
	}

	/** The input of {@code eraseCustomer}. */
	record EraseCustomerInput(String id, @Nullable Integer expectedVersion) {
	}

}
