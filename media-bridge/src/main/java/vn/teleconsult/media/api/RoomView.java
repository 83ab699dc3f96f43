package vn.teleconsult.media.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A room as callers see it; never its Janus secret.
 *
 * @param recording {@code null} (not recorded), {@code REQUESTED} (waiting for consent), {@code CANCELLED},
 *     {@code RECORDING}, {@code CONVERTING}, {@code READY} or {@code FAILED}
 */
public record RoomView(
        UUID id,
        String kind,
        UUID referenceId,
        String state,
        boolean waitingRoom,
        UUID hostUserId,
        List<UUID> participants,
        int bitrate,
        int maxPublishers,
        Instant openedAt,
        Instant closedAt,
        String recording) {}
