package dev.customergraph.address;

import java.util.Locale;

/**
 * A country by its ISO 3166-1 alpha-2 code, with its English short name from the JDK's
 * locale data (CLDR), which is maintained with every JDK release. Addresses only store
 * codes the JDK lists, so every stored code has a name; one it did not know would be
 * named by its code.
 */
public record Country(String code, String name) {

	static Country of(String code) {
		return new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
	}

}
