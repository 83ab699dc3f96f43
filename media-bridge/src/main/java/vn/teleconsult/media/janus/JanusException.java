package vn.teleconsult.media.janus;

/** An error answered by Janus (core or plugin), with Janus's numeric error code, or a failure to reach it. */
public class JanusException extends RuntimeException {

    /** Code used when Janus could not be reached or answered something that is not Janus JSON. */
    public static final int UNREACHABLE = -1;
    /** Janus core: no such session (also what a restarted Janus answers for a session it forgot). */
    public static final int NO_SUCH_SESSION = 458;
    /** Janus core: wrong or missing token or secret. */
    public static final int UNAUTHORIZED = 403;
    /** VideoRoom: no such room. */
    public static final int NO_SUCH_ROOM = 426;
    /** VideoRoom: room exists. */
    public static final int ROOM_EXISTS = 427;
    /** VideoRoom: no such feed. */
    public static final int NO_SUCH_FEED = 428;
    /** VideoRoom: unauthorized (wrong secret, admin key, or token not in the allowed list). */
    public static final int VIDEOROOM_UNAUTHORIZED = 433;

    private final int code;

    public JanusException(int code, String reason) {
        super("Janus error " + code + ": " + reason);
        this.code = code;
    }

    public JanusException(String reason, Throwable cause) {
        super("Janus unreachable: " + reason, cause);
        this.code = UNREACHABLE;
    }

    public int code() {
        return code;
    }

    public boolean unreachable() {
        return code == UNREACHABLE;
    }
}
