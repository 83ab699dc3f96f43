package vn.teleconsult.platform.text;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A name of a person, hospital, client or resource: one line that shows something (not only white space, zero-width or
 * other invisible characters), without control characters. Read from JSON in Unicode normalization form C. Null and
 * the empty string (an optional field left empty) are valid; add {@code @NotBlank} where the name is required.
 */
@Documented
@Constraint(validatedBy = NameValidator.class)
@Target({METHOD, FIELD, ANNOTATION_TYPE, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface Name {

    String message() default "must be a name on one line that shows at least one letter, digit or sign";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
