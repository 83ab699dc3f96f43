package vn.teleconsult.consult.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.DocumentInfo;

/** A message of the case thread with its attachments. */
public record MessageView(
        UUID id,
        UUID authorId,
        UUID authorHospitalId,
        String body,
        Instant createdAt,
        List<DocumentInfo> attachments) {}
