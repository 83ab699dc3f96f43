package vn.teleconsult.imaging.service;

import java.util.List;

/**
 * QIDO-RS / C-FIND matching keys, already checked. Null means "no condition".
 *
 * @param patientName a pattern where {@code *} and {@code ?} are wildcards
 * @param dateFrom inclusive 'YYYYMMDD' lower bound of StudyDate, or null
 * @param dateTo inclusive 'YYYYMMDD' upper bound of StudyDate, or null
 * @param modality ModalitiesInStudy: studies (and their series and instances) with a series of this modality
 * @param seriesModality Modality: only series of this modality (and their instances); at study level, studies that
 *     hold such a series
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
        int offset,
        String seriesModality) {

    public static final int MAX_LIMIT = 1000;

    /** Without a series-level Modality key. */
    public StudyFilter(
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
        this(
                patientId,
                patientName,
                dateFrom,
                dateTo,
                modality,
                accessionNumber,
                studyUids,
                seriesUid,
                sopInstanceUid,
                limit,
                offset,
                null);
    }

    /**
     * A DICOM date or range ('YYYYMMDD', 'YYYYMMDD-YYYYMMDD', open at either end) as inclusive bounds, null for open.
     *
     * @throws IllegalArgumentException when it is not one
     */
    public static String[] dateRange(String value) {
        if (value == null || value.isBlank()) {
            return new String[] {null, null};
        }
        String v = value.trim();
        String[] parts = v.contains("-") ? v.split("-", -1) : new String[] {v, v};
        if (parts.length != 2
                || !parts[0].matches("[0-9]{8}|")
                || !parts[1].matches("[0-9]{8}|")
                || (parts[0].isEmpty() && parts[1].isEmpty())) {
            throw new IllegalArgumentException("StudyDate: YYYYMMDD or a range YYYYMMDD-YYYYMMDD.");
        }
        return new String[] {parts[0].isEmpty() ? null : parts[0], parts[1].isEmpty() ? null : parts[1]};
    }

    public static StudyFilter all() {
        return new StudyFilter(null, null, null, null, null, null, List.of(), null, null, 100, 0);
    }
}
