package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import vn.teleconsult.imaging.dicom.DicomCodec;
import vn.teleconsult.imaging.dicom.FrameWindowing;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.dicom.PixelLayout;
import vn.teleconsult.imaging.repository.StudyIndex.InstanceRow;
import vn.teleconsult.imaging.storage.InstanceStorage;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** Frames and rendered images of stored instances (WADO-RS frames, rendered, thumbnail), after the access check. */
@ApplicationScoped
public class PixelService {

    private final StudyRetrieve retrieve;
    private final InstanceStorage storage;
    private final DicomCodec codec;

    public PixelService(StudyRetrieve retrieve, InstanceStorage storage, DicomCodec codec) {
        this.retrieve = retrieve;
        this.storage = storage;
        this.codec = codec;
    }

    /** Uncompressed bytes of the frames asked for (1-based), each as a separate array. */
    public java.util.List<byte[]> frames(Actor actor, String study, String series, String sop, int[] numbers) {
        InstanceRow row =
                retrieve.instances(actor, study, series, sop, "frames").get(0);
        Path file = storage.file(row.storageKey());
        var result = new java.util.ArrayList<byte[]>();
        for (int n : numbers) {
            checkFrame(row, n);
            result.add(frame(row, file, n));
        }
        return result;
    }

    /** One frame windowed to 8 bits (NaN window: the instance's own window or the full range). */
    public BufferedImage render(Actor actor, String study, String series, String sop, int n, double c, double w) {
        InstanceRow row =
                retrieve.instances(actor, study, series, sop, "rendered").get(0);
        checkFrame(row, n);
        Path file = storage.file(row.storageKey());
        try {
            PixelLayout layout = codec.layout(file);
            if (!layout.encapsulated()
                    && layout.isMonochrome()
                    && layout.samplesPerPixel() == 1
                    && (layout.bitsAllocated() == 8 || layout.bitsAllocated() == 16 || layout.bitsAllocated() == 32)) {
                return FrameWindowing.toGray(frame(row, file, n), layout, c, w);
            }
            return codec.renderFrame(file, n, c, w);
        } catch (InvalidDicom e) {
            throw new ProblemException(406, "Cannot render", "This instance cannot be rendered: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("stored file unreadable", e);
        }
    }

    private byte[] frame(InstanceRow row, Path file, int n) {
        try {
            if (row.pixelOffset() < 0) {
                throw new ProblemException(404, "No pixels", "This instance has no pixel data.");
            }
            if (row.pixelLength() < 0) {
                return codec.decodeFrame(file, n);
            }
            PixelLayout layout = codec.layout(file);
            long size = layout.frameBytes();
            if (size <= 0 || size > Integer.MAX_VALUE || layout.bitsAllocated() < 8) {
                return codec.decodeFrame(file, n);
            }
            byte[] bytes = new byte[(int) size];
            try (var in = new RandomAccessFile(file.toFile(), "r")) {
                in.seek(row.pixelOffset() + (n - 1) * size);
                in.readFully(bytes);
            }
            return bytes;
        } catch (InvalidDicom e) {
            throw new ProblemException(406, "Cannot decode", "This frame cannot be decoded: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("stored file unreadable", e);
        }
    }

    private static void checkFrame(InstanceRow row, int n) {
        if (n < 1 || n > row.frames()) {
            throw ProblemException.notFound("No frame " + n + "; the instance has " + row.frames() + ".");
        }
    }
}
