package vn.teleconsult.imaging.dicomweb;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Sends a {@link MultipartFiles} body with a Content-Length: on a plain HTTP/1 connection the files and the part headers
 * between them go out as one {@link PartsRegion} by {@code sendfile} (the bytes go from the page cache to the socket
 * without passing through the JVM); where the connection cannot take file regions (HTTP/2, TLS) the files are read into
 * pooled direct buffers instead. Runs on the worker thread of the blocking WADO-RS request, which opens the files ahead
 * of the event loop and waits until the body is sent, so that at most {@link PartsRegion#AHEAD} files are open and
 * memory stays bounded for any study.
 */
@Provider
@Produces("multipart/related")
public class MultipartFilesWriter implements ServerMessageBodyWriter<MultipartFiles> {

    /** Longer than a read of one cached page takes, shorter than a read from the disk. */
    private static final long COLD_READ_NANOS = 50_000;

    private static final int READ_BUFFER = 1 << 20;
    private static final Path DEV_NULL = Path.of("/dev/null");

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, ResteasyReactiveResourceInfo target, MediaType mediaType) {
        return MultipartFiles.class.equals(type);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return MultipartFiles.class.equals(type);
    }

    @Override
    public void writeResponse(MultipartFiles body, Type genericType, ServerRequestContext context) throws IOException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("WADO-RS files are sent from a worker thread, never an event loop");
        }
        var request = ((ResteasyReactiveRequestContext) context).serverRequest().unwrap(HttpServerRequest.class);
        HttpServerResponse response = request.response();
        response.setChunked(false);
        response.putHeader(HttpHeaders.CONTENT_TYPE, body.contentType());
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(body.contentLength()));
        if (request.method() == HttpMethod.HEAD) {
            response.end(); // the headers only; file regions would bypass Vert.x's own HEAD handling
            return;
        }
        try {
            ConnectionBase connection = fileRegionConnection(request);
            if (connection != null) {
                sendFiles(body, response, connection);
            } else {
                copyFiles(body, response);
            }
            response.end(Buffer.buffer(body.closing()));
        } catch (IOException | RuntimeException e) {
            // the length is promised: a short body must not look complete, so the connection goes
            Log.warnf("WADO-RS response cut off after an error: %s", e.toString());
            if (!response.closed()) {
                response.reset();
            }
        }
    }

    /** The plain HTTP/1.x connection under the request, or null when file regions cannot be written to it. */
    private static ConnectionBase fileRegionConnection(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2 || request.isSSL()) {
            return null;
        }
        return request.connection() instanceof ConnectionBase c ? c : null;
    }

    /**
     * Sends the files as one {@link PartsRegion} written by the event loop, while this worker opens the files ahead of
     * it ({@link PartsRegion#AHEAD} at most) and reads into the page cache those that are not there yet, so that the
     * event loop's {@code sendfile} does not wait for the disk.
     */
    private static void sendFiles(MultipartFiles body, HttpServerResponse response, ConnectionBase connection)
            throws IOException {
        var parts = body.parts();
        if (parts.isEmpty()) {
            return;
        }
        response.write(Buffer.buffer(parts.get(0).header())); // the response head and the first part header
        var region = new PartsRegion(parts, Thread.currentThread());
        ChannelPromise sent = connection.channelFuture();
        connection.writeToChannel(region, sent); // after the head, in order: both are queued on the event loop
        readAhead(region, parts, sent, response);
        awaitSent(sent, response);
    }

    private static void readAhead(
            PartsRegion region, List<MultipartFiles.Part> parts, ChannelFuture sent, HttpServerResponse response)
            throws IOException {
        var probe = ByteBuffer.allocate(1);
        try (var devNull = FileChannel.open(DEV_NULL, StandardOpenOption.WRITE)) {
            for (int i = 0; i < parts.size(); i++) {
                while (i - region.sent() >= PartsRegion.AHEAD) {
                    if (sent.isDone() || response.closed()) {
                        return;
                    }
                    region.awaitRoomFor(i, TimeUnit.SECONDS.toNanos(1));
                }
                if (sent.isDone() || region.released()) {
                    return;
                }
                if (i < region.sent()) {
                    continue;
                }
                var part = parts.get(i);
                FileChannel file;
                try {
                    file = FileChannel.open(part.file(), StandardOpenOption.READ);
                } catch (IOException e) {
                    continue; // the event loop fails on it in turn, and the response with it
                }
                try {
                    if (file.size() != part.size()) {
                        file.close();
                        continue; // the event loop finds it so in turn and cuts the response off
                    }
                    if (cold(file, part.size(), probe)) {
                        warm(file, part.size(), devNull);
                    }
                } catch (IOException e) {
                    file.close();
                    continue;
                }
                region.offer(i, file);
            }
        }
    }

    /**
     * Whether the first or the last byte of the file had to come from the disk: a read of a cached page takes a few
     * microseconds, one from the disk far longer (a preempted cached read only costs a needless warm-up).
     */
    private static boolean cold(FileChannel file, long size, ByteBuffer probe) throws IOException {
        if (size == 0) {
            return false;
        }
        long start = System.nanoTime();
        probe.clear();
        file.read(probe, 0);
        probe.clear();
        file.read(probe, size - 1);
        return System.nanoTime() - start > COLD_READ_NANOS;
    }

    /**
     * Brings the file into the page cache here, on the worker, so that the event loop's {@code sendfile} does not wait
     * for the disk: a {@code sendfile} to /dev/null reads the pages without copying them anywhere.
     */
    private static void warm(FileChannel file, long size, FileChannel devNull) throws IOException {
        for (long position = 0; position < size; ) {
            long n = file.transferTo(position, size - position, devNull);
            if (n <= 0) {
                return; // best effort: sending reads the rest
            }
            position += n;
        }
    }

    private static void awaitSent(ChannelFuture sent, HttpServerResponse response) throws IOException {
        while (!sent.awaitUninterruptibly(1, TimeUnit.SECONDS)) {
            if (response.closed()) {
                throw new IOException("client went away");
            }
        }
        if (!sent.isSuccess()) {
            throw new IOException("sending a file failed", sent.cause());
        }
    }

    private static void copyFiles(MultipartFiles body, HttpServerResponse response) throws IOException {
        for (MultipartFiles.Part part : body.parts()) {
            response.write(Buffer.buffer(part.header()));
            try (var channel = FileChannel.open(part.file(), StandardOpenOption.READ)) {
                if (channel.size() != part.size()) {
                    throw new IOException("a stored file is not of its indexed size");
                }
                long position = 0;
                while (position < part.size()) {
                    int length = (int) Math.min(READ_BUFFER, part.size() - position);
                    ByteBuf buffer = PooledByteBufAllocator.DEFAULT.directBuffer(length);
                    try {
                        while (buffer.writableBytes() > 0) {
                            if (buffer.writeBytes(channel, position + buffer.readableBytes(), buffer.writableBytes())
                                    < 0) {
                                throw new IOException("a stored file ended early");
                            }
                        }
                    } catch (IOException | RuntimeException e) {
                        buffer.release();
                        throw e;
                    }
                    position += length;
                    response.write(Buffer.buffer(buffer)); // released by the connection once written
                    awaitDrained(response);
                }
            }
        }
    }

    private static void awaitDrained(HttpServerResponse response) throws IOException {
        while (response.writeQueueFull()) {
            var drained = new CompletableFuture<Void>();
            response.drainHandler(v -> drained.complete(null));
            if (!response.writeQueueFull()) {
                return;
            }
            try {
                drained.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException stillFull) {
                if (response.closed()) {
                    throw new IOException("client went away");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException(e.getCause());
            }
        }
    }

    /** Outside the Vert.x server (not used by Quarkus REST for this type, kept for completeness). */
    @Override
    public void writeTo(
            MultipartFiles body,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        for (MultipartFiles.Part part : body.parts()) {
            out.write(part.header());
            Files.copy(part.file(), out);
        }
        out.write(body.closing());
    }
}
