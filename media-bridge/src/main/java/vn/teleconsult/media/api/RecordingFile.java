package vn.teleconsult.media.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One playable file converted from a room's recording: one participant's audio or video track.
 *
 * @param kind {@code audio} or {@code video}
 * @param codec as Janus recorded it, e.g. {@code vp8}, {@code opus}
 */
public record RecordingFile(
        UUID id,
        UUID roomId,
        UUID userId,
        String kind,
        String codec,
        String fileName,
        String contentType,
        long sizeBytes,
        Instant createdAt) {}
