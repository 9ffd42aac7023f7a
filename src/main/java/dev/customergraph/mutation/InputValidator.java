package dev.customergraph.mutation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks a mutation input's Bean Validation constraints and reports every violation as a
 * user error with the field's path, e.g.
 * {@code ["input", "addresses", "0", "countryCode"]}. A too large value is
 * {@code TOO_LARGE}; anything else {@code INVALID}.
 */
@Component
public class InputValidator {

	private final Validator validator;

	InputValidator(Validator validator) {
		this.validator = validator;
	}

	/**
	 * Throws a {@link UserErrorException} listing every violated constraint of
	 * {@code input}.
	 */
	public void validate(Object input) {
		List<UserError> errors = this.validator.validate(input)
			.stream()
			.sorted(Comparator.comparing((violation) -> violation.getPropertyPath().toString()))
			.map(InputValidator::userError)
			.toList();
		if (!errors.isEmpty()) {
			throw new UserErrorException(errors);
		}
	}

	private static UserError userError(ConstraintViolation<?> violation) {
		boolean tooLarge = violation.getConstraintDescriptor().getAnnotation() instanceof MaxJsonSize;
		return UserError.of(tooLarge ? UserErrorCode.TOO_LARGE : UserErrorCode.INVALID, violation.getMessage(),
				path(violation.getPropertyPath()));
	}

	/**
	 * Property names and list indexes; container element nodes such as
	 * {@code <list element>} have no name of their own.
	 */
	private static String[] path(Path propertyPath) {
		List<String> path = new ArrayList<>();
		for (Path.Node node : propertyPath) {
			if (node.getIndex() != null) {
				path.add(node.getIndex().toString());
			}
			if (node.getName() != null && !node.getName().startsWith("<")) {
				path.add(node.getName());
			}
		}
		return path.toArray(String[]::new);
	}

}
