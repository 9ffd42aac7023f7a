package dev.customergraph.address;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many addresses a customer may have ({@code gateway.limits.addresses-per-customer},
 * default 3). The read side loads all of a customer's addresses at once, which this
 * bounds.
 */
@ConfigurationProperties("gateway.limits")
record AddressLimits(@DefaultValue("3") int addressesPerCustomer) {

}
