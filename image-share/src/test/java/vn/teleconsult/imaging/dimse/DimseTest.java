package vn.teleconsult.imaging.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.network.AssociationFactory;
import com.pixelmed.network.PresentationContext;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.DicomUids;
import vn.teleconsult.imaging.service.DicomNodes;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.service.StudyFilter;
import vn.teleconsult.imaging.service.StudyQuery;
import vn.teleconsult.imaging.testing.AuditRows;
import vn.teleconsult.imaging.testing.Commands;
import vn.teleconsult.imaging.testing.Pydicom;
import vn.teleconsult.imaging.testing.StoreReceiver;
import vn.teleconsult.imaging.testing.TestDicom;
import vn.teleconsult.imaging.testing.TestDicom.Ids;

/** The DIMSE SCP against DCMTK's echoscu, storescu, findscu, movescu and getscu. */
@QuarkusTest
class DimseTest {

    @Inject
    DimseServer server;

    @Inject
    DicomNodes nodes;

    @Inject
    StudyQuery query;

    @Inject
    AgroalDataSource db;

    private final UUID hospital = UUID.randomUUID();
    private String ae;

    @BeforeEach
    void registerCaller() {
        ae = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        nodes.register(hospital, ae, null, null, Kind.CALLING);
    }

    private List<String> tool(String name, String callingAe, String... args) {
        var command = new ArrayList<>(List.of(name, "-aet", callingAe, "-aec", server.aeTitle()));
        command.addAll(List.of(args));
        command.addAll(List.of("127.0.0.1", Integer.toString(server.port())));
        return command;
    }

    private List<String> storescu(String dir) {
        return List.of(
                "storescu",
                "-aet",
                ae,
                "-aec",
                server.aeTitle(),
                "127.0.0.1",
                Integer.toString(server.port()),
                "+sd",
                "+r",
                dir);
    }

    private Path studyOnDisk(Ids ids, int count) throws Exception {
        Path dir = Files.createTempDirectory("dimse-study");
        for (int i = 1; i <= count; i++) {
            Files.write(dir.resolve(i + ".dcm"), TestDicom.ct(ids, DicomUids.random(), i, 32, 32));
        }
        return dir;
    }

    private int studiesVisible(Ids ids) {
        var filter = new StudyFilter(ids.patientId(), null, null, null, null, null, List.of(), null, null, 10, 0);
        var rows = query.studies(CallingAe.actor(ae, hospital), filter);
        return rows.isEmpty() ? 0 : rows.get(0).instanceCount();
    }

    @Test
    void shouldAnswerEchoFromAKnownCallerAndRefuseUnknownOnes() throws Exception {
        assertEquals(0, Commands.run(tool("echoscu", ae), 30).exit());
        var unknown = Commands.run(tool("echoscu", "NOBODY"), 30);
        assertNotEquals(0, unknown.exit());
        assertTrue(unknown.output().toLowerCase().contains("reject"), unknown.output());
        var wrongCalled = Commands.run(
                List.of("echoscu", "-aet", ae, "-aec", "SOMEONEELSE", "127.0.0.1", Integer.toString(server.port())),
                30);
        assertNotEquals(0, wrongCalled.exit());
    }

