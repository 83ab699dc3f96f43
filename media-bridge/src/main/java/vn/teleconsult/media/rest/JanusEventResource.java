package vn.teleconsult.media.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import vn.teleconsult.media.MediaSettings;
import vn.teleconsult.media.service.JanusEventService;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Receives Janus's HTTP event handler posts (HTTP Basic, user {@code janus}, password {@code media.events-secret}); no
 * bearer token, because Janus cannot get one. Body: one event or an array of them.
 */
@Path("/api/media/janus-events")
public class JanusEventResource {

    /** Janus groups events; a larger body is not from Janus. */
    static final int MAX_BODY = 1 << 20;

    private final JanusEventService events;
    private final MediaSettings settings;
    private final ObjectMapper json;

    public JanusEventResource(JanusEventService events, MediaSettings settings, ObjectMapper json) {
        this.events = events;
        this.settings = settings;
        this.json = json;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        if (!authorized(authorization)) {
            return Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"janus-events\"")
                    .build();
        }
        if (body.length > MAX_BODY) {
            throw new ProblemException(413, "Too large", "Event posts are limited to " + MAX_BODY + " bytes.");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            throw ProblemException.badRequest("The body is not JSON.");
        }
        var parsed = JanusEventService.parse(tree);
        if (!parsed.isEmpty()) { // most posts are ICE and DTLS steps the bridge does not keep
            events.apply(parsed);
        }
        return Response.noContent().build();
    }

    private boolean authorized(String authorization) {
        if (settings.eventsSecret().isEmpty() || authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        byte[] expected = ("janus:" + settings.eventsSecret().get()).getBytes(StandardCharsets.UTF_8);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(authorization.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }
}
