package dev.customergraph.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.customergraph.graph.GlobalId;
import dev.customergraph.graph.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The {@code customers(filter:)} argument; every condition present must hold. */
public record CustomerFilter(@Nullable List<String> ids, @Nullable String email, @Nullable String search,
		@Nullable List<String> tags, @Nullable CustomerType type, @Nullable Boolean enabled,
		@Nullable String countryCode, @Nullable Boolean requestToBeForgotten, @Nullable OffsetDateTime createdAfter,
		@Nullable OffsetDateTime createdBefore, @Nullable OffsetDateTime updatedAfter,
		@Nullable String paymentProviderReference, @Nullable List<String> groupIds, @Nullable Boolean erased) {

	/**
	 * The group feature's node type, which depends on this package and not the reverse.
	 */
	static final String GROUP_TYPE = "CustomerGroup";

	static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null, null, null,
			null, null, null, null);

	/** Checks the formats the schema cannot express; returns this filter. */
	CustomerFilter validated() {
		// A blank prefix would match every customer; a client that means all omits
		// search.
		if (this.search != null && this.search.isBlank()) {
			throw new InvalidInputException(
					"'filter.search' must not be empty or blank; omit it to match every customer.");
		}
		if (this.countryCode != null && !this.countryCode.matches("[A-Za-z]{2}")) {
			throw new InvalidInputException("'filter.countryCode' must be an ISO 3166-1 alpha-2 code such as DE.");
		}
		if (this.paymentProviderReference != null) {
			CustomerPaymentProviders.checked("filter.paymentProviderReference", this.paymentProviderReference,
					CustomerPaymentProviders.MAX_REFERENCE);
		}
		return this;
	}

	/** Whether {@code search} is present and the only condition. */
	boolean searchesOnly() {
		return this.search != null && Stream
			.of(this.ids, this.email, this.tags, this.type, this.enabled, this.countryCode, this.requestToBeForgotten,
					this.createdAfter, this.createdBefore, this.updatedAfter, this.paymentProviderReference,
					this.groupIds, this.erased)
			.allMatch(Objects::isNull);
	}

	/** The row keys of {@code ids}, each of which must be a Customer id. */
	@Nullable List<Long> idKeys() {
		return (this.ids != null) ? this.ids.stream().map((id) -> GlobalId.keyOf(id, Customer.TYPE)).toList() : null;
	}

	/** The row keys of {@code groupIds}, each of which must be a CustomerGroup id. */
	@Nullable List<Long> groupKeys() {
		return (this.groupIds != null) ? this.groupIds.stream().map((id) -> GlobalId.keyOf(id, GROUP_TYPE)).toList()
				: null;
	}

}
