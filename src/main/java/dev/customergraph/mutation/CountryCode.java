package dev.customergraph.mutation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/** An ISO 3166-1 alpha-2 country code in upper case, e.g. {@code DE}; null is valid. */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CountryCode.Check.class)
public @interface CountryCode {

	String message() default "must be an ISO 3166-1 alpha-2 country code such as DE";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks against the JDK's list of ISO 3166-1 alpha-2 codes. */
	class Check implements ConstraintValidator<CountryCode, String> {

		private static final Set<String> CODES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			return value == null || CODES.contains(value);
		}

	}

}
