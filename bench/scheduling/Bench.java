import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The scheduling benchmark's HTTP client (run by bench/scheduling/run with `java Bench.java`): contention of many
 * clients for few slots, sustained booking of distinct slots, and free-slot search. Bounded in requests and time.
 * Usage: java Bench.java <base-url> <phase> ; phases: setup | race | sustained | search
 */
public class Bench {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
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
            case "sustained" ->
                sustained(Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 3);
            case "search" -> search(Integer.parseInt(args[2]), args[3]);
            case "floor" -> floor(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[1]);
        }
    }

    static String token(String user) throws Exception {
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&username=" + user + "&password=Demo%402026"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return field(response.body(), "access_token");
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        builder = body == null ? builder.GET() : builder.method(method, HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A schedule of the demo specialist with 10-minute slots every day 00:00–23:50 (143 a day) from {@code fromDay}
     * to {@code toDay} days ahead (each phase uses its own days: rules of one practitioner never overlap).
     */
    static String schedule(String coordinator, String specialistId, int fromDay, int toDay) throws Exception {
        String body = "{\"practitionerId\":\"" + specialistId + "\",\"kind\":\"CONSULT_SESSION\",\"serviceCode\":\"bench-"
                + System.nanoTime() + "\",\"modes\":[\"VIDEO\"],\"slotMinutes\":10,\"horizonDays\":120,"
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
        while (result.size() < n) {
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
                        + "\",\"roles\":[\"HUB_SPECIALIST\"],\"password\":\"Demo@2026\"}");
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
        String schedule = schedule(coordinator, benchSpecialist(), 1, 1);
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
     * {@code clients} clients book {@code total} distinct slots between them (no conflicts), on days from
     * {@code fromDay} on: the booking rate.
     */
    static void sustained(int clients, int total, int fromDay) throws Exception {
        String coordinator = token("coordinator");
        String doctor = token("doctor");
        int days = total / 143 + 1;
        String schedule = schedule(coordinator, benchSpecialist(), fromDay, fromDay + days);
        List<String> slots = slots(doctor, schedule, total, fromDay);
        Load load = load(clients, slots.size(), i -> send(
                "POST",
                "/api/scheduling/bookings",
                doctor,
                "{\"scheduleId\":\"" + schedule + "\",\"start\":\"" + slots.get(i) + "\",\"mode\":\"VIDEO\"}"),
                201);
        System.out.printf(
                "sustained schedule=%s clients=%d booked=%d failed=%d seconds=%.2f bookings_per_s=%.1f p50_ms=%.1f"
                        + " p99_ms=%.1f%n",
                schedule, clients, load.ok(), load.failed(), load.seconds(), load.ok() / load.seconds(),
                pct(load.latencies(), 50), pct(load.latencies(), 99));
    }

    /** What a run of {@link #load} counted. */
    record Load(int ok, int failed, double seconds, List<Long> latencies) {}

    /** One request of a load: the i-th of the run. */
    interface Request {
        HttpResponse<String> send(int i) throws Exception;
    }

    /** {@code clients} clients send {@code total} requests between them; answers other than {@code ok} count as failed. */
    static Load load(int clients, int total, Request request, int ok) throws Exception {
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var done = new AtomicInteger();
        var failed = new AtomicInteger();
        var next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        var finished = new CountDownLatch(clients);
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        var r = request.send(i);
                        latencies.add(System.nanoTime() - s);
                        if (r.statusCode() == ok) {
                            done.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            System.err.println(r.statusCode() + " " + r.body());
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println(e);
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdownNow();
        return new Load(done.get(), failed.get(), seconds, latencies);
    }

    /**
     * The floor under any booking rate over this stack: {@code clients} clients send {@code total} of the cheapest
     * signed-in request that reads the database ({@code GET /api/me}: token check, one row, JSON).
     */
    static void floor(int clients, int total) throws Exception {
        String doctor = token("doctor");
        Load load = load(clients, total, i -> send("GET", "/api/me", doctor, null), 200);
        System.out.printf(
                "floor clients=%d done=%d failed=%d seconds=%.2f requests_per_s=%.1f p50_ms=%.1f p99_ms=%.1f%n",
                clients, load.ok(), load.failed(), load.seconds(), load.ok() / load.seconds(),
                pct(load.latencies(), 50), pct(load.latencies(), 99));
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
