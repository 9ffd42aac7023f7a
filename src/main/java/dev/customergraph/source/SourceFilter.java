package dev.customergraph.source;

import dev.customergraph.customer.Customer;
import dev.customergraph.graph.GlobalId;
import org.jspecify.annotations.Nullable;

/** The {@code sources(filter:)} argument; every condition present must hold. */
public record SourceFilter(@Nullable String customerId, @Nullable String provider, @Nullable Boolean attached) {

	static final SourceFilter NONE = new SourceFilter(null, null, null);

	@Nullable Long customerKey() {
		return (this.customerId != null) ? GlobalId.keyOf(this.customerId, Customer.TYPE) : null;
	}

}
