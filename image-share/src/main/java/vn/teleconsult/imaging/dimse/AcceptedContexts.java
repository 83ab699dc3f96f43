package vn.teleconsult.imaging.dimse;

import com.pixelmed.network.AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy;
import com.pixelmed.network.PresentationContext;
import com.pixelmed.network.PresentationContextSelectionPolicy;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * The presentation context selection of an association we accept (the toolkit's policy for any explicit or implicit
 * syntax), remembering which contexts it accepted so that C-GET can send each instance on a context whose transfer
 * syntax matches the bytes sent.
 */
final class AcceptedContexts implements PresentationContextSelectionPolicy {

    private static final byte ACCEPTANCE = 0;

    private final PresentationContextSelectionPolicy policy =
            new AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy();
    private volatile List<PresentationContext> accepted = List.of();

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int association, int reserved) {
        return remember(policy.applyPresentationContextSelectionPolicy(contexts, association, reserved));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public LinkedList applyPresentationContextSelectionPolicy(LinkedList contexts, int association) {
        return remember(policy.applyPresentationContextSelectionPolicy(contexts, association));
    }

    @SuppressWarnings("rawtypes")
    private LinkedList remember(LinkedList result) {
        var list = new ArrayList<PresentationContext>();
        for (Object o : result) {
            if (o instanceof PresentationContext pc && pc.getResultReason() == ACCEPTANCE) {
                list.add(pc);
            }
        }
        accepted = List.copyOf(list);
        return result;
    }

    /** The accepted contexts (one transfer syntax each). */
    List<PresentationContext> accepted() {
        return accepted;
    }
}
