package vn.teleconsult.imaging.service;

import java.util.List;

/**
 * QIDO-RS / C-FIND matching keys, already checked. Null means "no condition".
 *
 * @param patientName a pattern where {@code *} and {@code ?} are wildcards
 * @param dateFrom inclusive 'YYYYMMDD' lower bound of StudyDate, or null
 * @param dateTo inclusive 'YYYYMMDD' upper bound of StudyDate, or null
 */
public record StudyFilter(
        String patientId,
        String patientName,
        String dateFrom,
        String dateTo,
        String modality,
        String accessionNumber,
        List<String> studyUids,
        String seriesUid,
        String sopInstanceUid,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 1000;

    public static StudyFilter all() {
        return new StudyFilter(null, null, null, null, null, null, List.of(), null, null, 100, 0);
    }
}
