package vn.teleconsult.consult.service;

import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;

/** No consult with this id that the caller may see (another hospital's consult looks exactly like a missing one). */
public class ConsultNotFound extends ProblemException {

    public ConsultNotFound(UUID id) {
        super(404, "Not found", "No consult " + id + ".");
    }
}
