package vn.teleconsult.imaging.dimse;

import com.pixelmed.network.PresentationContext;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The accepted presentation contexts of one association, looked up by SOP class and transfer syntax. */
record Contexts(List<PresentationContext> accepted) {

    /** The transfer syntaxes accepted for a SOP class, in the order of the contexts. */
    Set<String> syntaxes(String sopClassUid) {
        var result = new LinkedHashSet<String>();
        for (var pc : accepted) {
            if (sopClassUid.equals(pc.getAbstractSyntaxUID())) {
                result.add(pc.getTransferSyntaxUID());
            }
        }
        return result;
    }

    /** The id of an accepted context for the SOP class in exactly this transfer syntax; -1 when none. */
    int id(String sopClassUid, String transferSyntax) {
        for (var pc : accepted) {
            if (sopClassUid.equals(pc.getAbstractSyntaxUID()) && transferSyntax.equals(pc.getTransferSyntaxUID())) {
                return pc.getIdentifier() & 0xFF;
            }
        }
        return -1;
    }
}
