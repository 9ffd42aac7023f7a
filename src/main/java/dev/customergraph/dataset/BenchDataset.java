package dev.customergraph.dataset;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The benchmark dataset: every row a formula of its index, no randomness, so any loader
 * that follows the same specification writes the same rows and the same checksums.
 */
final class BenchDataset {

	static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

	private static final String[] FIRST = { "Ada", "Ben", "Cleo", "Dan", "Eva", "Finn", "Gia", "Hugo", "Ines", "Jon",
			"Kira", "Leo", "Mia", "Nils", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vic", "Wen", "Xena",
			"Yuri", "Zoe", "Amir", "Bea", "Carl", "Dora", "Emil", "Fay", "Gus", "Hana", "Ivan", "Jade", "Karl", "Lena",
			"Max", "Nora" };

	private static final String[] LAST = { "Smith", "Jones", "Brown", "Garcia", "Muller", "Rossi", "Silva", "Kim",
			"Ivanova", "Dubois", "Novak", "Berg", "Costa", "Sato", "Khan", "Lopez", "Meyer", "Nagy", "Olsen", "Park",
			"Quist", "Rahman", "Schulz", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Young", "Zeller", "Abbott", "Baker",
			"Chen", "Diaz", "Evans" };

	private static final String[] COUNTRY = { "US", "DE", "FR", "GB", "ES", "IT", "NL", "SE", "JP", "BR", "CA", "AU",
			"IN", "MX", "CR", "AR" };

	private static final String[] CITY = { "Springfield", "Berlin", "Paris", "London", "Madrid", "Rome", "Amsterdam",
			"Stockholm", "Tokyo", "Sao Paulo", "Toronto", "Melbourne", "Mumbai", "Puebla", "San Jose", "Cordoba" };

	private static final String[] TAGS = { "vip", "wholesale", "staff", "newsletter", "b2b", "churn-risk", "beta",
			"loyal" };

	private static final String[] PROVIDER = { "stripe", "adyen", "paypal", "braintree" };

	private static final String[] BRAND = { "visa", "mastercard", "amex", "discover" };

	private static final String[] LOCALE = { "en_US", "de_DE", "fr_FR", "es_ES", "ja_JP" };

	private static final int[] ADDRESS_COUNT = { 0, 1, 2, 3, 1, 2 };

	private static final int[] SOURCE_COUNT = { 0, 1, 2, 1, 0, 4, 1, 0, 2, 1 };

	private BenchDataset() {
	}

	static CustomerRow customer(long i) {
		String first = at(FIRST, i);
		String last = at(LAST, i * 7);
		boolean business = i % 10 == 0;
		TreeSet<String> tags = new TreeSet<>();
		if (i % 5 != 0) {
			tags.add(at(TAGS, i));
			tags.add(at(TAGS, i * 3 + 1));
		}
		if (i % 97 == 0) {
			tags.add("vip");
		}
		LocalDateTime created = EPOCH.plusSeconds(i);
		return new CustomerRow(i, (first + "." + last + "." + i + "@example.test").toLowerCase(), first, last,
				(i % 3 == 0) ? "+1555" + pad(i % 10_000_000, 7) : null, at(LOCALE, i),
				business ? "BUSINESS" : "INDIVIDUAL", i % 50 != 0, (i % 4 == 0) ? "C" + pad(i, 8) : null,
				List.copyOf(tags), business ? "EU" + pad(i, 9) : null, i % 3 != 1,
				(i % 20 == 0) ? "{\"source\":\"bench\",\"i\":" + i + "}" : null, i % 1000 == 0, created,
				created.plusSeconds(i % 86_400));
	}

	/**
	 * Address j = 0 is the default shipping address, the last one the default billing
	 * address.
	 */
	static List<AddressRow> addresses(CustomerRow customer) {
		long i = customer.index();
		int count = ADDRESS_COUNT[(int) (i % ADDRESS_COUNT.length)];
		List<AddressRow> addresses = new ArrayList<>(count);
		for (int j = 0; j < count; j++) {
			addresses.add(new AddressRow(customer.firstName(), customer.lastName(), (i % 999 + 1 + j) + " Main Street",
					(j > 0) ? "Apt " + j : null, at(CITY, i + j), at(COUNTRY, i + j), pad((i * 31 + j) % 100_000, 5),
					((i % 180) - 90) / 2.0, ((i % 360) - 180) / 2.0, customer.createdAt().plusSeconds(j)));
		}
		return addresses;
	}

	/** Source k = 0 is the customer's default source. */
	static List<SourceRow> sources(CustomerRow customer) {
		long i = customer.index();
		int count = SOURCE_COUNT[(int) (i % SOURCE_COUNT.length)];
		List<SourceRow> sources = new ArrayList<>(count);
		for (int k = 0; k < count; k++) {
			long n = i + k;
			LocalDateTime created = customer.createdAt().plusSeconds(10 + k);
			sources.add((n % 7 == 0)
					? new SourceRow("BANK_ACCOUNT", at(PROVIDER, n), "src_" + i + "_" + k, null, null, null, null,
							created)
					: new SourceRow("CARD", at(PROVIDER, n), "src_" + i + "_" + k, at(BRAND, n),
							pad((i * 13 + k) % 10_000, 4), (int) (n % 12 + 1), (int) (2027 + n % 5), created));
		}
		return sources;
	}

	/** The m-th source that belongs to nobody, m = 1 … N / 10. */
	static SourceRow detachedSource(long m) {
		return new SourceRow("CARD", at(PROVIDER, m), "src_detached_" + m, at(BRAND, m), pad(m % 10_000, 4), null, null,
				EPOCH.plusSeconds(m));
	}

	private static String at(String[] list, long index) {
		return list[(int) (index % list.length)];
	}

	private static String pad(long value, int width) {
		String digits = Long.toString(value);
		return "0".repeat(Math.max(0, width - digits.length())) + digits;
	}

	record CustomerRow(long index, String email, String firstName, String lastName, @Nullable String phone,
			String locale, String type, boolean enabled, @Nullable String code, List<String> tags,
			@Nullable String vatNumber, boolean acceptsMarketing, @Nullable String metadata,
			boolean requestToBeForgotten, LocalDateTime createdAt, LocalDateTime updatedAt) {
	}

	record AddressRow(String firstName, String lastName, String line1, @Nullable String line2, String city,
			String countryCode, String postalCode, double latitude, double longitude, LocalDateTime createdAt) {
	}

	record SourceRow(String type, String provider, String providerReference, @Nullable String brand,
			@Nullable String last4, @Nullable Integer expiryMonth, @Nullable Integer expiryYear,
			LocalDateTime createdAt) {
	}

}
