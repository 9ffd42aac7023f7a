package dev.customergraph.mutation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

import dev.customergraph.graph.JsonColumns;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * A JSON value of at most {@link #bytes()} bytes, serialized as it is stored; reported as
 * {@code TOO_LARGE}.
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = MaxJsonSize.Check.class)
public @interface MaxJsonSize {

	/** The contract's bound for {@code metadata}: 10 KB. */
	int METADATA_BYTES = 10 * 1024;

	int bytes();

	String message() default "must be at most {bytes} bytes as JSON";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Serializes the value as the JSON column will hold it and measures its UTF-8 length.
	 */
	class Check implements ConstraintValidator<MaxJsonSize, Object> {

		private int bytes;

		@Override
		public void initialize(MaxJsonSize constraint) {
			this.bytes = constraint.bytes();
		}

		@Override
		public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
			return value == null || JsonColumns.write(value).getBytes(StandardCharsets.UTF_8).length <= this.bytes;
		}

	}

}
