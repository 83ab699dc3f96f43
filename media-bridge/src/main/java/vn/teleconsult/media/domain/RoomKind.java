package vn.teleconsult.media.domain;

/** What a room is for: a consult session between hospitals, or a patient's video visit. */
public enum RoomKind {
    CONSULT,
    VISIT
}
