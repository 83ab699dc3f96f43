package vn.teleconsult.platform.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.NotBlank;

/**
 * Validates every {@link NotBlank} of the platform (registered by {@link TextValidation}): text that only looks blank
 * (zero-width spaces, no-break spaces, other invisible characters) is blank too, not only white space.
 */
public class VisibleTextValidator implements ConstraintValidator<NotBlank, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value != null && !TextRules.looksEmpty(value.toString());
    }
}
