package vn.teleconsult.imaging.service;

import java.nio.file.Path;

/** A stored instance file ready to be sent, with what a response needs to describe it. */
public record StoredFile(
        Path file,
        String studyUid,
        String seriesUid,
        String sopInstanceUid,
        String sopClassUid,
        String transferSyntax) {}
