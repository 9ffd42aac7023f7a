package dev.customergraph.mutation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A {@code JSON} scalar value that must be an object (a map), not an array, string or
 * number; null is valid.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = JsonObject.Check.class)
public @interface JsonObject {

	String message() default "must be a JSON object";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Accepts null and maps. */
	class Check implements ConstraintValidator<JsonObject, Object> {

		@Override
		public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
			return value == null || value instanceof Map;
		}

	}

}
