package vn.teleconsult.imaging.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes de-identified copies of DICOM instances (PS3.15 Annex E, Basic Application Level Confidentiality Profile with
 * the retained options asked for), giving them new UIDs from a map shared by all instances of one study.
 */
public interface Deidentifier {

    /** Options of PS3.15 Table E.1-1 that keep some information. */
    record Options(
            boolean retainDescriptors,
            boolean retainPatientCharacteristics,
            boolean retainDeviceIdentity,
            boolean retainInstitutionIdentity) {

        public static final Options BASIC = new Options(false, false, false, false);
    }

    /**
     * Reads {@code in}, writes the de-identified copy to {@code out}; {@code uids} maps original UIDs to new ones and
     * is filled as new UIDs are made.
     */
    void deidentify(Path in, Path out, String pseudonym, Options options, Map<String, String> uids)
            throws InvalidDicom, IOException;
}
