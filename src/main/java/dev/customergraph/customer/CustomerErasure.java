package dev.customergraph.customer;

import dev.customergraph.tenancy.Partition;

/**
 * What another feature keeps of a customer and gives up when the customer is erased or
 * deleted: the address feature deletes its addresses, the photo feature its photo, the
 * source feature detaches its sources (which stay, with their payment history). The
 * features implement it, so this one does not depend on them; each runs in the
 * transaction that erases or deletes, under the customer's row lock, and records no event
 * of its own (the customer's event covers it).
 */
public interface CustomerErasure {

	void erase(Partition partition, long customerKey);

}
