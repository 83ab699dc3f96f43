package vn.teleconsult.imaging.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import vn.teleconsult.imaging.dicom.DicomCodec;
import vn.teleconsult.imaging.dicom.DicomTranscoder;
import vn.teleconsult.imaging.dicom.InvalidDicom;
import vn.teleconsult.imaging.dicom.TransferSyntaxes;

/**
 * Decides in which transfer syntax a stored instance goes out to a receiver that accepts some syntaxes (WADO-RS,
 * C-GET, C-MOVE): as stored when the receiver accepts that, else decompressed to Explicit or Implicit VR Little Endian
 * when the receiver accepts one of them and the pixels can be decoded, else not at all. Never anything else.
 */
@ApplicationScoped
public class InstanceEncoding {

    private final DicomCodec codec;
    private final DicomTranscoder transcoder;

    public InstanceEncoding(DicomCodec codec, DicomTranscoder transcoder) {
        this.codec = codec;
        this.transcoder = transcoder;
    }

    /**
     * The syntax to send {@code file} in, given the syntaxes the receiver accepts for it; null when none can be
     * produced. An uncompressed stored syntax may be re-encoded to the other uncompressed ones without decoding.
     */
    public String choose(StoredFile file, Collection<String> accepted) {
        if (accepted.contains(file.transferSyntax())) {
            return file.transferSyntax();
        }
        for (String target :
                new String[] {TransferSyntaxes.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntaxes.IMPLICIT_VR_LITTLE_ENDIAN}) {
            if (accepted.contains(target) && canDecompress(file)) {
                return target;
            }
        }
        return null;
    }

    /** A stored file and the syntax it goes out in (null: it cannot be sent to this receiver). */
    public record Planned(StoredFile file, String target) {}

    /** {@link #choose} for each file. */
    public java.util.List<Planned> plan(java.util.List<StoredFile> files, Collection<String> accepted) {
        return files.stream().map(f -> new Planned(f, choose(f, accepted))).toList();
    }

    private boolean canDecompress(StoredFile file) {
        if (TransferSyntaxes.isUncompressed(file.transferSyntax())) {
            return true;
        }
        try {
            return transcoder.canDecompress(file.transferSyntax(), codec.layout(file.file()));
        } catch (InvalidDicom | IOException e) {
            return false;
        }
    }

    /** Writes the instance in {@code target}, chosen by {@link #choose}: as a Part 10 file, or the bare data set. */
    public void write(StoredFile file, String target, boolean part10, OutputStream out)
            throws InvalidDicom, IOException {
        if (target.equals(file.transferSyntax())) {
            try (var in = java.nio.channels.FileChannel.open(file.file(), java.nio.file.StandardOpenOption.READ)) {
                long from = part10 ? 0 : transcoder.datasetOffset(file.file());
                in.position(from);
                java.nio.channels.Channels.newInputStream(in).transferTo(out);
            }
            return;
        }
        transcoder.write(file.file(), target, part10, out);
    }
}
