package vn.teleconsult.platform.fhir;

/** Media type names of FHIR R4 JSON. */
public final class FhirMedia {

    /** The FHIR R4 JSON media type. */
    public static final String JSON = "application/fhir+json";

    private FhirMedia() {}
}
