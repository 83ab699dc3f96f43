package vn.teleconsult.imaging.dicomweb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The multipart body region: exact bytes through a socket that takes little at a time, and every file closed once. */
class PartsRegionTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteEveryFileWithTheHeadersBetweenThemThroughASocketThatIsOftenFull() throws Exception {
        var parts = parts(3 * PartsRegion.AHEAD + 3);
        var region = new PartsRegion(parts, Thread.currentThread());
        var socket = new SlowSocket();
        // the worker opened some files ahead: those are used (and closed), the others are opened by the region
        var offered = new ArrayList<FileChannel>();
        for (int i = 0; i < parts.size(); i += 3) {
            var file = FileChannel.open(parts.get(i).file(), StandardOpenOption.READ);
            assertTrue(region.offer(i, file));
            offered.add(file);
        }

        int calls = 0;
        while (region.transferred() < region.count()) {
            region.transferTo(socket, region.transferred());
            assertTrue(++calls < 1_000_000, "the region makes no progress");
        }
        assertEquals(parts.size(), region.sent());
        assertArrayEquals(expected(parts), socket.received());
        assertTrue(region.release());
        assertTrue(offered.stream().noneMatch(FileChannel::isOpen));
    }

    @Test
    void shouldCloseWhatTheWorkerOpenedWhenTheRegionIsReleasedUnsentAndRefuseMore() throws Exception {
        var parts = parts(4);
        var region = new PartsRegion(parts, Thread.currentThread());
        var early = FileChannel.open(parts.get(2).file(), StandardOpenOption.READ);
        assertTrue(region.offer(2, early));

        assertTrue(region.release()); // e.g. the client left before anything was written

        assertFalse(early.isOpen());
        assertTrue(region.released());
        var late = FileChannel.open(parts.get(3).file(), StandardOpenOption.READ);
        assertFalse(region.offer(3, late));
        assertFalse(late.isOpen());
    }

    @Test
    void shouldFailRatherThanSendAFileThatIsNotOfItsIndexedSize() throws Exception {
        var parts = parts(3);
        Files.write(parts.get(1).file(), new byte[] {1}, StandardOpenOption.APPEND);
        var region = new PartsRegion(parts, Thread.currentThread());
        var socket = new SlowSocket();

        assertThrows(IOException.class, () -> {
            while (region.transferred() < region.count()) {
                region.transferTo(socket, region.transferred());
            }
        });
        assertTrue(region.release());
    }

    private List<MultipartFiles.Part> parts(int count) throws IOException {
        var random = new Random(count);
        var parts = new ArrayList<MultipartFiles.Part>();
        for (int i = 0; i < count; i++) {
            byte[] content = new byte[i % 7 == 0 ? 0 : 1 + random.nextInt(200_000)];
            random.nextBytes(content);
            Path file = Files.write(dir.resolve("f" + i), content);
            parts.add(new MultipartFiles.Part(
                    file, content.length, ("\r\n--b\r\nPart: " + i + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
        }
        return parts;
    }

    /** What the region must write: every file, each after its header, except the first part's header. */
    private static byte[] expected(List<MultipartFiles.Part> parts) throws IOException {
        var out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.write(parts.get(i).header());
            }
            out.write(Files.readAllBytes(parts.get(i).file()));
        }
        return out.toByteArray();
    }

    /** A socket whose buffer is full every other call and that takes at most 10,000 bytes at once. */
    private static final class SlowSocket implements WritableByteChannel {
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private int calls;

        @Override
        public int write(ByteBuffer source) {
            if (calls++ % 2 == 1) {
                return 0;
            }
            int n = Math.min(source.remaining(), 10_000);
            for (int i = 0; i < n; i++) {
                received.write(source.get());
            }
            return n;
        }

        byte[] received() {
            return received.toByteArray();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
