package dev.customergraph.address;

import java.time.OffsetDateTime;

import dev.customergraph.graph.GlobalId;
import org.jspecify.annotations.Nullable;

/** One of a customer's addresses. {@code key} is the row id; {@code id} the global id. */
public record Address(long key, long customerKey, @Nullable String firstName, @Nullable String lastName,
		@Nullable String company, @Nullable String phone, @Nullable String line1, @Nullable String line2,
		@Nullable String city, @Nullable String regionCode, @Nullable String regionName, @Nullable String postalCode,
		@Nullable String countryCode, @Nullable Double latitude, @Nullable Double longitude, boolean isDefaultShipping,
		boolean isDefaultBilling, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

	public static final String TYPE = "Address";

	public String id() {
		return new GlobalId(TYPE, this.key).encode();
	}

	public @Nullable Country country() {
		return (this.countryCode != null) ? Country.of(this.countryCode) : null;
	}

	public @Nullable Region region() {
		return (this.regionCode != null || this.regionName != null) ? new Region(this.regionCode, this.regionName)
				: null;
	}

	/** This address with its default flags as its customer's row has them. */
	Address withDefaultsOf(@Nullable Long shippingKey, @Nullable Long billingKey) {
		return new Address(this.key, this.customerKey, this.firstName, this.lastName, this.company, this.phone,
				this.line1, this.line2, this.city, this.regionCode, this.regionName, this.postalCode, this.countryCode,
				this.latitude, this.longitude, Long.valueOf(this.key).equals(shippingKey),
				Long.valueOf(this.key).equals(billingKey), this.createdAt, this.updatedAt);
	}

}
