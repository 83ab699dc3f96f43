package vn.teleconsult.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultNetwork;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/**
 * Sends a corpus of bad input (NUL, invalid UTF-8, overlong forms, lone surrogates, CRLF, 1 MB strings, 10,000 levels
 * of nesting, wrong types, empty and non-JSON bodies) to every JSON and form operation of the OpenAPI document, as
 * whole bodies and as the value of each field of a valid-looking body, and to every query parameter of every GET,
 * signed in with a role the operation allows and with real ids in the path. No answer may be a server error.
 */
@QuarkusTest
class InputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BIG = "a".repeat(1024 * 1024);
    private static final int DEPTH = 10_000;

    /** Whole request bodies, as raw bytes. */
    private static final Map<String, byte[]> BODIES = new LinkedHashMap<>();

    /** Values for one field of a valid-looking body, as raw JSON bytes. */
    private static final Map<String, byte[]> VALUES = new LinkedHashMap<>();

    /** Values sent to top-level fields only: they cost the most to send. */
    private static final java.util.Set<String> HEAVY = java.util.Set.of("1 MB string", "deep", "huge number");

    /** Values for one query or form parameter, percent-encoded. */
    private static final Map<String, String> PARAMS = new LinkedHashMap<>();

    static {
        BODIES.put("empty", new byte[0]);
        BODIES.put("not JSON", bytes("hello, world"));
        BODIES.put("null", bytes("null"));
        BODIES.put("array", bytes("[1,2,3]"));
        BODIES.put("empty object", bytes("{}"));
        BODIES.put("string", bytes("\"text\""));
        BODIES.put("number", bytes("12345678901234567890123"));
        BODIES.put("truncated", bytes("{\"a\":"));
        BODIES.put("raw NUL", bytes("{\"a\":\"", "#00", "\"}"));
        BODIES.put("overlong C0 AF", bytes("{\"a\":\"", "#C0 AF", "\"}"));
        BODIES.put("invalid byte FF", bytes("#FF FE", "{}"));
        BODIES.put("UTF-16 BOM", bytes("#FE FF 00 7B 00 7D"));
        BODIES.put("deep arrays", bytes("[".repeat(DEPTH) + "]".repeat(DEPTH)));
        BODIES.put("deep objects", bytes("{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH)));
        BODIES.put("1 MB key", bytes("{\"" + BIG + "\":1}"));
        BODIES.put("1 MB string", bytes("\"" + BIG + "\""));

        VALUES.put("NUL", bytes("\"a\\u0000b\""));
        VALUES.put("control", bytes("\"a\\u0007\\u001bb\""));
        VALUES.put("CRLF", bytes("\"a\\r\\nX-Injected: 1\\r\\n\""));
        VALUES.put("lone high surrogate", bytes("\"a\\ud800b\""));
        VALUES.put("raw encoded surrogate", bytes("\"a", "#ED A0 80", "b\""));
        VALUES.put("overlong slash", bytes("\"..", "#C0 AF", "..\""));
        VALUES.put("invalid byte", bytes("\"a", "#FF", "b\""));
        VALUES.put("zero-width", bytes("\"\\u200b\\u200c\\u2060\\ufeff\""));
        VALUES.put("empty string", bytes("\"\""));
        VALUES.put("1 MB string", bytes("\"" + BIG + "\""));
        VALUES.put("huge number", bytes("1" + "0".repeat(2000)));
        VALUES.put("negative", bytes("-1"));
        VALUES.put("boolean", bytes("true"));
        VALUES.put("null", bytes("null"));
        VALUES.put("array", bytes("[\"x\",1,null]"));
        VALUES.put("object", bytes("{\"x\":1}"));
        VALUES.put("deep", bytes("[".repeat(DEPTH) + "]".repeat(DEPTH)));
        VALUES.put("date garbage", bytes("\"2026-13-45T99:99:99Z\""));

        PARAMS.put("NUL", "a%00b");
        PARAMS.put("CRLF", "a%0D%0AX-Injected:%201");
        PARAMS.put("overlong slash", "..%C0%AF..");
        PARAMS.put("encoded surrogate", "a%ED%A0%80b");
        PARAMS.put("invalid byte", "a%FFb");
        PARAMS.put("zero-width", "%E2%80%8B");
        PARAMS.put("empty", "");
        PARAMS.put("long", "a".repeat(3000));
        PARAMS.put("negative", "-1");
        PARAMS.put("huge number", "9".repeat(40));
        PARAMS.put("not a date", "2026-13-45");
        PARAMS.put("quote", "%27%22%3B--");
    }

    /**
     * FHIR searches take their parameters from the query string as a whole (FHIR's open set of parameters), so the
     * OpenAPI document lists none: each new search and its parameters, fuzzed like any query, and its read by id.
     */
    private static final Map<String, List<String>> FHIR_SEARCHES = new LinkedHashMap<>();

    static {
        FHIR_SEARCHES.put("/fhir/Organization", List.of("_id", "identifier", "name", "active", "type", "_count"));
        FHIR_SEARCHES.put(
                "/fhir/OrganizationAffiliation",
                List.of("_id", "primary-organization", "participating-organization", "active"));
        FHIR_SEARCHES.put("/fhir/Practitioner", List.of("_id", "identifier", "name", "active"));
        FHIR_SEARCHES.put(
                "/fhir/PractitionerRole",
                List.of("_id", "practitioner", "organization", "role", "specialty", "active"));
        FHIR_SEARCHES.put("/fhir/Patient", List.of("_id", "identifier", "name", "birthdate", "gender", "_count"));
        FHIR_SEARCHES.put("/fhir/Endpoint", List.of("_id", "connection-type", "status", "name"));
        FHIR_SEARCHES.put("/fhir/ImagingStudy", List.of("_id", "identifier", "patient", "basedon", "modality"));
        FHIR_SEARCHES.put("/fhir/DiagnosticReport", List.of("_id", "based-on", "patient", "status", "_count"));
    }

    @Inject
    ConsultNetwork network;

    @Inject
    Fixtures fixtures;

    private final List<String> offenders = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.ConcurrentMap<Integer, AtomicInteger> statuses =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private final String address = Fixtures.someAddress();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private String base;

    @Test
    void shouldNeverAnswerWithServerErrorToBadInput() throws Exception {
        long started = System.nanoTime();
        base = "http://localhost:" + io.restassured.RestAssured.port;
        var net = network.create();
        var tokens = tokens(net);
        var ids = ids(net);
        JsonNode api = JSON.readTree(given().get("/q/openapi?format=json").asString());
        JsonNode schemas = api.path("components").path("schemas");

        int operations = 0;
        var fields = api.path("paths").fields();
        while (fields.hasNext()) {
            var path = fields.next();
            var methods = path.getValue().fields();
            while (methods.hasNext()) {
                var entry = methods.next();
                String method = entry.getKey().toUpperCase();
                JsonNode op = entry.getValue();
                String template = path.getKey();
                JsonNode content = op.path("requestBody").path("content");
                String token = token(op, tokens);
                String url = fill(template, ids);
                boolean fuzzed = false;
                if (content.has("application/json")) {
                    JsonNode schema = resolve(content.path("application/json").path("schema"), schemas);
                    fuzzJson(method, url, token, sample(schema, schemas, ids, 0));
                    fuzzed = true;
                } else if (content.has("application/x-www-form-urlencoded")) {
                    JsonNode schema = resolve(
                            content.path("application/x-www-form-urlencoded").path("schema"), schemas);
                    fuzzForm(method, url, token, schema);
                    fuzzed = true;
                }
                if (content.has("multipart/form-data")) {
                    fuzzMultipart(method, url, token);
                    fuzzed = true;
                }
                List<String> query = queryParameters(op);
                if (method.equals("GET") && !query.isEmpty()) {
                    fuzzQuery(url, token, query);
                    fuzzed = true;
                }
                if (fuzzed) {
                    fuzzPath(method, template, ids, token, content);
                    operations++;
                }
            }
        }
        for (var search : FHIR_SEARCHES.entrySet()) {
            String token = tokens.get("SATELLITE_DOCTOR");
            fuzzQuery(search.getKey(), token, search.getValue());
            fuzzPath("GET", search.getKey() + "/{id}", ids, token, JsonNodeFactory.instance.objectNode());
            operations++;
        }
        await();
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        System.out.printf(
                "InputFuzzTest: %d operations, %d requests, %d server errors, %d s; answers by status: %s%n",
                operations, requests.get(), offenders.size(), seconds, statuses);
        assertTrue(operations > 40, "the OpenAPI document should list the JSON and form operations: " + operations);
        assertTrue(offenders.isEmpty(), offenders.size() + " server errors:\n" + String.join("\n", offenders));
    }

    // ---- the corpus against one operation

    private void fuzzJson(String method, String url, String token, JsonNode valid) throws Exception {
        for (var body : BODIES.entrySet()) {
            send(method, url, token, "application/json", body.getValue(), "body " + body.getKey());
        }
        List<List<Object>> fields = leaves(valid, new ArrayList<>());
        for (List<Object> field : fields.subList(0, Math.min(fields.size(), 24))) {
            for (var value : VALUES.entrySet()) {
                if (field.size() > 1 && HEAVY.contains(value.getKey())) {
                    continue;
                }
                byte[] body = withValue(valid, field, value.getValue());
                send(method, url, token, "application/json", body, field + " = " + value.getKey());
            }
        }
    }

    private void fuzzForm(String method, String url, String token, JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        for (var body : BODIES.entrySet()) {
            send(method, url, token, "application/x-www-form-urlencoded", body.getValue(), "body " + body.getKey());
        }
        send(method, url, token, "application/x-www-form-urlencoded", bytes("a=", "#C0 AF", "&b=", "#FF"), "raw bytes");
        for (String name : names) {
            for (var value : PARAMS.entrySet()) {
                var form = new StringBuilder();
                for (String other : names) {
                    form.append(form.isEmpty() ? "" : "&")
                            .append(other)
                            .append('=')
                            .append(
                                    other.equals(name)
                                            ? value.getValue()
                                            : other.equals("grant_type") ? "password" : "x");
                }
                send(
                        method,
                        url,
                        token,
                        "application/x-www-form-urlencoded",
                        bytes(form.toString()),
                        name + " = " + value.getKey());
            }
        }
    }

    /** Broken multipart bodies: line breaks and NUL in a file name, no closing boundary, no headers. */
    private void fuzzMultipart(String method, String url, String token) {
        String boundary = "fuzz-boundary";
        String type = "multipart/form-data; boundary=" + boundary;
        String pdf = "%PDF-1.4\n%%EOF\n";
        for (String name :
                List.of("a\r\nb.pdf", "a\nb.pdf", "a\u0000b.pdf", "\u200b", "a\"b.pdf", BIG.substring(0, 5000))) {
            send(
                    method,
                    url,
                    token,
                    type,
                    bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/pdf\r\n\r\n" + pdf + "\r\n--" + boundary + "--\r\n"),
                    "multipart file name");
        }
        send(method, url, token, type, bytes("--" + boundary + "\r\n\r\n" + pdf), "multipart cut off");
        send(method, url, token, type, bytes("no boundary at all"), "multipart without parts");
        send(method, url, token, "multipart/form-data", bytes("--x\r\n\r\n--x--"), "multipart without boundary");
        send(
                method,
                url,
                token,
                type,
                bytes(
                        "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"",
                        "#C0 AF",
                        ".pdf\"\r\n\r\n" + pdf + "\r\n--" + boundary + "--\r\n"),
                "multipart overlong name");
    }

    private void fuzzQuery(String url, String token, List<String> names) {
        for (String name : names) {
            for (var value : PARAMS.entrySet()) {
                String target = url + (url.contains("?") ? "&" : "?") + name + "=" + value.getValue();
                send("GET", target, token, null, null, "query " + name + " = " + value.getKey());
            }
        }
    }

    /** A few bad values in place of each path parameter. */
    private void fuzzPath(String method, String template, Map<String, String> ids, String token, JsonNode content) {
        if (!template.contains("{")) {
            return;
        }
        String type = content.has("application/json")
                ? "application/json"
                : content.has("application/x-www-form-urlencoded") ? "application/x-www-form-urlencoded" : null;
        byte[] body = type == null ? null : type.equals("application/json") ? bytes("{}") : bytes("");
        for (String bad : List.of("%00", "%C0%AF", "%ED%A0%80", "a%0D%0Ab", "x".repeat(300))) {
            String url = template.replaceAll("\\{[^}]+}", bad);
            send(method, url, token, type, body, "path = " + bad.substring(0, Math.min(bad.length(), 12)));
        }
    }

    /** Sends on one of a few threads, so that the run stays short; {@link #await} waits for all. */
    private void send(String method, String url, String token, String type, byte[] body, String what) {
        senders.submit(() -> sendNow(method, url, token, type, body, what));
    }

    private void await() throws InterruptedException {
        senders.shutdown();
        assertTrue(senders.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES), "requests still running");
    }

    private void sendNow(String method, String url, String token, String type, byte[] body, String what) {
        var request = HttpRequest.newBuilder(URI.create(base + url))
                .timeout(Duration.ofSeconds(60))
                .header("X-Forwarded-For", address)
                .method(
                        method,
                        type == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body == null ? new byte[0] : body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (type != null) {
            request.header("Content-Type", type);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger())
                    .incrementAndGet();
            if (response.statusCode() >= 500) {
                offenders.add(method + " " + shorten(url) + " [" + what + "]: " + response.statusCode() + " "
                        + shorten(response.body()));
            }
        } catch (Exception e) {
            offenders.add(method + " " + shorten(url) + " [" + what + "]: no answer (" + e + ")");
        } finally {
            requests.incrementAndGet();
        }
    }

    // ---- who calls, with which ids

    private Map<String, String> tokens(ConsultNetwork.Net net) {
        var tokens = new LinkedHashMap<String, String>();
        tokens.put("SATELLITE_DOCTOR", net.doctor());
        tokens.put("COORDINATOR", net.coordinator());
        tokens.put("HUB_SPECIALIST", net.specialist());
        tokens.put("ADMIN", net.admin());
        tokens.put("PATIENT", Fixtures.token(fixtures.user(Role.PATIENT, null)));
        var client = given().auth()
                .oauth2(net.admin())
                .contentType("application/json")
                .body(Map.of(
                        "name", "Fuzz PACS gateway", "hospitalId", net.hub().toString()))
                .post("/api/admin/clients")
                .then()
                .statusCode(201)
                .extract();
        String secret = client.path("clientSecret");
        String clientId = client.path("clientId");
        if (secret != null && clientId != null) {
            tokens.put(
                    "SYSTEM",
                    given().formParam("grant_type", "client_credentials")
                            .formParam("client_id", clientId)
                            .formParam("client_secret", secret)
                            .post("/api/auth/token")
                            .then()
                            .statusCode(200)
                            .extract()
                            .path("access_token"));
        }
        return tokens;
    }

    private Map<String, String> ids(ConsultNetwork.Net net) throws Exception {
        var ids = new LinkedHashMap<String, String>();
        UUID consult = ConsultNetwork.accepted(net, "ROUTINE");
        ids.put("/api/consults/{id}", consult.toString());
        ids.put(
                "/api/admin/hospitals/{id}",
                fixtures.hospital(HospitalKind.SATELLITE).toString());
        ids.put(
                "/api/admin/users/{id}",
                fixtures.userId(fixtures.user(Role.SATELLITE_DOCTOR, net.satellite()))
                        .toString());
        ids.put("hubId", net.hub().toString());
        ids.put("hospitalId", net.hub().toString());
        ids.put("practitionerId", net.specialistId().toString());
        ids.put("specialistId", net.specialistId().toString());
        ids.put("consultId", consult.toString());
        ids.put("userId", net.doctorId().toString());
        ids.put("/api/scheduling/schedules/{id}", ConsultNetwork.schedule(net));
        return ids;
    }

    /** The first role the operation's security requirement names that we hold a token for; else the admin's. */
    private static String token(JsonNode op, Map<String, String> tokens) {
        for (JsonNode requirement : op.path("security")) {
            for (JsonNode roles : requirement) {
                for (JsonNode role : roles) {
                    if (tokens.containsKey(role.asText())) {
                        return tokens.get(role.asText());
                    }
                }
            }
        }
        return op.has("security") ? tokens.get("ADMIN") : null;
    }

    private static String fill(String template, Map<String, String> ids) {
        String url = template;
        for (var id : ids.entrySet()) {
            if (id.getKey().startsWith("/") && url.startsWith(id.getKey())) {
                url = id.getValue() == null
                        ? url
                        : id.getKey().replace("{id}", id.getValue())
                                + url.substring(id.getKey().length());
            }
        }
        var m = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(url);
        var out = new StringBuilder();
        while (m.find()) {
            String value = ids.getOrDefault(m.group(1), UUID.randomUUID().toString());
            m.appendReplacement(out, value);
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> queryParameters(JsonNode op) {
        var names = new ArrayList<String>();
        for (JsonNode p : op.path("parameters")) {
            if ("query".equals(p.path("in").asText())) {
                names.add(p.path("name").asText());
            }
        }
        return names;
    }

    // ---- valid-looking bodies from the schemas

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            return resolve(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), schemas);
        }
        if (schema.has("allOf")) {
            return resolve(schema.path("allOf").get(0), schemas);
        }
        return schema;
    }

    private static JsonNode sample(JsonNode schema, JsonNode schemas, Map<String, String> ids, int depth) {
        var f = JsonNodeFactory.instance;
        schema = resolve(schema, schemas);
        if (depth > 2) {
            return f.nullNode();
        }
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        String format = schema.path("format").asText("");
        return switch (type) {
            case "string" ->
                switch (format) {
                    case "uuid" ->
                        f.textNode(ids.getOrDefault("hubId", UUID.randomUUID().toString()));
                    case "date-time" ->
                        f.textNode(Instant.now().plusSeconds(3600).toString());
                    case "date" -> f.textNode(LocalDate.of(1980, 1, 1).toString());
                    default -> f.textNode("Fuzz sample");
                };
            case "integer", "number" -> f.numberNode(1);
            case "boolean" -> f.booleanNode(true);
            case "array" -> {
                ArrayNode array = f.arrayNode();
                array.add(sample(schema.path("items"), schemas, ids, depth + 1));
                yield array;
            }
            default -> {
                ObjectNode object = f.objectNode();
                var properties = schema.path("properties").fields();
                // large generated schemas (FHIR resources) would make bodies of thousands of fields
                while (properties.hasNext() && object.size() < 12) {
                    var p = properties.next();
                    object.set(p.getKey(), sample(p.getValue(), schemas, ids, depth + 1));
                }
                yield object;
            }
        };
    }

    /** Paths of the fields of a body (object keys and array indexes), down to two levels. */
    private static List<List<Object>> leaves(JsonNode node, List<Object> prefix) {
        var result = new ArrayList<List<Object>>();
        if (prefix.size() >= 2) {
            return result;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                var e = it.next();
                var path = new ArrayList<>(prefix);
                path.add(e.getKey());
                result.add(path);
                if (e.getValue().isContainerNode()) {
                    result.addAll(leaves(e.getValue(), path));
                }
            }
        } else if (node.isArray() && !node.isEmpty()) {
            var path = new ArrayList<>(prefix);
            path.add(0);
            result.add(path);
            if (node.get(0).isContainerNode()) {
                result.addAll(leaves(node.get(0), path));
            }
        }
        return result;
    }

    /** The body with the field at the path replaced by raw JSON bytes (spliced in, so invalid bytes stay invalid). */
    private static byte[] withValue(JsonNode valid, List<Object> path, byte[] value) throws Exception {
        String marker = "\"@@FUZZ-" + UUID.randomUUID() + "@@\"";
        JsonNode copy = valid.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        var placeholder =
                JsonNodeFactory.instance.rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(marker));
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, placeholder);
        } else {
            ((ObjectNode) parent).set((String) last, placeholder);
        }
        String text = JSON.writeValueAsString(copy);
        int at = text.indexOf(marker);
        var out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(value);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Text and raw bytes: a part starting with '#' is hex bytes separated by spaces. */
    static byte[] bytes(String... parts) {
        var out = new ByteArrayOutputStream();
        for (String part : parts) {
            if (part.startsWith("#")) {
                for (String hex : part.substring(1).split(" ")) {
                    out.write(Integer.parseInt(hex, 16));
                }
            } else {
                out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
