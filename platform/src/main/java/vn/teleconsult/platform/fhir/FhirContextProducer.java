package vn.teleconsult.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One HAPI FHIR R4 context for the whole application (it is costly to build and safe to share). */
public class FhirContextProducer {

    @Produces
    @Singleton
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }
}
