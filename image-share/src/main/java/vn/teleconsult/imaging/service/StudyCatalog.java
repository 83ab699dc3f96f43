package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import vn.teleconsult.imaging.api.StudyOutline;
import vn.teleconsult.imaging.api.StudyOutlines;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.repository.StudySearch;
import vn.teleconsult.platform.security.Actor;

/** Outlines of stored studies for other modules, under {@link ImagingPolicy}'s read rule. */
@ApplicationScoped
public class StudyCatalog implements StudyOutlines {

    private final StudySearch search;
    private final ImagingPolicy policy;

    public StudyCatalog(StudySearch search, ImagingPolicy policy) {
        this.search = search;
        this.policy = policy;
    }

    @Override
    @Transactional
    public Optional<StudyOutline> outline(Actor actor, String studyUid) {
        if (!DicomUids.isValid(studyUid) || !policy.canRead(actor, studyUid)) {
            return Optional.empty();
        }
        var filter = new StudyFilter(null, null, null, null, null, null, List.of(studyUid), null, null, 1, 0);
        var viewer = policy.viewer(actor);
        var studies = search.studies(filter, viewer);
        if (studies.isEmpty()) {
            return Optional.empty(); // readable through a grant the viewer does not list: never, but say nothing
        }
        var study = studies.get(0);
        var instancesOf = new LinkedHashMap<String, List<StudyOutline.Instance>>();
        for (var i : search.instanceOutlines(studyUid)) {
            instancesOf
                    .computeIfAbsent(i.seriesUid(), s -> new ArrayList<>())
                    .add(new StudyOutline.Instance(i.sopInstanceUid(), i.sopClassUid(), i.instanceNumber()));
        }
        var seriesFilter = new StudyFilter(
                null, null, null, null, null, null, List.of(studyUid), null, null, StudyFilter.MAX_LIMIT, 0);
        var series = search.series(seriesFilter, viewer).stream()
                .map(s -> new StudyOutline.Series(
                        s.seriesUid(),
                        s.seriesNumber(),
                        s.modality() == null ? "" : s.modality(),
                        s.seriesDescription(),
                        instancesOf.getOrDefault(s.seriesUid(), List.of())))
                .toList();
        return Optional.of(new StudyOutline(
                study.studyUid(),
                date(study.studyDate()),
                blankToNull(study.studyDescription()),
                blankToNull(study.accessionNumber()),
                study.instanceCount(),
                series));
    }

    private static LocalDate date(String dicomDate) {
        if (dicomDate == null || dicomDate.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(dicomDate.strip(), DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
