package vn.teleconsult.imaging.dicomweb;

import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The stored files of a WADO-RS body with the part headers between them, as ONE Netty file region: the event loop
 * sends it by {@code sendfile} (file after file, each header a small write) in as few calls as the socket allows, with
 * no hand-off per file between threads and no per-file promise. The first part's header is not part of the region (it
 * goes out with the response head) and neither is the closing boundary.
 *
 * <p>Files are opened ahead of the event loop by the request's worker thread ({@link #offer}), which may run at most
 * {@link #AHEAD} files ahead of what is sent and reads cold files into the page cache there; a file the worker has not
 * opened yet is opened here. Whatever is still open when the region is released (sent, failed or never written) is
 * closed exactly once.
 */
final class PartsRegion extends AbstractReferenceCounted implements FileRegion {

    /** How many files the worker may open (and read into the page cache) ahead of the one being sent. */
    static final int AHEAD = 16;

    private final List<MultipartFiles.Part> parts;
    private final AtomicReferenceArray<FileChannel> opened;
    private final long count;
    private final Thread worker;

    // state of the event loop (the only thread that calls transferTo)
    private long transferred;
    private int index;
    private ByteBuffer header;
    private FileChannel file;
    private long filePosition;

    private volatile int sent;
    private volatile int wakeAt = Integer.MAX_VALUE;
    private volatile boolean released;

    PartsRegion(List<MultipartFiles.Part> parts, Thread worker) {
        this.parts = parts;
        this.opened = new AtomicReferenceArray<>(parts.size());
        this.worker = worker;
        long length = 0;
        for (int i = 0; i < parts.size(); i++) {
            length += parts.get(i).size() + (i == 0 ? 0 : parts.get(i).header().length);
        }
        this.count = length;
    }

    /** Parts sent whole so far. */
    int sent() {
        return sent;
    }

    boolean released() {
        return released;
    }

    /**
     * Hands the event loop a file the worker opened for part {@code i}; false (and the file is closed) when the region
     * no longer needs it.
     */
    boolean offer(int i, FileChannel channel) throws IOException {
        if (released || i < sent || !opened.compareAndSet(i, null, channel)) {
            channel.close();
            return false;
        }
        if (released && opened.compareAndSet(i, channel, null)) {
            channel.close(); // released meanwhile: its sweep may have run before the file was put there
            return false;
        }
        return true;
    }

    /** Parks the worker until fewer than {@code AHEAD} parts lie between what is sent and part {@code i}. */
    void awaitRoomFor(int i, long maxNanos) {
        int threshold = i - AHEAD + AHEAD / 2; // wake once per half window, not once per file
        wakeAt = threshold;
        if (sent < threshold && !released) {
            LockSupport.parkNanos(this, maxNanos);
        }
        wakeAt = Integer.MAX_VALUE;
    }

    @Override
    public long position() {
        return 0;
    }

    @Override
    @Deprecated
    public long transfered() {
        return transferred;
    }

    @Override
    public long transferred() {
        return transferred;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long transferTo(WritableByteChannel target, long position) throws IOException {
        if (position != transferred) {
            throw new IllegalArgumentException("position " + position + " is not where the region stands");
        }
        long written = 0;
        while (index < parts.size()) {
            if (header != null) {
                written += target.write(header);
                if (header.hasRemaining()) {
                    break; // the socket is full
                }
                header = null;
            }
            var part = parts.get(index);
            if (file == null) {
                file = opened.getAndSet(index, null);
                if (file == null) {
                    file = FileChannel.open(part.file(), StandardOpenOption.READ);
                }
                filePosition = 0;
                if (file.size() != part.size()) {
                    throw new IOException("a stored file is not of its indexed size");
                }
            }
            if (filePosition < part.size()) {
                long n = file.transferTo(filePosition, part.size() - filePosition, target);
                if (n <= 0) {
                    if (file.size() < part.size()) {
                        throw new IOException("a stored file was cut short while being sent");
                    }
                    break; // the socket is full
                }
                filePosition += n;
                written += n;
                if (filePosition < part.size()) {
                    break; // the socket took part of it: it is full for now
                }
            }
            file.close();
            file = null;
            int done = ++index;
            sent = done;
            if (done >= wakeAt) {
                LockSupport.unpark(worker);
            }
            if (done < parts.size()) {
                header = ByteBuffer.wrap(parts.get(done).header());
            }
        }
        transferred += written;
        return written;
    }

    @Override
    protected void deallocate() {
        released = true;
        LockSupport.unpark(worker);
        closeQuietly(file);
        file = null;
        for (int i = 0; i < opened.length(); i++) {
            closeQuietly(opened.getAndSet(i, null));
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a file only read from: nothing is lost
            }
        }
    }

    @Override
    public FileRegion retain() {
        super.retain();
        return this;
    }

    @Override
    public FileRegion retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public FileRegion touch() {
        return this;
    }

    @Override
    public FileRegion touch(Object hint) {
        return this;
    }
}
