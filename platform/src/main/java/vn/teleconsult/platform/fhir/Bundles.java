package vn.teleconsult.platform.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/** Builds the searchset Bundle a FHIR search answers. */
public final class Bundles {

    private Bundles() {}

    /** @param base the server's base URL ending in {@code /fhir}; @param self the request URL */
    public static Bundle searchSet(String base, String self, List<? extends Resource> resources) {
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(resources.size());
        bundle.addLink().setRelation("self").setUrl(self);
        for (Resource resource : resources) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdPart())
                    .setResource(resource)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
