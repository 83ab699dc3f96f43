package vn.teleconsult.imaging.dicomweb;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeTagAttribute;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.testing.Commands;
import vn.teleconsult.imaging.testing.MultipartBody;
import vn.teleconsult.imaging.testing.Pydicom;
import vn.teleconsult.imaging.testing.Stow;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;
import vn.teleconsult.imaging.testing.Tokens;

/**
 * What independent readers expect of our DICOMweb: DICOM JSON that pydicom reads back (PS3.18 Annex F), series-level
 * Modality matching, UID lists, STOW-RS failure reports that name the instance, RLE files with trailing padding, and
 * retrieved instances that dciodvfy finds no worse than what was stored.
 */
@QuarkusTest
class DicomWebConformanceTest {

    @Inject
    Tokens tokens;

    private final UUID hospital = UUID.randomUUID();

    private String token() {
        return tokens.doctorOf(hospital);
    }

    private void store(List<byte[]> parts) {
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(parts))
                .post("/dicom-web/studies")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldWriteTagsBinaryValuesAndPersonNameGroupsAsAnnexFSays() throws Exception {
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        var list = TestDicom.ctHeader(ids, sop, 1, 8, 8);
        TestDicom.set(list, TagFromName.SpecificCharacterSet, "ISO_IR 192");
        list.remove(TagFromName.PatientName);
        var name = new com.pixelmed.dicom.PersonNameAttribute(
                TagFromName.PatientName, new com.pixelmed.dicom.SpecificCharacterSet(new String[] {"ISO_IR 192"}));
        name.addValue("Yamada^Tarou=山田^太郎=やまだ^たろう");
        list.put(name);
        var pointer = new AttributeTagAttribute(TagFromName.FrameIncrementPointer);
        pointer.addValue(0x3004, 0x000C);
        list.put(pointer);
        byte[] icc = {1, 2, 3, 4, 5, 6, 7, 8};
        var profile = new OtherByteAttribute(TagFromName.ICCProfile);
        profile.setValues(icc);
        list.put(profile);
        var lut = new OtherWordAttribute(TagFromName.RedPaletteColorLookupTableData);
        lut.setValues(new short[] {1, 256, -1});
        list.put(lut);
        var pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[64]);
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
        store(List.of(TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian)));

        String path = "/dicom-web/studies/" + ids.studyUid() + "/series/" + ids.seriesUid() + "/instances/" + sop;
        String json = given().auth()
                .oauth2(token())
                .get(path + "/metadata")
                .then()
                .statusCode(200)
                .body("[0].'00280009'.vr", equalTo("AT"))
                .body("[0].'00280009'.Value[0]", equalTo("3004000C"))
                .body("[0].'00282000'.vr", equalTo("OB"))
                .body("[0].'00282000'.InlineBinary", equalTo(Base64.getEncoder().encodeToString(icc)))
                .body(
                        "[0].'00281201'.InlineBinary",
                        equalTo(Base64.getEncoder().encodeToString(new byte[] {1, 0, 0, 1, (byte) 0xFF, (byte) 0xFF})))
                .body("[0].'00100010'.Value[0].Alphabetic", equalTo("Yamada^Tarou"))
                .body("[0].'00100010'.Value[0].Ideographic", equalTo("山田^太郎"))
                .body("[0].'00100010'.Value[0].Phonetic", equalTo("やまだ^たろう"))
                .extract()
                .asString();
        var file = Files.createTempFile("metadata-", ".json");
        Files.writeString(file, json);
        String read = Pydicom.run(
                """
                import sys, json
                from pydicom.dataset import Dataset
                sys.stdout.reconfigure(encoding='utf-8')
                ds = Dataset.from_json(json.load(open(sys.argv[1], encoding='utf-8'))[0])
                print('%08X' % ds.FrameIncrementPointer)
                print(ds.ICCProfile.hex())
                print(ds.RedPaletteColorLookupTableData.hex())
                print(*ds.PatientName.components)
                """,
                file.toString());
        assertEquals(
                List.of("3004000C", "0102030405060708", "01000001ffff", "Yamada^Tarou 山田^太郎 やまだ^たろう"),
                read.lines().toList(),
                read);

        given().auth()
                .oauth2(token())
                .queryParam("PatientID", ids.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("[0].'00100010'.Value[0].Ideographic", equalTo("山田^太郎"));
    }

    @Test
    void shouldMatchSeriesByModalityAndKeepModalitiesInStudyWhole() throws Exception {
        var study = Ids.fresh();
        String[] modalities = {"CT", "CT", "MR", "MR", "PT", "OT"};
        var parts = new ArrayList<byte[]>();
        for (String modality : modalities) {
            var ids = new Ids(study.patientId(), study.studyUid(), DicomUids.random());
            var list = TestDicom.ctHeader(ids, DicomUids.random(), 1, 8, 8);
            TestDicom.set(list, TagFromName.Modality, modality);
            var pixels = new OtherWordAttribute(TagFromName.PixelData);
            pixels.setValues(new short[64]);
            list.put(pixels);
            FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
            parts.add(TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian));
        }
        store(parts);

        given().auth()
                .oauth2(token())
                .queryParam("Modality", "CT")
                .get("/dicom-web/studies/" + study.studyUid() + "/series")
                .then()
                .statusCode(200)
                .body("$", hasSize(2))
                .body("'00080060'.Value[0]", everyItem(equalTo("CT")));
        given().auth()
                .oauth2(token())
                .queryParam("00080060", "MR")
                .get("/dicom-web/studies/" + study.studyUid() + "/instances")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        given().auth()
                .oauth2(token())
                .queryParam("ModalitiesInStudy", "PT")
                .queryParam("PatientID", study.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].'00080061'.Value", containsInAnyOrder("CT", "MR", "OT", "PT"));
        given().auth()
                .oauth2(token())
                .queryParam("ModalitiesInStudy", "US,OT")
                .queryParam("PatientID", study.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
        given().auth()
                .oauth2(token())
                .queryParam("ModalitiesInStudy", "US")
                .queryParam("PatientID", study.patientId())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void shouldCheckEachUidOfAListNotTheListAsAWhole() throws Exception {
        var first = new Ids("P" + System.nanoTime(), longUid(), DicomUids.random());
        var second = new Ids(first.patientId(), longUid(), DicomUids.random());
        assertEquals(64, first.studyUid().length());
        store(List.of(
                TestDicom.ct(first, DicomUids.random(), 1, 8, 8), TestDicom.ct(second, DicomUids.random(), 1, 8, 8)));
        given().auth()
                .oauth2(token())
                .queryParam("StudyInstanceUID", first.studyUid() + "," + second.studyUid())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        given().auth()
                .oauth2(token())
                .queryParam("0020000D", first.studyUid() + "\\" + second.studyUid())
                .get("/dicom-web/studies")
                .then()
                .statusCode(200)
                .body("$", hasSize(2));
        // a UID of 65 characters in the list, or too many UIDs, is still a 400
        given().auth()
                .oauth2(token())
                .queryParam("StudyInstanceUID", first.studyUid() + "," + first.studyUid() + "1")
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token())
                .queryParam("StudyInstanceUID", String.join(",", java.util.Collections.nCopies(201, "1.2.3")))
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(token())
                .queryParam("PatientID", "x".repeat(129))
                .get("/dicom-web/studies")
                .then()
                .statusCode(400);
    }

    @Test
    void shouldNameTheRefusedInstanceInFailedSopSequence() throws Exception {
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        byte[] whole = TestDicom.ct(ids, sop, 1, 64, 64);
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(Arrays.copyOf(whole, whole.length - 1000))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(409)
                .body("'00081198'.Value[0].'00081197'.Value[0]", equalTo(0xC000))
                .body("'00081198'.Value[0].'00081150'.Value[0]", equalTo(SOPClass.CTImageStorage))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(sop));

        // without the UIDs in the file meta information they are read from the data set
        String other = DicomUids.random();
        var list = TestDicom.ctHeader(ids, other, 2, 64, 64);
        var pixels = new OtherWordAttribute(TagFromName.PixelData);
        pixels.setValues(new short[64 * 64]);
        list.put(pixels);
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
        list.remove(TagFromName.MediaStorageSOPClassUID);
        list.remove(TagFromName.MediaStorageSOPInstanceUID);
        list.remove(TagFromName.FileMetaInformationGroupLength);
        byte[] noMeta = TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian);
        given().auth()
                .oauth2(token())
                .contentType(Stow.CONTENT_TYPE)
                .body(Stow.body(List.of(Arrays.copyOf(noMeta, noMeta.length - 1000))))
                .post("/dicom-web/studies")
                .then()
                .statusCode(409)
                .body("'00081198'.Value[0].'00081150'.Value[0]", equalTo(SOPClass.CTImageStorage))
                .body("'00081198'.Value[0].'00081155'.Value[0]", equalTo(other));
    }

    @Test
    void shouldAcceptRleWithTrailingPaddingAndServeWhatDciodvfyAccepts() throws Exception {
        var ids = Ids.fresh();
        String sop = DicomUids.random();
        byte[] rle = Pydicom.renamed("MR_small_RLE.dcm", ids, sop);
        byte[] padding = {(byte) 0xFC, (byte) 0xFF, (byte) 0xFC, (byte) 0xFF};
        assertTrue(indexOf(rle, padding) > 0, "the sample keeps its (FFFC,FFFC) trailing padding");
        String jpeg = DicomUids.random();
        byte[] baseline = Pydicom.renamed(
                "SC_rgb_jpeg_dcmtk.dcm", new Ids(ids.patientId(), ids.studyUid(), DicomUids.random()), jpeg);
        String j2k = DicomUids.random();
        byte[] jpeg2000 =
                Pydicom.renamed("JPEG2000.dcm", new Ids(ids.patientId(), ids.studyUid(), DicomUids.random()), j2k);
        String ct = DicomUids.random();
        byte[] uncompressed =
                TestDicom.real("CT_small.dcm", new Ids(ids.patientId(), ids.studyUid(), DicomUids.random()), ct);
        store(List.of(rle, uncompressed, baseline, jpeg2000));

        for (var stored : List.of(
                new Object[] {null, sop, rle},
                new Object[] {null, ct, uncompressed},
                new Object[] {null, jpeg, baseline},
                new Object[] {null, j2k, jpeg2000})) {
            var response = given().auth()
                    .oauth2(token())
                    .accept("multipart/related; type=\"application/dicom\"; transfer-syntax=*")
                    .get("/dicom-web/studies/" + ids.studyUid())
                    .then()
                    .statusCode(200)
                    .extract();
            var parts = MultipartBody.parts(response.asByteArray(), response.contentType());
            byte[] original = (byte[]) stored[2];
            var retrieved = parts.stream()
                    .map(MultipartBody.Part::content)
                    .filter(p ->
                            indexOf(p, ((String) stored[1]).getBytes(java.nio.charset.StandardCharsets.US_ASCII)) > 0)
                    .findFirst()
                    .orElseThrow();
            assertArrayEquals(original, retrieved, "WADO-RS returns the instance as stored");
            var newErrors = Commands.dciodvfyNewErrors(TestDicom.temp(original), TestDicom.temp(retrieved));
            assertTrue(newErrors.isEmpty(), "dciodvfy: " + newErrors);
        }
    }

    private static String longUid() {
        var random = ThreadLocalRandom.current();
        var uid = new StringBuilder("2.25.").append(1 + random.nextInt(9));
        while (uid.length() < 64) {
            uid.append(random.nextInt(10));
        }
        return uid.toString();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
