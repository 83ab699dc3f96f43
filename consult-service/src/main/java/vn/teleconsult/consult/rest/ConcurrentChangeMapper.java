package vn.teleconsult.consult.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.teleconsult.platform.problem.Problem;

/**
 * A consult changed by someone else while this request changed it, detected by its version column wherever the
 * change was written (also when another module's query flushed it): 409, try again.
 */
public class ConcurrentChangeMapper {

    @ServerExceptionMapper
    public Response concurrent(OptimisticLockException e) {
        return Problem.response(
                409,
                "Changed by someone else",
                "The consult was changed by someone else at the same time; reload it" + " and try again.");
    }
}
