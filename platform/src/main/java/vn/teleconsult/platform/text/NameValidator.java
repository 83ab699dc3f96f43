package vn.teleconsult.platform.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Name}: visible, one line, no control characters. */
public class NameValidator implements ConstraintValidator<Name, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        // an empty optional field means "not given", as it did before names were checked; a required one also
        // carries @NotBlank, which refuses it
        if (value == null || value.isEmpty()) {
            return true;
        }
        String text = value.toString();
        return TextRules.problem(text, false) == null && !TextRules.looksEmpty(text);
    }
}
