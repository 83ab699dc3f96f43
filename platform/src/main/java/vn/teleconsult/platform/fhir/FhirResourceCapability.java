package vn.teleconsult.platform.fhir;

import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/** Builds one resource type's entry of the CapabilityStatement: its interactions and search parameters. */
public final class FhirResourceCapability {

    private final CapabilityStatementRestResourceComponent component = new CapabilityStatementRestResourceComponent();
    private final Map<String, SearchParamType> params = new TreeMap<>();

    private FhirResourceCapability(String type) {
        component.setType(type);
        component.setProfile("http://hl7.org/fhir/StructureDefinition/" + type);
    }

    public static FhirResourceCapability of(String type) {
        return new FhirResourceCapability(type);
    }

    public FhirResourceCapability interactions(TypeRestfulInteraction... interactions) {
        for (TypeRestfulInteraction interaction : interactions) {
            component.addInteraction(new ResourceInteractionComponent().setCode(interaction));
        }
        return this;
    }

    /** A search parameter the endpoint accepts (one the module's {@link FhirSearch} lets through). */
    public FhirResourceCapability search(String name, SearchParamType type) {
        params.put(name, type);
        return this;
    }

    public FhirResourceCapability documentation(String text) {
        component.setDocumentation(text);
        return this;
    }

    public CapabilityStatementRestResourceComponent build() {
        params.forEach((name, type) -> component.addSearchParam().setName(name).setType(type));
        return component;
    }
}
