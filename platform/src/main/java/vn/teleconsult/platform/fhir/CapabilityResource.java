package vn.teleconsult.platform.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementKind;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.RestfulCapabilityMode;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;

/**
 * {@code GET /fhir/metadata}: the server's CapabilityStatement, merged from every module's {@link FhirCapabilities}, so
 * it lists exactly the resources and search parameters that are served. Open to anyone, as FHIR clients read it
 * before they sign in.
 */
@Path("/fhir/metadata")
public class CapabilityResource {

    private final Instance<FhirCapabilities> modules;

    public CapabilityResource(Instance<FhirCapabilities> modules) {
        this.modules = modules;
    }

    @GET
    @PermitAll
    @Produces(FhirMedia.JSON)
    public CapabilityStatement metadata() {
        var statement = new CapabilityStatement();
        statement.setStatus(PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setPublisher("TeleConsult");
        statement.setKind(CapabilityStatementKind.INSTANCE);
        statement.getSoftware().setName("TeleConsult");
        statement.getImplementation().setDescription("TeleConsult FHIR R4 API");
        statement.setFhirVersion(FHIRVersion._4_0_1);
        statement.addFormat("json");
        statement.getFormat().add(new CodeType(FhirMedia.JSON));
        var rest = statement.addRest().setMode(RestfulCapabilityMode.SERVER);
        rest.getSecurity()
                .setDescription("Bearer access tokens from POST /api/auth/token (OAuth 2.0 token endpoint style).");
        rest.setDocumentation("Searches answer searchset Bundles with the real total and self/next/previous links;"
                + " token and reference parameters take comma-separated OR lists; dates may be partial (2026,"
                + " 2026-12) with the prefixes eq, lt, le, gt, ge, sa, eb. Unknown parameters and modifiers answer"
                + " 400.");
        rest.addSearchParam()
                .setName("_count")
                .setType(SearchParamType.NUMBER)
                .setDocumentation("Page size: default " + FhirSearch.DEFAULT_COUNT + ", at most " + FhirSearch.MAX_COUNT
                        + "; 0 answers the total only.");
        rest.addSearchParam()
                .setName("_offset")
                .setType(SearchParamType.NUMBER)
                .setDocumentation("Index of the page's first match, at most " + FhirSearch.MAX_MATCHES
                        + " (a search pages through its first " + FhirSearch.MAX_MATCHES + " matches).");
        Map<String, CapabilityStatementRestResourceComponent> byType = new LinkedHashMap<>();
        for (FhirCapabilities module : modules) {
            for (var resource : module.resources()) {
                byType.merge(resource.getType(), resource.copy(), CapabilityResource::merge);
            }
        }
        byType.values().stream()
                .sorted(Comparator.comparing(CapabilityStatementRestResourceComponent::getType))
                .forEach(rest::addResource);
        return statement;
    }

    /** Two modules serving the same type: the union of what they support. */
    private static CapabilityStatementRestResourceComponent merge(
            CapabilityStatementRestResourceComponent a, CapabilityStatementRestResourceComponent b) {
        for (var interaction : b.getInteraction()) {
            if (a.getInteraction().stream().noneMatch(i -> i.getCode() == interaction.getCode())) {
                a.addInteraction(interaction.copy());
            }
        }
        for (var param : b.getSearchParam()) {
            if (a.getSearchParam().stream().noneMatch(p -> p.getName().equals(param.getName()))) {
                a.addSearchParam(param.copy());
            }
        }
        return a;
    }
}
