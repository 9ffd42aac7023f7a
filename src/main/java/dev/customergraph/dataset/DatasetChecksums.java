package dev.customergraph.dataset;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counts the dataset specification fixes for a tenant's test mode, computed with SQL,
 * so two loaders can be compared.
 */
public record DatasetChecksums(long customers, long addresses, long sources, long emailsStartingWithA, long taggedVip,
		long addressesInGermany, long requestToBeForgotten) {

	static DatasetChecksums compute(JdbcClient jdbc, int tenantId) {
		return jdbc
			.sql("""
					SELECT
					  (SELECT COUNT(*) FROM customer WHERE tenant_id = :t AND livemode = FALSE) AS customers,
					  (SELECT COUNT(*) FROM address WHERE tenant_id = :t AND livemode = FALSE) AS addresses,
					  (SELECT COUNT(*) FROM source WHERE tenant_id = :t AND livemode = FALSE) AS sources,
					  (SELECT COUNT(*) FROM customer WHERE tenant_id = :t AND livemode = FALSE AND email LIKE 'a%') AS emails_starting_with_a,
					  (SELECT COUNT(*) FROM customer_tag WHERE tenant_id = :t AND livemode = FALSE AND tag = 'vip') AS tagged_vip,
					  (SELECT COUNT(*) FROM address WHERE tenant_id = :t AND livemode = FALSE AND country_code = 'DE') AS addresses_in_germany,
					  (SELECT COUNT(*) FROM customer WHERE tenant_id = :t AND livemode = FALSE AND request_to_be_forgotten) AS request_to_be_forgotten
					""")
			.param("t", tenantId)
			.query(DatasetChecksums.class)
			.single();
	}

	@Override
	public String toString() {
		return String.format("""
				customers               %,d
				addresses               %,d
				sources                 %,d
				email starts with 'a'   %,d
				tag 'vip'               %,d
				addresses in DE         %,d
				request_to_be_forgotten %,d""", this.customers, this.addresses, this.sources, this.emailsStartingWithA,
				this.taggedVip, this.addressesInGermany, this.requestToBeForgotten);
	}

}
