package vn.teleconsult.platform.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * A module's part of the server's CapabilityStatement ({@code GET /fhir/metadata}): each module that serves FHIR
 * resources provides one CDI bean of this type describing what it actually supports, best built with {@link
 * FhirResourceCapability}; {@link CapabilityResource} merges them all.
 */
public interface FhirCapabilities {

    /** The resource types this module serves, with their interactions and search parameters. */
    List<CapabilityStatementRestResourceComponent> resources();
}
