package vn.teleconsult.imaging.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes de-identified copies of DICOM instances: PS3.15 Annex E, Basic Application Level Confidentiality Profile,
 * with the options asked for, each instance keeping its stored transfer syntax and pixel data.
 */
public interface Deidentifier {

    /** Options of PS3.15 Table E.1-1 that keep (or, for dates, shift) some information. */
    record Options(
            boolean retainModifiedDates,
            boolean retainPatientCharacteristics,
            boolean retainDeviceIdentity,
            boolean retainInstitutionIdentity) {

        /** The Basic profile alone: dates and times removed or emptied. */
        public static final Options BASIC = new Options(false, false, false, false);

        /** Basic profile with Retain Longitudinal Temporal Information with Modified Dates (113107). */
        public static final Options MODIFIED_DATES = new Options(true, false, false, false);
    }

    /**
     * One de-identified copy of a study: the same pseudonym, UID mapping (original to new, filled as UIDs are met) and
     * date shift for all of its instances.
     *
     * @param shiftDays days added to every date when dates are kept modified; never 0
     */
    record Copy(String pseudonym, Options options, Map<String, String> uids, int shiftDays) {

        private static final SecureRandom RANDOM = new SecureRandom();

        /** A new copy: a fresh pseudonym and a random shift of 1 to 3650 days into the past. */
        public static Copy start(Options options) {
            return new Copy(
                    "ANON-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    options,
                    new HashMap<>(),
                    -(1 + RANDOM.nextInt(3650)));
        }
    }

    /** Reads {@code in} and writes its de-identified copy to {@code out}. */
    void deidentify(Path in, Path out, Copy copy) throws InvalidDicom, IOException;
}
