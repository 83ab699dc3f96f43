package vn.teleconsult.imaging.service;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Talks to a hospital PACS as a DICOM SCU: find studies there and bring one into the store. */
public interface PacsClient {

    /** Where the PACS answers. */
    record Peer(String aeTitle, String host, int port) {}

    /** A study as the PACS reports it. */
    record RemoteStudy(
            String studyUid,
            String patientId,
            String patientName,
            String studyDate,
            String accessionNumber,
            String modalities,
            String description,
            Integer instances) {}

    /** C-ECHO: opens an association, verifies and releases it; throws when the peer cannot be reached or refuses. */
    void echo(Peer peer) throws PacsException;

    /** Study-level C-FIND with the given keys (null: universal). */
    List<RemoteStudy> findStudies(Peer peer, StudyFilter filter) throws PacsException;

    /**
     * Retrieves the study (C-GET), handing each received file (a temporary file in {@code folder}) to {@code received};
     * returns the number of instances the PACS reported as failed.
     */
    int retrieveStudy(Peer peer, String studyUid, Path folder, Consumer<Path> received) throws PacsException;

    /** The PACS could not be reached or refused the request. */
    class PacsException extends Exception {
        public PacsException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
