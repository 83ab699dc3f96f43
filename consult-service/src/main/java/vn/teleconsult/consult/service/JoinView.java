package vn.teleconsult.consult.service;

import java.util.List;
import java.util.UUID;

/**
 * What a member needs to join the consult's live session: the video room (the browser asks media-bridge for its
 * single-use grant with {@code POST grantPath}), and the review session's WebSocket path for the shared studies.
 */
public record JoinView(
        UUID consultId, UUID roomId, String grantPath, String reviewSocketPath, List<String> studyUids, String role) {}
