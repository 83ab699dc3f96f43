package vn.teleconsult.imaging.dicomweb;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
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
import java.io.RandomAccessFile;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyWriter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Sends a {@link MultipartFiles} body: part headers as small writes and each stored file by {@code sendfile} (Netty
 * file regions: the bytes go from the page cache to the socket without passing through the JVM), with a Content-Length.
 * Where the connection cannot take file regions (HTTP/2, or not a plain HTTP/1 connection) the files are read into
 * pooled direct buffers instead. Runs on the worker thread of the blocking WADO-RS request and waits there while the
 * connection is busy, so that at most {@link #FILES_IN_FLIGHT} files are open and memory stays bounded for any study.
 */
@Provider
@Produces("multipart/related")
public class MultipartFilesWriter implements ServerMessageBodyWriter<MultipartFiles> {

    static final int FILES_IN_FLIGHT = 16;
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

    private static void sendFiles(MultipartFiles body, HttpServerResponse response, ConnectionBase connection)
            throws IOException {
        var inFlight = new ArrayDeque<ChannelFuture>();
        try (var devNull = FileChannel.open(DEV_NULL, StandardOpenOption.WRITE)) {
            for (MultipartFiles.Part part : body.parts()) {
                if (response.closed()) {
                    throw new IOException("client went away");
                }
                response.write(Buffer.buffer(part.header()));
                var file = new RandomAccessFile(part.file().toFile(), "r");
                try {
                    if (file.length() != part.size()) {
                        throw new IOException("a stored file changed size while being sent");
                    }
                    warm(file.getChannel(), part.size(), devNull);
                } catch (IOException e) {
                    file.close();
                    throw e;
                }
                // written after what is queued before it; the connection closes the file once it is written (or failed)
                inFlight.add(connection.sendFile(file, 0, part.size()));
                if (inFlight.size() >= FILES_IN_FLIGHT) {
                    // refill in batches: one wake-up of this thread per half window, not one per file
                    while (inFlight.size() > FILES_IN_FLIGHT / 2) {
                        awaitSent(inFlight.poll(), response);
                    }
                }
            }
            while (!inFlight.isEmpty()) {
                awaitSent(inFlight.poll(), response);
            }
        }
    }

    /**
     * Brings the file into the page cache here, on the worker, so that the event loop's {@code sendfile} never waits
     * for the disk: a {@code sendfile} to /dev/null reads the pages without copying them anywhere (microseconds when
     * they are cached already).
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
