package vn.teleconsult.media.service;

import java.time.Instant;
import java.util.UUID;

/**
 * One stay of one user in a room, and the state of their media as Janus reported it.
 *
 * @param mediaState joined, publishing, not publishing, hung up, left or server lost
 * @param webrtcUpAt when their publisher's PeerConnection came up
 * @param audio whether Janus receives their audio: receiving, not receiving, or null (never published audio)
 * @param video the same for video
 * @param slowLinks how often Janus reported a slow link (lost packets) on their publisher
 */
public record AttendanceView(
        UUID userId,
        Instant joinedAt,
        Instant leftAt,
        boolean published,
        String mediaState,
        Instant webrtcUpAt,
        String audio,
        String video,
        int slowLinks,
        String hangupReason) {}
