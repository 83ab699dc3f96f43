package vn.teleconsult;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Modules talk to each other only through their {@code api} packages; nobody reaches into another's inside. */
class ArchitectureTest {

    private static final List<String> MODULES = List.of("scheduling", "media", "imaging", "identity", "consult");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.teleconsult");
    }

    @Test
    void modulesUseOnlyEachOthersApi() {
        for (String module : MODULES) {
            for (String other : MODULES) {
                if (module.equals(other)) {
                    continue;
                }
                noClasses()
                        .that()
                        .resideInAPackage("vn.teleconsult." + module + "..")
                        .should()
                        .dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                        "vn.teleconsult." + other + ".."),
                                com.tngtech.archunit.base.DescribedPredicate.not(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                                                "vn.teleconsult." + other + ".api.."))))
                        .because("modules talk only through the other module's api package")
                        .allowEmptyShould(true)
                        .check(classes);
            }
        }
    }

    @Test
    void platformDependsOnNoModule() {
        noClasses()
                .that()
                .resideInAPackage("vn.teleconsult.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        MODULES.stream().map(m -> "vn.teleconsult." + m + "..").toArray(String[]::new))
                .check(classes);
    }

    @Test
    void resourcesNeverTouchRepositoriesOrTheEntityManager() {
        noClasses()
                .that()
                .resideInAPackage("..rest..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..repository..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .check(classes);
    }

    /**
     * Protocol adapters (REST, FHIR, DICOMweb, DIMSE, WebSockets) leave tenant rules to their module's policy class
     * (docs/security.md): none of them compares the caller's hospital itself, so a new endpoint cannot grow its own
     * check beside the policy.
     */
    @Test
    void adaptersLeaveTenantRulesToTheModulesPolicy() {
        noClasses()
                .that()
                .resideInAnyPackage("..rest..", "..fhir..", "..dicomweb..", "..dimse..", "..ws..")
                .should()
                .callMethod(vn.teleconsult.platform.security.Actor.class, "hospitalId")
                .orShould()
                .callMethod(vn.teleconsult.platform.security.Actor.class, "isNetworkAdmin")
                .because("tenant rules live in one policy class per module")
                .check(classes);
    }
}