    @Test
    void shouldStoreFindMoveAndGetWithDcmtk() throws Exception {
        var ids = Ids.fresh();
        Path dir = studyOnDisk(ids, 3);
        var stored = Commands.run(storescu(dir.toString()), 60);
        assertEquals(0, stored.exit(), stored.output());
        assertEquals(3, studiesVisible(ids));

        var found = Commands.run(
                tool(
                        "findscu",
                        ae,
                        "-S",
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0010,0020=" + ids.patientId(),
                        "-k",
                        "0020,000D",
                        "-k",
                        "0020,1208"),
                30);
        assertEquals(0, found.exit(), found.output());
        assertTrue(found.output().contains(ids.studyUid()), found.output());

        var series = Commands.run(
                tool(
                        "findscu",
                        ae,
                        "-S",
                        "-k",
                        "0008,0052=SERIES",
                        "-k",
                        "0020,000D=" + ids.studyUid(),
                        "-k",
                        "0020,000E",
                        "-k",
                        "0008,0060"),
                30);
        assertTrue(series.output().contains(ids.seriesUid()), series.output());

        // C-MOVE to a storage receiver registered for the same hospital
        String dest = ae.substring(0, Math.min(ae.length(), 12)) + "DST";
        try (var receiver = new StoreReceiver(dest)) {
            nodes.register(hospital, dest, "127.0.0.1", receiver.port(), Kind.CALLING);
            var moved = Commands.run(
                    tool(
                            "movescu",
                            ae,
                            "-S",
                            "-aem",
                            dest,
                            "-k",
                            "0008,0052=STUDY",
                            "-k",
                            "0020,000D=" + ids.studyUid()),
                    60);
            assertEquals(0, moved.exit(), moved.output());
            assertEquals(3, receiver.received(), moved.output());
        }

        Path got = Files.createTempDirectory("dimse-got");
        var get = Commands.run(
                tool(
                        "getscu",
                        ae,
                        "-S",
                        "-od",
                        got.toString(),
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0020,000D=" + ids.studyUid()),
                60);
        assertEquals(0, get.exit(), get.output());
        assertEquals(3, count(got), get.output());
    }

    @Test
    void shouldNotLetAnotherHospitalsAeFindOrRetrieveTheStudy() throws Exception {
        var ids = Ids.fresh();
        assertEquals(
                0, Commands.run(storescu(studyOnDisk(ids, 1).toString()), 60).exit());
        String stranger = ae.substring(0, Math.min(ae.length(), 13)) + "X";
        nodes.register(UUID.randomUUID(), stranger, null, null, Kind.CALLING);
        var found = Commands.run(
                tool("findscu", stranger, "-S", "-k", "0008,0052=STUDY", "-k", "0020,000D=" + ids.studyUid()), 30);
        assertTrue(!found.output().contains("0020,000d) UI [" + ids.studyUid()), found.output());
        Path got = Files.createTempDirectory("dimse-stranger");
        Commands.run(
                tool(
                        "getscu",
                        stranger,
                        "-S",
                        "-od",
                        got.toString(),
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0020,000D=" + ids.studyUid()),
                60);
        assertEquals(0, count(got));
    }

    @Test
    void shouldStoreNothingFromAnAssociationAbortedHalfWay() throws Exception {
        var ids = Ids.fresh();
        byte[] file = TestDicom.ct(ids, DicomUids.random(), 1, 256, 256);
        var contexts = new LinkedList<PresentationContext>();
        contexts.add(new PresentationContext((byte) 1, SOPClass.CTImageStorage, TransferSyntax.ExplicitVRLittleEndian));
        com.pixelmed.network.Association association = AssociationFactory.createNewAssociation(
                "127.0.0.1", server.port(), server.aeTitle(), ae, contexts, null, false);
        var out = association.getAssociationOutputStream((byte) 1);
        out.write(file, 0, file.length / 2);
        out.flush();
        association.abort();
        // the server keeps serving, and the aborted instance is not there
        assertEquals(0, Commands.run(tool("echoscu", ae), 30).exit());
        assertEquals(0, studiesVisible(ids));
    }

    @Test
    void shouldMoveOnlyToTheCallersOwnHospitalsNodes() throws Exception {
        var ids = Ids.fresh();
        assertEquals(
                0, Commands.run(storescu(studyOnDisk(ids, 2).toString()), 60).exit());
        // a receiver registered to another hospital is no destination for this caller
        String foreign = ae.substring(0, Math.min(ae.length(), 12)) + "FRN";
        try (var receiver = new StoreReceiver(foreign)) {
            nodes.register(UUID.randomUUID(), foreign, "127.0.0.1", receiver.port(), Kind.CALLING);
            var moved = Commands.run(
                    tool(
                            "movescu",
                            ae,
                            "-S",
                            "-aem",
                            foreign,
                            "-k",
                            "0008,0052=STUDY",
                            "-k",
                            "0020,000D=" + ids.studyUid()),
                    60);
            assertEquals(0, receiver.received(), moved.output());
        }
        // another hospital's caller cannot move the study, not even to its own receiver
        String stranger = ae.substring(0, Math.min(ae.length(), 13)) + "M";
        UUID strangersHospital = UUID.randomUUID();
        nodes.register(strangersHospital, stranger, null, null, Kind.CALLING);
        String theirs = ae.substring(0, Math.min(ae.length(), 12)) + "THR";
        try (var receiver = new StoreReceiver(theirs)) {
            nodes.register(strangersHospital, theirs, "127.0.0.1", receiver.port(), Kind.CALLING);
            var moved = Commands.run(
                    tool(
                            "movescu",
                            stranger,
                            "-S",
                            "-aem",
                            theirs,
                            "-k",
                            "0008,0052=STUDY",
                            "-k",
                            "0020,000D=" + ids.studyUid()),
                    60);
            assertEquals(0, receiver.received(), moved.output());
        }
    }

    @Test
    void shouldRefuseAnotherHospitalsSopInstanceUidOverCStore() throws Exception {
        String sop = DicomUids.random();
        var theirs = Ids.fresh();
        String other = ae.substring(0, Math.min(ae.length(), 13)) + "S";
        nodes.register(UUID.randomUUID(), other, null, null, Kind.CALLING);
        Path theirDir = Files.createTempDirectory("dimse-theirs");
        Files.write(theirDir.resolve("1.dcm"), TestDicom.ct(theirs, sop, 1, 16, 16));
        var stored = Commands.run(
                List.of(
                        "storescu",
                        "-aet",
                        other,
                        "-aec",
                        server.aeTitle(),
                        "127.0.0.1",
                        Integer.toString(server.port()),
                        theirDir.resolve("1.dcm").toString()),
                60);
        assertEquals(0, stored.exit(), stored.output());

        var mine = Ids.fresh();
        Path mineDir = Files.createTempDirectory("dimse-mine");
        Files.write(mineDir.resolve("1.dcm"), TestDicom.ct(mine, sop, 1, 16, 16));
        var refused = Commands.run(storescu(mineDir.toString()), 60);
        assertTrue(
                refused.exit() != 0 || !refused.output().contains("Success"), "C-STORE must fail: " + refused.output());
        assertEquals(0, studiesVisible(mine));
        try (var c = db.getConnection();
                var s = c.prepareStatement("select count(*) from imaging.study where study_uid = ?")) {
            s.setString(1, mine.studyUid());
            var rs = s.executeQuery();
            rs.next();
            assertEquals(0, rs.getLong(1), "a refused instance leaves no study row");
        }
    }

    @Test
    void shouldNameThePatientsAndStudiesACFindReturned() throws Exception {
        var ids = Ids.fresh();
        assertEquals(
                0, Commands.run(storescu(studyOnDisk(ids, 1).toString()), 60).exit());
        var found = Commands.run(
                tool(
                        "findscu",
                        ae,
                        "-S",
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0010,0020=" + ids.patientId(),
                        "-k",
                        "0020,000D"),
                30);
        assertTrue(found.output().contains(ids.studyUid()), found.output());
        var rows = AuditRows.of(db, "ae:" + ae, "ImagingStudyQuery");
        assertTrue(
                rows.stream()
                        .anyMatch(r -> ids.patientId().equals(r.patientRef())
                                && r.detail().contains(ids.studyUid())),
                rows.toString());
    }

    @Test
    void shouldFindOnlyTheSeriesOfTheModalityAsked() throws Exception {
        var study = Ids.fresh();
        Path dir = Files.createTempDirectory("dimse-mixed");
        String[] modalities = {"CT", "CT", "MR", "MR", "PT", "OT"};
        for (int i = 0; i < modalities.length; i++) {
            var ids = new Ids(study.patientId(), study.studyUid(), DicomUids.random());
            var list = TestDicom.ctHeader(ids, DicomUids.random(), 1, 8, 8);
            TestDicom.set(list, com.pixelmed.dicom.TagFromName.Modality, modalities[i]);
            var pixels = new com.pixelmed.dicom.OtherWordAttribute(com.pixelmed.dicom.TagFromName.PixelData);
            pixels.setValues(new short[64]);
            list.put(pixels);
            com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(
                    list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
            Files.write(dir.resolve(i + ".dcm"), TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian));
        }
        assertEquals(0, Commands.run(storescu(dir.toString()), 60).exit());

        Path out = Files.createTempDirectory("dimse-series");
        var found = Commands.run(
                tool(
                        "findscu",
                        ae,
                        "-S",
                        "-X",
                        "-od",
                        out.toString(),
                        "-k",
                        "0008,0052=SERIES",
                        "-k",
                        "0020,000D=" + study.studyUid(),
                        "-k",
                        "0020,000E",
                        "-k",
                        "0008,0060=CT"),
                30);
        assertEquals(0, found.exit(), found.output());
        assertEquals(2, count(out), found.output());
        String modalitiesFound = Pydicom.run(
                """
                import sys, glob, pydicom
                print(sorted(pydicom.dcmread(f).Modality for f in glob.glob(sys.argv[1] + '/rsp*.dcm')))
                """,
                out.toString());
        assertEquals("['CT', 'CT']", modalitiesFound.trim());

        Path studies = Files.createTempDirectory("dimse-studies");
        var byStudy = Commands.run(
                tool(
                        "findscu",
                        ae,
                        "-S",
                        "-X",
                        "-od",
                        studies.toString(),
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0020,000D=" + study.studyUid(),
                        "-k",
                        "0008,0061=MR"),
                30);
        assertEquals(0, byStudy.exit(), byStudy.output());
        String inStudy = Pydicom.run(
                """
                import sys, glob, pydicom
                for f in glob.glob(sys.argv[1] + '/rsp*.dcm'):
                    print(sorted(pydicom.dcmread(f).ModalitiesInStudy))
                """,
                studies.toString());
        assertEquals("['CT', 'MR', 'OT', 'PT']", inStudy.trim());
    }

    @Test
    void shouldDeclareUtf8InCFindResponsesThatHoldNonAsciiText() throws Exception {
        var ids = Ids.fresh();
        String name = "Nguyễn^Văn Ân";
        var list = TestDicom.ctHeader(ids, DicomUids.random(), 1, 8, 8);
        TestDicom.set(list, com.pixelmed.dicom.TagFromName.SpecificCharacterSet, "ISO_IR 192");
        var patientName = new com.pixelmed.dicom.PersonNameAttribute(
                com.pixelmed.dicom.TagFromName.PatientName,
                new com.pixelmed.dicom.SpecificCharacterSet(new String[] {"ISO_IR 192"}));
        patientName.addValue(name);
        list.put(patientName);
        var pixels = new com.pixelmed.dicom.OtherWordAttribute(com.pixelmed.dicom.TagFromName.PixelData);
        pixels.setValues(new short[64]);
        list.put(pixels);
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(
                list, TransferSyntax.ExplicitVRLittleEndian, "TESTS");
        Path dir = Files.createTempDirectory("dimse-utf8");
        Files.write(dir.resolve("1.dcm"), TestDicom.write(list, TransferSyntax.ExplicitVRLittleEndian));
        assertEquals(0, Commands.run(storescu(dir.toString()), 60).exit());

        // the query does not ask for Specific Character Set (0008,0005)
        for (String level : List.of("STUDY")) {
            Path out = Files.createTempDirectory("dimse-utf8-found");
            var found = Commands.run(
                    tool(
                            "findscu",
                            ae,
                            "-S",
                            "-X",
                            "-od",
                            out.toString(),
                            "-k",
                            "0008,0052=" + level,
                            "-k",
                            "0010,0020=" + ids.patientId(),
                            "-k",
                            "0020,000D=" + ids.studyUid(),
                            "-k",
                            "0010,0010"),
                    30);
            assertEquals(0, found.exit(), found.output());
            String read = Pydicom.run(
                    """
                    import sys, glob, pydicom
                    sys.stdout.reconfigure(encoding='utf-8')
                    for f in glob.glob(sys.argv[1] + '/rsp*.dcm'):
                        ds = pydicom.dcmread(f)
                        print(ds.get('SpecificCharacterSet'), ds.PatientName)
                    """,
                    out.toString());
            assertEquals("ISO_IR 192 " + name, read.trim());
        }
        // an ASCII-only response needs no declaration
        Path plain = Files.createTempDirectory("dimse-ascii");
        var ascii = Commands.run(
                tool(
                        "findscu",
                        ae,
                        "-S",
                        "-X",
                        "-od",
                        plain.toString(),
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0020,000D=" + ids.studyUid(),
                        "-k",
                        "0020,0010"),
                30);
        assertEquals(0, ascii.exit(), ascii.output());
        assertEquals(
                "None",
                Pydicom.run(
                                """
                                import sys, glob, pydicom
                                for f in glob.glob(sys.argv[1] + '/rsp*.dcm'):
                                    print(pydicom.dcmread(f).get('SpecificCharacterSet'))
                                """,
                                plain.toString())
                        .trim());
    }

    private static long count(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.count();
        }
    }
}
