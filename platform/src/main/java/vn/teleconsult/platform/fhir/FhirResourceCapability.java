package vn.teleconsult.platform.fhir;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceInteractionComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * The one declaration of a served resource type: its interactions and typed search parameters. The endpoint checks
 * its requests against it ({@link FhirSearch#of(jakarta.ws.rs.core.MultivaluedMap, FhirResourceCapability)}) and
 * {@code /fhir/metadata} lists it (through the module's {@link FhirCapabilities} bean), so the two cannot differ.
 */
public final class FhirResourceCapability {

    private final String type;
    private final Set<TypeRestfulInteraction> interactions = EnumSet.noneOf(TypeRestfulInteraction.class);
    private final Map<String, SearchParamType> params = new TreeMap<>();
    private String documentation;

    private FhirResourceCapability(String type) {
        this.type = type;
    }

    public static FhirResourceCapability of(String type) {
        return new FhirResourceCapability(type);
    }

    public FhirResourceCapability interactions(TypeRestfulInteraction... interactions) {
        this.interactions.addAll(java.util.List.of(interactions));
        return this;
    }

    /** A search parameter the endpoint accepts, with its FHIR type (which decides how its values are parsed). */
    public FhirResourceCapability search(String name, SearchParamType type) {
        params.put(name, type);
        return this;
    }

    /** Several search parameters at once, e.g. a resource class's {@code PARAMS} map. */
    public FhirResourceCapability search(Map<String, SearchParamType> params) {
        this.params.putAll(params);
        return this;
    }

    public FhirResourceCapability documentation(String text) {
        this.documentation = text;
        return this;
    }

    public String type() {
        return type;
    }

    public Set<TypeRestfulInteraction> interactions() {
        return Collections.unmodifiableSet(interactions);
    }

    public Map<String, SearchParamType> searchParams() {
        return Collections.unmodifiableMap(params);
    }

    /** This type's entry of the CapabilityStatement (a new component on each call). */
    public CapabilityStatementRestResourceComponent build() {
        var component = new CapabilityStatementRestResourceComponent();
        component.setType(type);
        component.setProfile("http://hl7.org/fhir/StructureDefinition/" + type);
        interactions.forEach(i -> component.addInteraction(new ResourceInteractionComponent().setCode(i)));
        params.forEach(
                (name, paramType) -> component.addSearchParam().setName(name).setType(paramType));
        if (documentation != null) {
            component.setDocumentation(documentation);
        }
        return component;
    }
}
