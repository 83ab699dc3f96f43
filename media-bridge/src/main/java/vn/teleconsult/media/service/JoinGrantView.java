package vn.teleconsult.media.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a participant needs to join with janus.js: the server's WebSocket address, the Janus room, the single-use
 * token (for the Janus session and the room's allowed list), the feed id to publish as, and ICE servers.
 */
public record JoinGrantView(
        UUID roomId,
        URI server,
        long janusRoom,
        String token,
        long feedId,
        String display,
        Instant expiresAt,
        List<IceServer> iceServers) {}
