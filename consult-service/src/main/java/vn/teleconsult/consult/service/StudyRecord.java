package vn.teleconsult.consult.service;

import java.util.List;
import vn.teleconsult.imaging.api.StudyOutline;

/** A study attached to consults, in outline, with the consults (visible to the caller) it is attached to. */
public record StudyRecord(StudyOutline outline, List<ConsultView> consults) {

    public StudyRecord {
        consults = List.copyOf(consults);
    }
}
