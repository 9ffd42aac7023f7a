package dev.customergraph.tenancy;

/**
 * The slice of data one API key sees: a tenant in one mode. Every repository method takes
 * it first, so a statement without a tenant does not compile.
 *
 * @param tenantId the tenant's row id
 * @param livemode live data ({@code sk_live_} keys) or test data ({@code sk_test_} keys)
 */
public record Partition(int tenantId, boolean livemode) {

}
