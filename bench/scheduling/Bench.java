import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scheduling benchmark's own HTTP client (run by bench/scheduling/run with `java Bench.java`): contention of many
 * clients for few slots, the set-up of the sustained phase (a schedule and its free slots, for wrk), and free-slot
 * search. Bounded in requests and time.
 * Usage: java Bench.java <base-url> <phase> ; phases: race | prepare | search
 *
 * <p>The rate phases (sustained booking, the floor) are driven by wrk, a C load generator as lean as pgbench: this
 * client, though lean (HTTP/1.1, one keep-alive connection per client thread, blocking socket I/O, {@link Http}),
 * spent 0.7–1.8 ms of CPU per booking on the two cores it shares with the application and PostgreSQL.
 */
public class Bench {

    static String base;

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | AssertionError e) {
            // the HTTP client's executor threads would keep the JVM (and the run script) waiting forever
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static void run(String[] args) throws Exception {
        base = args[0];
        switch (args[1]) {
            case "race" -> race(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "prepare" -> prepare(Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
            case "search" -> search(Integer.parseInt(args[2]), args[3]);
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    static String token(String user) throws Exception {
        var response = Http.exchange(
                "POST",
                "/api/auth/token",
                null,
                "application/x-www-form-urlencoded",
                "grant_type=password&username=" + user + "&password=Demo-Consult-2026");
        return field(response.body(), "access_token");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static Response send(String method, String path, String token, String body) throws Exception {
        return Http.exchange(body == null ? "GET" : method, path, token, "application/json", body);
    }

    /** An HTTP answer: status and body. */
    record Response(int statusCode, String body) {}

    /**
     * A minimal HTTP/1.1 client: each thread keeps one keep-alive connection to the application (as a browser tab
     * does), requests are written and answers read with blocking I/O on the calling thread. Answers with
     * Content-Length or chunked bodies; a reused connection the server closed in between is opened again, once.
     */
    static final class Http {
        private static final ThreadLocal<Http> CONNECTION = new ThreadLocal<>();
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        private Http(URI uri) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(60_000);
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        static Response exchange(String method, String path, String token, String type, String body)
                throws IOException {
            URI uri = URI.create(base);
            Http connection = CONNECTION.get();
            boolean reused = connection != null;
            if (connection == null) {
                connection = new Http(uri);
                CONNECTION.set(connection);
            }
            try {
                return connection.send(uri, method, path, token, type, body);
            } catch (EOFException | java.net.SocketException stale) {
                connection.socket.close();
                CONNECTION.remove();
                if (!reused) {
                    throw stale;
                }
                connection = new Http(uri);
                CONNECTION.set(connection);
                return connection.send(uri, method, path, token, type, body);
            }
        }

        private Response send(URI uri, String method, String path, String token, String type, String body)
                throws IOException {
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            var head = new StringBuilder(512)
                    .append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost()).append(':').append(uri.getPort())
                    .append("\r\nAccept: application/json\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: ").append(type).append("\r\nContent-Length: ").append(content.length)
                        .append("\r\n");
            }
            byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] message = new byte[request.length + content.length];
            System.arraycopy(request, 0, message, 0, request.length);
            System.arraycopy(content, 0, message, request.length, content.length);
            out.write(message);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + status);
            }
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
                String value = header.substring(header.indexOf(':') + 1).trim();
                switch (name) {
                    case "content-length" -> length = Integer.parseInt(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            var answer = new ByteArrayOutputStream(Math.max(length, 256));
            if (chunked) {
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                while (!line().isEmpty()) {} // trailers
            } else if (length > 0) {
                byte[] bytes = in.readNBytes(length);
                if (bytes.length < length) {
                    throw new EOFException("answer cut short");
                }
                answer.write(bytes);
            }
            if (close) {
                socket.close();
                CONNECTION.remove();
            }
            return new Response(code, answer.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            var line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }

    /** The bench's schedules take bookings this many days ahead (the most a schedule allows). */
    static final int HORIZON_DAYS = 730;

    /**
     * A schedule of the bench's specialist with slots every day 00:00–23:50 (143 of 10 minutes, 286 of 5) from {@code fromDay}
     * to {@code toDay} days ahead (each phase uses its own days: rules of one practitioner never overlap).
     */
    static String schedule(String coordinator, String specialistId, int fromDay, int toDay, int slotMinutes)
            throws Exception {
        String body = "{\"practitionerId\":\"" + specialistId + "\",\"kind\":\"CONSULT_SESSION\",\"serviceCode\":\"bench-"
                + System.nanoTime() + "\",\"modes\":[\"VIDEO\"],\"slotMinutes\":" + slotMinutes + ",\"horizonDays\":" + HORIZON_DAYS + ","
                + "\"minNoticeMinutes\":0,\"rules\":[{\"rrule\":\"FREQ=DAILY\",\"start\":\"00:00\",\"end\":\"23:50\","
                + "\"validFrom\":\"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(fromDay) + "\","
                + "\"validUntil\":\"" + LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(toDay) + "\"}]}";
        var response = send("POST", "/api/scheduling/schedules", coordinator, body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("schedule: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "id");
    }

    /** The first n free slot starts of the schedule from tomorrow on (one search per day). */
    static List<String> slots(String token, String schedule, int n, int fromDay) throws Exception {
        var result = new ArrayList<String>();
        Instant from = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(fromDay).atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
        for (int day = fromDay; result.size() < n; day++) {
            if (day >= HORIZON_DAYS) {
                throw new IllegalStateException("the schedule has only " + result.size() + " free slots within its "
                        + HORIZON_DAYS + "-day horizon, fewer than the " + n + " asked for");
            }
            var response = send("GET", "/api/scheduling/slots?schedule=" + schedule + "&from=" + from + "&to="
                    + from.plus(Duration.ofDays(1)) + "&limit=500", token, null);
            Matcher m = Pattern.compile("\"start\":\"([^\"]+)\"").matcher(response.body());
            while (m.find() && result.size() < n) {
                result.add(m.group(1));
            }
            from = from.plus(Duration.ofDays(1));
        }
        return result;
    }

    /**
     * A specialist of the demo hub of the bench's own (made once through the admin API), so that the demo
     * specialist's own weekly hours never overlap the bench's all-day rules.
     */
    static String benchSpecialist() throws Exception {
        String hub = Pattern.compile("\"hospital\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(send("GET", "/api/me", token("coordinator"), null).body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        var created = send(
                "POST",
                "/api/admin/users",
                token("admin"),
                "{\"username\":\"bench-specialist\",\"fullName\":\"Bench Specialist\",\"hospitalId\":\"" + hub
                        + "\",\"roles\":[\"HUB_SPECIALIST\"],\"password\":\"Demo-Consult-2026\"}");
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("bench specialist: " + created.statusCode() + " " + created.body());
        }
        return specialistId(token("bench-specialist"));
    }

    static String specialistId(String token) throws Exception {
        return field(send("GET", "/api/me", token, null).body(), "id");
    }

    /** {@code clients} clients race for {@code slotCount} slots; each tries random slots until it books one or all are gone. */
    static void race(int clients, int slotCount) throws Exception {
        String coordinator = token("coordinator");
        String doctor = token("doctor");
        String schedule = schedule(coordinator, benchSpecialist(), 1, 1, 10);
        List<String> slots = slots(doctor, schedule, slotCount, 1);
        var taken = ConcurrentHashMap.<String>newKeySet();
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var booked = new AtomicInteger();
        var conflicts = new AtomicInteger();
        var other = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var start = new CountDownLatch(1);
        var done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int seed = c;
            pool.submit(() -> {
                var random = new Random(seed);
                try {
                    start.await();
                    var order = new ArrayList<>(slots);
                    Collections.shuffle(order, random);
                    for (String slot : order) {
                        if (taken.contains(slot)) {
                            continue;
                        }
                        long t0 = System.nanoTime();
                        var r = send("POST", "/api/scheduling/bookings", doctor, "{\"scheduleId\":\"" + schedule
                                + "\",\"start\":\"" + slot + "\",\"mode\":\"VIDEO\"}");
                        latencies.add(System.nanoTime() - t0);
                        if (r.statusCode() == 201) {
                            booked.incrementAndGet();
                            taken.add(slot);
                            break;
                        } else if (r.statusCode() == 409) {
                            conflicts.incrementAndGet();
                            taken.add(slot);
                        } else {
                            other.incrementAndGet();
                            System.err.println(r.statusCode() + " " + r.body());
                        }
                    }
                } catch (Exception e) {
                    other.incrementAndGet();
                    System.err.println(e);
                } finally {
                    done.countDown();
                }
            });
        }
        long t0 = System.nanoTime();
        start.countDown();
        done.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        System.out.printf(
                "race schedule=%s clients=%d slots=%d booked=%d conflicts409=%d other=%d seconds=%.3f requests=%d"
                        + " bookings_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                schedule, clients, slotCount, booked.get(), conflicts.get(), other.get(), seconds, latencies.size(),
                booked.get() / seconds, pct(latencies, 50), pct(latencies, 99));
    }

    /**
     * A schedule with 5-minute slots and {@code total} free slots from {@code fromDay} on, for wrk: writes one booking
     * request body per line to {@code file} and prints the schedule and the booking doctor's token.
     */
    static void prepare(int total, int fromDay, String file) throws Exception {
        String coordinator = token("coordinator");
        String doctor = token("doctor");
        String schedule = schedule(coordinator, benchSpecialist(), fromDay, fromDay + total / 286 + 1, 5);
        var lines = new ArrayList<String>();
        for (String start : slots(doctor, schedule, total, fromDay)) {
            lines.add("{\"scheduleId\":\"" + schedule + "\",\"start\":\"" + start + "\",\"mode\":\"VIDEO\"}");
        }
        java.nio.file.Files.write(java.nio.file.Path.of(file), lines);
        System.out.printf("prepare schedule=%s token=%s slots=%d%n", schedule, doctor, lines.size());
    }

    /** {@code n} sequential searches of one day (and of a week) across the schedules of a specialty. */
    static void search(int n, String specialty) throws Exception {
        String doctor = token("doctor");
        var random = new Random(7);
        for (int days : new int[] {1, 7}) {
            var latencies = new ArrayList<Long>();
            int slotsSeen = 0;
            for (int i = 0; i < n + 20; i++) {
                Instant from = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))
                        .plusDays(1 + random.nextInt(60))
                        .atStartOfDay(ZoneId.of("Asia/Ho_Chi_Minh"))
                        .toInstant();
                long t0 = System.nanoTime();
                var r = send("GET", "/api/scheduling/slots?specialty=" + URLEncoder.encode(specialty, StandardCharsets.UTF_8)
                        + "&from=" + from + "&to=" + from.plus(Duration.ofDays(days)) + "&limit=100", doctor, null);
                long t = System.nanoTime() - t0;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(r.statusCode() + " " + r.body());
                }
                if (i >= 20) { // the first 20 warm up
                    latencies.add(t);
                    slotsSeen += r.body().split("\"start\"").length - 1;
                }
            }
            System.out.printf("search days=%d requests=%d slots_per_answer=%d p50_ms=%.1f p99_ms=%.1f%n", days, n,
                    slotsSeen / n, pct(latencies, 50), pct(latencies, 99));
        }
    }

    static double pct(List<Long> values, int p) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
