import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Review-session benchmark: time from the presenter sharing a study until a participant has its first image, both for
 * a participant already connected (the `study` message, then WADO-RS of the first instance) and for one joining after
 * the share (connect, the `state` message, then the first instance).
 *
 * <p>The session is the consult workflow's own: the participant (a satellite doctor) requests a consult, the
 * coordinator assigns it to the presenter (a hub specialist), who accepts, books a slot and starts the session; each
 * study is then attached to the consult by the doctor, which shares it into the live session.
 *
 * <p>Usage: java ReviewFirstImage.java <base-url> <coordinator-token> <presenter-token> <participant-token>
 * <file with one study UID per line, stored by the participant's hospital (the first is attached before the session
 * starts)>. Prints JSON with p50/p99 in ms.
 */
public class ReviewFirstImage {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String coordinator = args[1];
        String presenter = args[2];
        String participant = args[3];
        List<String> studies = Files.readAllLines(Path.of(args[4])).stream().filter(s -> !s.isBlank()).toList();
        UUID consult = consultInSession(base, coordinator, presenter, participant);
        share(base, participant, consult, studies.get(0));
        var connected = new ArrayList<Double>();
        var connectedNotice = new ArrayList<Double>();
        var joining = new ArrayList<Double>();
        try (var follower = Socket.connect(base, consult, participant)) {
            follower.await("\"type\":\"state\"");
            for (String study : studies.subList(1, studies.size())) {
                long t0 = System.nanoTime();
                share(base, participant, consult, study);
                String notice = follower.await("\"studyUid\":\"" + study + "\"");
                long t1 = System.nanoTime();
                firstImage(base, participant, study, notice);
                long t2 = System.nanoTime();
                connectedNotice.add((t1 - t0) / 1e6);
                connected.add((t2 - t0) / 1e6);

                long j0 = System.nanoTime();
                try (var late = Socket.connect(base, consult, participant)) {
                    String state = late.await("\"type\":\"state\"");
                    firstImage(base, participant, study, state.substring(state.indexOf("\"studyUid\":\"" + study)));
                }
                joining.add((System.nanoTime() - j0) / 1e6);
            }
        }
        System.out.printf(
                "{\"n\":%d,\"notice\":%s,\"connected\":%s,\"joining\":%s}%n",
                connected.size(), stats(connectedNotice), stats(connected), stats(joining));
    }

    static String stats(List<Double> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format(
                "{\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f}",
                pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1))));
    }

    /** Attaches the study to the consult as its requesting doctor; the workflow shares it into the live session. */
    static void share(String base, String doctor, UUID consult, String study) throws Exception {
        call(base, doctor, "POST", "/api/consults/" + consult + "/studies", "{\"studyUid\":\"" + study + "\"}", 200);
    }

    /** A consult of the participant's hospital taken through the workflow to IN_SESSION with the presenter. */
    static UUID consultInSession(String base, String coordinator, String specialist, String doctor) throws Exception {
        String hub = claim(coordinator, "hospital_id");
        String specialistId = sub(specialist);
        String draft = call(
                base,
                doctor,
                "POST",
                "/api/consults",
                "{\"patient\":{\"name\":\"Bench Patient\",\"birthDate\":\"1960-01-01\",\"sex\":\"MALE\"},"
                        + "\"clinicalSummary\":\"bench\",\"question\":\"bench\",\"urgency\":\"ROUTINE\","
                        + "\"specialty\":\"Chẩn đoán hình ảnh\",\"hubId\":\"" + hub + "\",\"studyUids\":[],"
                        + "\"consentRecorded\":true}",
                201);
        UUID consult = UUID.fromString(field(draft, "id"));
        String path = "/api/consults/" + consult;
        call(base, doctor, "POST", path + "/transitions", "{\"to\":\"SUBMITTED\"}", 200);
        call(base, coordinator, "POST", path + "/transitions",
                "{\"to\":\"ASSIGNED\",\"specialistId\":\"" + specialistId + "\"}", 200);
        call(base, specialist, "POST", path + "/transitions", "{\"to\":\"ACCEPTED\"}", 200);
        String schedule = field(
                call(
                        base,
                        specialist,
                        "POST",
                        "/api/scheduling/schedules",
                        "{\"practitionerId\":\"" + specialistId + "\",\"kind\":\"CONSULT_SESSION\","
                                + "\"serviceCode\":\"consult\",\"specialty\":\"Chẩn đoán hình ảnh\","
                                + "\"modes\":[\"VIDEO\"],\"slotMinutes\":30,\"minNoticeMinutes\":0,"
                                + "\"rules\":[{\"rrule\":\"FREQ=DAILY\",\"start\":\"00:00\",\"end\":\"23:30\","
                                + "\"validFrom\":\"" + java.time.LocalDate.now().minusDays(1) + "\"}]}",
                        201),
                "id");
        String slots = call(
                base,
                doctor,
                "GET",
                "/api/scheduling/slots?kind=CONSULT_SESSION&schedule=" + schedule + "&from="
                        + java.time.Instant.now().plusSeconds(60) + "&to="
                        + java.time.Instant.now().plus(java.time.Duration.ofDays(3)),
                null,
                200);
        call(base, specialist, "POST", path + "/session",
                "{\"scheduleId\":\"" + schedule + "\",\"start\":\"" + field(slots, "start") + "\"}", 200);
        call(base, specialist, "POST", path + "/session/start", null, 200);
        return consult;
    }

    static String call(String base, String token, String method, String path, String json, int expected)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        var response = HTTP.send(
                request.method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The first value of a string field in a JSON text (enough for ids and slot starts). */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static String claim(String token, String name) {
        return field(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])), name);
    }

    /** Fetches the first instance named in a `study`/`state` message (the part about that study comes first). */
    static void firstImage(String base, String token, String study, String message) throws Exception {
        Matcher series = Pattern.compile("\"seriesUid\":\"([0-9.]+)\"").matcher(message);
        Matcher first = Pattern.compile("\"firstInstanceUid\":\"([0-9.]+)\"").matcher(message);
        if (!series.find() || !first.find()) {
            throw new IllegalStateException("no first instance in " + message);
        }
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/dicom-web/studies/" + study + "/series/" + series.group(1)
                                + "/instances/" + first.group(1)))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "multipart/related; type=\"application/dicom\"")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length < 100_000) {
            throw new IllegalStateException("WADO-RS answered " + response.statusCode());
        }
    }

    static String sub(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        Matcher m = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(payload);
        m.find();
        return m.group(1);
    }

    /** A review WebSocket that queues the messages it receives. */
    static final class Socket implements WebSocket.Listener, AutoCloseable {
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        static Socket connect(String base, UUID consult, String token) {
            var socket = new Socket();
            socket.ws = HTTP.newWebSocketBuilder()
                    .buildAsync(
                            URI.create(base.replaceFirst("^http", "ws") + "/api/imaging/review/" + consult
                                    + "?access_token=" + token),
                            socket)
                    .join();
            return socket;
        }

        String await(String containing) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (true) {
                String next = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new IllegalStateException("no message containing " + containing);
                }
                if (next.contains(containing)) {
                    return next;
                }
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
