package dev.customergraph.webhook;

import org.jspecify.annotations.Nullable;

/**
 * How one attempt to deliver an event ended.
 *
 * @param status the receiver's HTTP status; null when it gave none
 * @param error why there is no status, for the deliveries connection
 */
record DeliveryOutcome(@Nullable Integer status, @Nullable String error) {

	static final int MAX_ERROR_LENGTH = 200;

	static DeliveryOutcome answered(int status) {
		return new DeliveryOutcome(status, null);
	}

	static DeliveryOutcome failed(String error) {
		return new DeliveryOutcome(null,
				(error.length() > MAX_ERROR_LENGTH) ? error.substring(0, MAX_ERROR_LENGTH) : error);
	}

	boolean delivered() {
		return this.status != null && this.status >= 200 && this.status < 300;
	}

}
