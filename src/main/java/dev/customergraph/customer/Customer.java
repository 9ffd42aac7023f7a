package dev.customergraph.customer;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.customergraph.graph.GlobalId;
import org.jspecify.annotations.Nullable;

/**
 * A customer as the graph shows it. {@code key} is the row id; {@code id} the global id.
 * The default address and source ids point at the customer's own rows. A read fills only
 * the fields its selection needs (the others are null, false or 0 and never shown);
 * {@code prefetched} holds the nested fields a point lookup read with the row
 * ({@link CustomerJoin}, a list for a list field, else the object or null) or a page read
 * for all its customers ({@link CustomerPagePrefetch}), by field name. {@code groupKey}
 * is the row key of the customer's group, null when it is in none (the groups are the
 * group feature's). {@code erasedAt} is when its personal data was erased on request,
 * null for every customer that was not.
 */
public record Customer(long key, String email, @Nullable String firstName, @Nullable String lastName,
		@Nullable String phone, @Nullable String locale, CustomerType type, boolean enabled, @Nullable String code,
		List<String> tags, @Nullable String vatNumber, boolean acceptsMarketing, @Nullable String avatarUrl,
		@Nullable Map<String, Object> metadata, List<PaymentProviderRef> paymentProviders, boolean requestToBeForgotten,
		boolean livemode, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		@Nullable Long defaultShippingAddressId, @Nullable Long defaultBillingAddressId, @Nullable Long defaultSourceId,
		Map<String, @Nullable Object> prefetched, @Nullable Long groupKey, @Nullable OffsetDateTime erasedAt) {

	public static final String TYPE = "Customer";

	public String id() {
		return new GlobalId(TYPE, this.key).encode();
	}

	/**
	 * Whether the row's read brought this nested field along; its value is then
	 * {@code prefetched().get(field)}.
	 */
	public boolean hasPrefetched(String field) {
		return this.prefetched.containsKey(field);
	}

	/** The same customer with its values of these page reads prefetched too. */
	Customer withPrefetched(List<CustomerPagePrefetch.Prefetched> reads) {
		Map<String, @Nullable Object> all = new HashMap<>(this.prefetched);
		reads.forEach((read) -> all.put(read.field(), read.values().get(this.key)));
		return new Customer(this.key, this.email, this.firstName, this.lastName, this.phone, this.locale, this.type,
				this.enabled, this.code, this.tags, this.vatNumber, this.acceptsMarketing, this.avatarUrl,
				this.metadata, this.paymentProviders, this.requestToBeForgotten, this.livemode, this.version,
				this.createdAt, this.updatedAt, this.defaultShippingAddressId, this.defaultBillingAddressId,
				this.defaultSourceId, all, this.groupKey, this.erasedAt);
	}

	/** "first last", or the email when both are empty. */
	public String displayName() {
		String name = ((this.firstName != null ? this.firstName : "") + " "
				+ (this.lastName != null ? this.lastName : ""))
			.trim();
		return name.isEmpty() ? this.email : name;
	}

}
