package vn.teleconsult.platform.text;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Name}: visible, one line, no control characters. */
public class NameValidator implements ConstraintValidator<Name, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String text = value.toString();
        return TextRules.problem(text, false) == null && !TextRules.looksEmpty(text);
    }
}
