package vn.teleconsult.imaging.service;

/**
 * A change of a review session announced by some replica (the NOTIFY payload: session id, what changed, and for view
 * changes the version), or {@code resync} after the notification connection was lost and notices may be missing.
 */
public record ReviewChanged(String payload, boolean resync) {}
