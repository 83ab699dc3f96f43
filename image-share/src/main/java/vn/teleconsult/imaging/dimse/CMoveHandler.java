package vn.teleconsult.imaging.dimse;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.query.RetrieveResponseGenerator;
import java.util.ArrayList;
import java.util.List;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.service.StoredFile;
import vn.teleconsult.imaging.service.StudyRetrieve;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** C-MOVE and C-GET SCP (Study Root): selects the stored files the calling AE may retrieve via {@link StudyRetrieve}. */
final class CMoveHandler implements RetrieveResponseGenerator {

    private static final int SUCCESS = 0x0000;
    private static final int IDENTIFIER_DOES_NOT_MATCH = 0xA900;
    private static final int UNABLE_TO_PROCESS = 0xC000;

    private final StudyRetrieve retrieve;
    private final Actor actor;
    private List<StoredFile> files = new ArrayList<>();
    private int status = SUCCESS;
    private String error;

    CMoveHandler(StudyRetrieve retrieve, Actor actor) {
        this.retrieve = retrieve;
        this.actor = actor;
    }

    @Override
    public void performRetrieve(String sopClassUid, AttributeList identifier, boolean relational) {
        files = new ArrayList<>();
        try {
            String series = Attribute.getSingleStringValueOrEmptyString(identifier, TagFromName.SeriesInstanceUID);
            String sops = Attribute.getDelimitedStringValuesOrEmptyString(identifier, TagFromName.SOPInstanceUID);
            for (String study : Attribute.getDelimitedStringValuesOrEmptyString(
                            identifier, TagFromName.StudyInstanceUID)
                    .split("\\\\")) {
                if (!DicomUids.isValid(study.trim()) || (!series.isEmpty() && !DicomUids.isValid(series.trim()))) {
                    status = IDENTIFIER_DOES_NOT_MATCH;
                    error = "Study (and Series) Instance UIDs are required and must be valid";
                    return;
                }
                for (String sop : sops.isEmpty() ? new String[] {null} : sops.split("\\\\")) {
                    if (sop != null && !DicomUids.isValid(sop.trim())) {
                        status = IDENTIFIER_DOES_NOT_MATCH;
                        error = "SOP Instance UID is not valid";
                        return;
                    }
                    for (StoredFile f : retrieve.files(
                            actor,
                            study.trim(),
                            series.isEmpty() ? null : series.trim(),
                            sop == null ? null : sop.trim(),
                            "dimse-retrieve")) {
                        files.add(f);
                    }
                }
            }
        } catch (ProblemException notFound) {
            // unknown or not allowed: nothing to send (success with zero sub-operations)
            files = new ArrayList<>();
        } catch (RuntimeException e) {
            status = UNABLE_TO_PROCESS;
            error = "retrieve failed";
        }
    }

    @Override
    public com.pixelmed.dicom.SetOfDicomFiles getDicomFiles() {
        throw new UnsupportedOperationException("the provider sends the files itself: see selected()");
    }

    /** The stored files the last request selected. */
    List<StoredFile> selected() {
        return files;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public AttributeTagAttribute getOffendingElement() {
        return null;
    }

    @Override
    public String getErrorComment() {
        return error;
    }

    @Override
    public void close() {
        files = new ArrayList<>();
    }
}
