package vn.teleconsult.imaging.dimse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;
import vn.teleconsult.imaging.service.DicomNodes;
import vn.teleconsult.imaging.service.DicomNodes.Kind;
import vn.teleconsult.imaging.testing.Commands;
import vn.teleconsult.imaging.testing.MixedStudy;
import vn.teleconsult.imaging.testing.StoreScp;
import vn.teleconsult.imaging.testing.Tokens;

/**
 * C-GET and C-MOVE of a study of mixed transfer syntaxes to DCMTK peers that accept only uncompressed syntaxes or all
 * of them: each instance arrives in a syntax its context was accepted for, with the pixels of its original (decoded
 * outside the server), and no new dciodvfy errors; the JPEG-LS instance, which cannot be decoded here, is a failed
 * sub-operation when only uncompressed syntaxes are accepted.
 */
@QuarkusTest
class MixedSyntaxRetrieveTest {

    @Inject
    DimseServer server;

    @Inject
    DicomNodes nodes;

    @Inject
    Tokens tokens;

    private final UUID hospital = UUID.randomUUID();
    private String ae;
    private MixedStudy study;

    @BeforeEach
    void storeTheStudy() throws Exception {
        ae = "X" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        nodes.register(hospital, ae, null, null, Kind.CALLING);
        study = MixedStudy.build();
        study.stow(tokens.doctorOf(hospital));
    }

    private List<String> tool(String name, String... args) {
        var command = new ArrayList<>(List.of(name, "-aet", ae, "-aec", server.aeTitle()));
        command.addAll(List.of(args));
        command.addAll(List.of("127.0.0.1", Integer.toString(server.port())));
        return command;
    }

    @Test
    void shouldGetEveryDecodableInstanceUncompressedWhenOnlyUncompressedSyntaxesAreOffered() throws Exception {
        Path got = Files.createTempDirectory("mixed-get");
        var get = Commands.run(
                tool(
                        "getscu",
                        "-d",
                        "-S",
                        "-od",
                        got.toString(),
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0020,000D=" + study.ids().studyUid()),
                120);
        var received = checkReceived(got, get.output(), true);
        assertEquals(
                Set.of("uncompressed", "rle", "jpeg_lossless", "jpeg_baseline", "jpeg2000", "multiframe"), received);
        // the JPEG-LS instance is one failed sub-operation (getscu 3.6.7 reads the counts, not the identifier that
        // lists it: see the C-MOVE test for the Failed SOP Instance UID List)
        assertTrue(get.output().matches("(?s).*Failed Suboperations\\s*:\\s*1\\b.*"), get.output());
    }

    @Test
    void shouldMoveAsStoredToAReceiverOfEverySyntaxAndDecompressedToAnUncompressedOne() throws Exception {
        String all = ae.substring(0, Math.min(ae.length(), 12)) + "ALL";
        String plain = ae.substring(0, Math.min(ae.length(), 12)) + "UNC";
        try (var everything = new StoreScp(all, "+xa");
                var uncompressed = new StoreScp(plain)) {
            nodes.register(hospital, all, "127.0.0.1", everything.port(), Kind.CALLING);
            nodes.register(hospital, plain, "127.0.0.1", uncompressed.port(), Kind.CALLING);

            var moved = move(all);
            var asStored = checkReceived(everything.files(), moved.output(), false);
            assertEquals(study.instances().keySet(), asStored, moved.output());

            var movedPlain = move(plain);
            var decompressed = checkReceived(uncompressed.files(), movedPlain.output(), true);
            assertEquals(
                    Set.of("uncompressed", "rle", "jpeg_lossless", "jpeg_baseline", "jpeg2000", "multiframe"),
                    decompressed,
                    movedPlain.output());
            // the JPEG-LS instance is one failed sub-operation, listed in the final response's identifier
            String jpegLs = study.get(MixedStudy.JPEG_LS).sopInstanceUid();
            assertTrue(
                    movedPlain.output().lines().anyMatch(l -> l.contains("(0008,0058)") && l.contains(jpegLs)),
                    movedPlain.output());
            assertTrue(movedPlain.output().matches("(?s).*Failed Suboperations\\s*:\\s*1\\b.*"), movedPlain.output());
        }
    }

    private Commands.Result move(String destination) throws Exception {
        return Commands.run(
                tool(
                        "movescu",
                        "-d",
                        "-S",
                        "-aem",
                        destination,
                        "-k",
                        "0008,0052=STUDY",
                        "-k",
                        "0020,000D=" + study.ids().studyUid()),
                120);
    }

    private Set<String> checkReceived(Path folder, String output, boolean uncompressed) throws Exception {
        try (var list = Files.list(folder)) {
            return checkReceived(list.filter(Files::isRegularFile).toList(), output, uncompressed);
        }
    }

    /** Checks every received file against its original; the names of the instances received. */
    private Set<String> checkReceived(List<Path> files, String output, boolean uncompressed) throws Exception {
        var names = new HashSet<String>();
        for (Path file : files) {
            var original = study.of(file);
            assertNotNull(original, "a file of the study: " + file + "\n" + output);
            names.add(original.name());
            String ts = MixedStudy.transferSyntax(file);
            if (uncompressed || TransferSyntaxes.isUncompressed(original.transferSyntax())) {
                // an uncompressed instance may be re-encoded in the uncompressed syntax the receiver chose
                assertTrue(TransferSyntaxes.isUncompressed(ts), original.name() + " arrived in " + ts);
            } else {
                assertEquals(original.transferSyntax(), ts, original.name() + " arrives as stored");
            }
            if (!original.name().equals(MixedStudy.JPEG_LS)) {
                var same = MixedStudy.samePixels(original.file(), file);
                assertEquals(0, same.exit(), original.name() + ": " + same.output());
            }
            var before = MixedStudy.dciodvfyErrors(original.file());
            var after = MixedStudy.dciodvfyErrors(file);
            after.removeAll(before);
            assertTrue(after.isEmpty(), original.name() + " has new dciodvfy errors: " + after);
        }
        return names;
    }
}
