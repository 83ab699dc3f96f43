package vn.teleconsult.media.service;

import java.util.Map;
import java.util.UUID;
import vn.teleconsult.media.janus.JanusException;
import vn.teleconsult.platform.problem.ProblemException;

/** The problems the media bridge answers with. */
final class MediaProblems {

    private MediaProblems() {}

    static ProblemException noRoom(UUID id) {
        return ProblemException.notFound("No video room " + id + " that you take part in.");
    }

    static ProblemException unavailable(JanusException e) {
        return new ProblemException(
                503,
                "Video server unavailable",
                "No video server is reachable right now (" + e.code() + "); nothing was changed. Try again in a"
                        + " minute.",
                Map.of("retryAfter", 30));
    }

    static ProblemException noServer() {
        return new ProblemException(
                503,
                "Video server unavailable",
                "No video server is reachable right now; nothing was changed. Try again in a minute.",
                Map.of("retryAfter", 30));
    }
}
