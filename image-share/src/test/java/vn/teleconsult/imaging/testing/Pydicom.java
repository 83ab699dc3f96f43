package vn.teleconsult.imaging.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs pydicom (Debian's python3-pydicom under /usr/bin/python3) as an independent reader and writer of DICOM. */
public final class Pydicom {

    private Pydicom() {}

    /** Runs the script with the arguments; fails the test unless it exits 0; returns its output. */
    public static String run(String script, String... args) throws Exception {
        var command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
        command.addAll(List.of(args));
        var result = Commands.run(command, 60);
        if (result.exit() != 0) {
            throw new AssertionError("pydicom script failed: " + result.output());
        }
        return result.output();
    }

    /**
     * A pydicom sample file given new study/series/instance UIDs and patient id by pydicom itself, so that compressed
     * pixel data and trailing padding stay exactly as in the sample.
     */
    public static byte[] renamed(String name, TestDicom.Ids ids, String sopUid) throws Exception {
        Path out = Files.createTempFile("pydicom-", ".dcm");
        out.toFile().deleteOnExit();
        run(
                """
                import sys, pydicom
                ds = pydicom.dcmread(sys.argv[1])
                ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SOPInstanceUID, ds.PatientID = sys.argv[3:7]
                ds.file_meta.MediaStorageSOPInstanceUID = sys.argv[5]
                ds.save_as(sys.argv[2], write_like_original=True)
                """,
                TestDicom.TEST_FILES.resolve(name).toString(),
                out.toString(),
                ids.studyUid(),
                ids.seriesUid(),
                sopUid,
                ids.patientId());
        return Files.readAllBytes(out);
    }
}
