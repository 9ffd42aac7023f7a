package dev.customergraph.address;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A country by its ISO 3166-1 alpha-2 code, with its English short name from the JDK's
 * locale data (CLDR), which is maintained with every JDK release. Addresses only store
 * codes the JDK lists, so every stored code has a name; one it did not know would be
 * named by its code.
 */
public record Country(String code, String name) {

	/** Named once, not per address and request. */
	private static final Map<String, Country> BY_CODE = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
		.stream()
		.collect(Collectors.toUnmodifiableMap(Function.identity(), Country::named));

	static Country of(String code) {
		Country country = BY_CODE.get(code);
		return (country != null) ? country : named(code);
	}

	private static Country named(String code) {
		return new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
	}

}
