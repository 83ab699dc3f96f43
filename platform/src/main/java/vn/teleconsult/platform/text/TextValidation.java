package vn.teleconsult.platform.text;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;

/** Makes every {@code @NotBlank} of every module refuse text that only looks blank ({@link VisibleTextValidator}). */
@ApplicationScoped
public class TextValidation implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        var mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(NotBlank.class)
                .includeExistingValidators(false)
                .validatedBy(VisibleTextValidator.class);
        configuration.addMapping(mapping);
    }
}
