package dev.customergraph.source;

import dev.customergraph.mutation.JsonObject;
import dev.customergraph.mutation.MaxJsonSize;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The input of {@code createSource}. Lengths match the columns. */
record CreateSourceInput(SourceType type, @NotBlank @Size(max = 64) String provider,
		@Size(max = 255) @Nullable String providerReference, @Size(max = 100) @Nullable String label,
		@Size(max = 32) @Nullable String brand,
		@Pattern(regexp = "[0-9]{4}", message = "must be the last four digits") @Nullable String last4,
		@Min(1) @Max(12) @Nullable Integer expiryMonth, @Min(2000) @Max(2199) @Nullable Integer expiryYear,
		@JsonObject @MaxJsonSize(bytes = MaxJsonSize.METADATA_BYTES) @Nullable Object metadata,
		@Nullable String customerId, @Size(min = 1, max = 255) @Nullable String idempotencyKey) {

}
