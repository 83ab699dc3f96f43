package vn.teleconsult.imaging.dicomweb;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.teleconsult.imaging.service.StudyFilter;
import vn.teleconsult.platform.problem.ProblemException;

/** Turns QIDO-RS query parameters (keyword or tag form) into a checked {@link StudyFilter}; unknown keys are a 400. */
final class QidoParams {

    private static final Map<String, String> TAGS = Map.ofEntries(
            Map.entry("00100020", "PatientID"),
            Map.entry("00100010", "PatientName"),
            Map.entry("00080020", "StudyDate"),
            Map.entry("00080061", "ModalitiesInStudy"),
            Map.entry("00080060", "Modality"),
            Map.entry("00080050", "AccessionNumber"),
            Map.entry("0020000D", "StudyInstanceUID"),
            Map.entry("0020000E", "SeriesInstanceUID"),
            Map.entry("00080018", "SOPInstanceUID"));
    private static final Set<String> UID_KEYS = Set.of("StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID");
    private static final int MAX_UIDS = 200;
    private static final Set<String> CONTROL = Set.of("limit", "offset", "includefield", "fuzzymatching");

    private QidoParams() {}

    static StudyFilter parse(MultivaluedMap<String, String> query, String studyUid, String seriesUid) {
        String patientId = null;
        String patientName = null;
        String from = null;
        String to = null;
        String modality = null;
        String seriesModality = null;
        String accession = null;
        String series = seriesUid;
        String instance = null;
        List<String> studies = new ArrayList<>();
        if (studyUid != null) {
            studies.add(studyUid);
        }
        int limit = 100;
        int offset = 0;
        for (var entry : query.entrySet()) {
            String key = TAGS.getOrDefault(entry.getKey().toUpperCase(java.util.Locale.ROOT), entry.getKey());
            String value =
                    entry.getValue().isEmpty() ? "" : entry.getValue().get(0).trim();
            if (CONTROL.contains(key)) {
                if (key.equals("limit")) {
                    limit = number(key, value, 1, StudyFilter.MAX_LIMIT);
                } else if (key.equals("offset")) {
                    offset = number(key, value, 0, 1_000_000);
                }
                continue;
            }
            if (value.isEmpty()) {
                continue; // universal matching
            }
            // a UID list is checked UID by UID (64 characters each, PS3.5 9.1), other values as a whole
            if (!UID_KEYS.contains(key) && value.length() > 128) {
                throw ProblemException.badRequest(key + ": at most 128 characters.");
            }
            switch (key) {
                case "PatientID" -> patientId = value;
                case "PatientName" -> patientName = value;
                case "AccessionNumber" -> accession = value;
                case "ModalitiesInStudy" -> modality = value;
                case "Modality" -> seriesModality = value;
                case "StudyDate" -> {
                    String[] range = dateRange(value);
                    from = range[0];
                    to = range[1];
                }
                case "StudyInstanceUID" -> {
                    String[] uids = value.split("[,\\\\]");
                    if (uids.length > MAX_UIDS) {
                        throw ProblemException.badRequest("StudyInstanceUID: at most " + MAX_UIDS + " UIDs.");
                    }
                    for (String uid : uids) {
                        if (studyUid == null) {
                            studies.add(DicomWebPaths.uid("StudyInstanceUID", uid.trim()));
                        }
                    }
                }
                case "SeriesInstanceUID" -> series = DicomWebPaths.uid("SeriesInstanceUID", value);
                case "SOPInstanceUID" -> instance = DicomWebPaths.uid("SOPInstanceUID", value);
                default ->
                    throw ProblemException.badRequest("Unsupported query key '" + shorten(entry.getKey())
                            + "'. Supported: PatientID, PatientName, StudyDate, ModalitiesInStudy, Modality,"
                            + " AccessionNumber, StudyInstanceUID, SeriesInstanceUID, SOPInstanceUID, limit, offset,"
                            + " includefield, fuzzymatching.");
            }
        }
        return new StudyFilter(
                patientId,
                patientName,
                from,
                to,
                modality,
                accession,
                studies,
                series,
                instance,
                limit,
                offset,
                seriesModality);
    }

    /** The attribute tags named by includefield (keywords mapped to tags where known, "all" kept). */
    static List<String> includeFields(MultivaluedMap<String, String> query) {
        var fields = new ArrayList<String>();
        for (String value : query.getOrDefault("includefield", List.of())) {
            for (String field : value.split(",")) {
                String f = field.trim();
                if (f.matches("(?i)[0-9a-f]{8}")) {
                    fields.add(f.toUpperCase(java.util.Locale.ROOT));
                } else if (!f.isEmpty()) {
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static String[] dateRange(String value) {
        try {
            return StudyFilter.dateRange(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(e.getMessage());
        }
    }

    private static int number(String key, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(key + ": a whole number from " + min + " to " + max + ".");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
