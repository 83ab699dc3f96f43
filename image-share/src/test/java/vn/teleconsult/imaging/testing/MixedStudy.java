package vn.teleconsult.imaging.testing;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.TestDicom.Ids;

/**
 * One study of mixed transfer syntaxes made from pydicom's test files with new UIDs (by
 * {@code src/test/resources/dicom/mixed_study.py}): uncompressed CT, RLE and JPEG lossless (made with DCMTK), JPEG
 * baseline, JPEG 2000 lossless, multi-frame RT Dose (implicit VR) and JPEG-LS (which no decoder here reads).
 */
public record MixedStudy(Path dir, Ids ids, Map<String, Instance> instances) {

    /** One instance of the study: the file, its SOP Instance UID and the transfer syntax it is stored in. */
    public record Instance(String name, Path file, String sopInstanceUid, String transferSyntax) {}

    public static final String JPEG_LS = "jpeg_ls";

    public static MixedStudy build() throws Exception {
        var ids = Ids.fresh();
        Path dir = Files.createTempDirectory("mixed-study");
        String root = DicomUids.random();
        if (root.length() > 60) {
            root = root.substring(0, 60);
        }
        var result = Commands.run(
                List.of(
                        "/usr/bin/python3",
                        script("mixed_study.py").toString(),
                        dir.toString(),
                        ids.patientId(),
                        ids.studyUid(),
                        root),
                120);
        if (result.exit() != 0) {
            throw new IllegalStateException("mixed_study.py failed: " + result.output());
        }
        var instances = new LinkedHashMap<String, Instance>();
        for (String line : result.output().lines().toList()) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && Files.exists(dir.resolve(f[0] + ".dcm"))) {
                instances.put(f[0], new Instance(f[0], dir.resolve(f[0] + ".dcm"), f[1], f[2]));
            }
        }
        if (instances.size() != 7) {
            throw new IllegalStateException("mixed_study.py made " + instances.keySet() + ": " + result.output());
        }
        return new MixedStudy(dir, ids, Map.copyOf(instances));
    }

    public Instance get(String name) {
        return instances.get(name);
    }

    /** Stores every instance over STOW-RS as the token's user. */
    public void stow(String token) throws Exception {
        var parts = new ArrayList<byte[]>();
        for (Instance i : instances.values()) {
            parts.add(Files.readAllBytes(i.file()));
        }
        given().auth()
                .oauth2(token)
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(parts))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    /** The instance a retrieved file is a copy of (by SOP Instance UID), or null. */
    public Instance of(Path retrieved) throws Exception {
        var list = new com.pixelmed.dicom.AttributeList();
        list.read(retrieved.toString(), com.pixelmed.dicom.TagFromName.PixelData);
        String sop = com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                list, com.pixelmed.dicom.TagFromName.SOPInstanceUID);
        return instances.values().stream()
                .filter(i -> i.sopInstanceUid().equals(sop))
                .findFirst()
                .orElse(null);
    }

    /** The transfer syntax of a Part 10 file's meta information. */
    public static String transferSyntax(Path file) throws Exception {
        var list = new com.pixelmed.dicom.AttributeList();
        list.readOnlyMetaInformationHeader(file.toString());
        return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(
                list, com.pixelmed.dicom.TagFromName.TransferSyntaxUID);
    }

    /**
     * Whether the retrieved file's pixels equal the original's, both decoded outside the server
     * ({@code same_pixels.py}: DCMTK for JPEG and RLE, pydicom with Pillow/OpenJPEG for JPEG 2000); the output says.
     */
    public static Commands.Result samePixels(Path original, Path retrieved) throws Exception {
        return Commands.run(
                List.of(
                        "/usr/bin/python3",
                        script("same_pixels.py").toString(),
                        original.toString(),
                        retrieved.toString(),
                        "0"),
                120);
    }

    /** The Error lines dciodvfy reports for a file (to compare a copy's with its original's). */
    public static java.util.Set<String> dciodvfyErrors(Path file) throws Exception {
        return Commands.run(List.of("dciodvfy", file.toString()), 60)
                .output()
                .lines()
                .filter(l -> l.startsWith("Error"))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Path script(String name) throws Exception {
        var url = MixedStudy.class.getResource("/dicom/" + name);
        return Path.of(url.toURI());
    }
}
