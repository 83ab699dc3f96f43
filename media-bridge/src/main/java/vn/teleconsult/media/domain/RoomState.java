package vn.teleconsult.media.domain;

/** A room is open on a Janus server, waiting to be re-created after that server failed, or closed for good. */
public enum RoomState {
    OPEN,
    RECOVERING,
    CLOSED
}
