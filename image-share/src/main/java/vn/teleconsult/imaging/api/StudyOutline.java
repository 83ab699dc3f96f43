package vn.teleconsult.imaging.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A stored study in outline.
 *
 * @param started the StudyDate, or null when absent or malformed
 * @param accessionNumber null when absent
 */
public record StudyOutline(
        String studyUid,
        LocalDate started,
        String description,
        String accessionNumber,
        int numberOfInstances,
        List<Series> series) {

    public StudyOutline {
        series = List.copyOf(series);
    }

    /** A series; {@code modality} is empty when the files gave none. */
    public record Series(
            String seriesUid, Integer number, String modality, String description, List<Instance> instances) {
        public Series {
            instances = List.copyOf(instances);
        }
    }

    /** An instance with its SOP class. */
    public record Instance(String sopInstanceUid, String sopClassUid, Integer number) {}
}
