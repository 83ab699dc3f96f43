package vn.teleconsult.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static vn.teleconsult.consult.ConsultNetwork.as;
import static vn.teleconsult.consult.ConsultNetwork.signedIn;
import static vn.teleconsult.security.InputFuzzTest.bytes;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultNetwork;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/**
 * Text the platform cannot store faithfully is refused with a 400 problem and changes nothing: NUL and other control
 * characters, invalid UTF-8 (overlong forms, encoded surrogates), escaped lone surrogates, names that show nothing, and
 * line breaks in a document's file name. Names are stored in Unicode normalization form C.
 */
@QuarkusTest
class TextInputTest {

    @Inject
    ConsultNetwork network;

    @Inject
    Fixtures fixtures;

    /** Sends raw bytes as a JSON body, without RestAssured adding a charset or re-encoding them. */
    private static ValidatableResponse postJson(String token, String path, byte[] body) {
        return given().config(RestAssuredConfig.config()
                        .encoderConfig(EncoderConfig.encoderConfig()
                                .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(path)
                .then();
    }

    private static void refused(ValidatableResponse response, String detail) {
        response.statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString(detail));
    }

    @Test
    void shouldRefuseNulInAMessageAndStoreNothing() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        String messages = "/api/consults/" + id + "/messages";

        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"xin ch\\u0000ào\"}")), "body");
        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"bell \\u0007\"}")), "control character");

        signedIn(net.doctor()).get(messages).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldRefuseNulInAPatientName() {
        var net = network.create();
        var body = ConsultNetwork.request(net, "ROUTINE", List.of());
        @SuppressWarnings("unchecked")
        var patient = (Map<String, Object>) body.get("patient");
        patient.put("name", "Nguyễn\u0000Văn Ánh");

        refused(as(net.doctor()).body(body).post("/api/consults").then(), "patient.name");
        signedIn(net.doctor()).get("/api/consults").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void shouldRefuseInvalidUtf8AndLoneSurrogates() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        String messages = "/api/consults/" + id + "/messages";

        // C0 AF is an overlong '/', ED A0 80 an encoded surrogate, E1 80 a cut-off sequence
        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"..", "#C0 AF", "..\"}")), "UTF-8");
        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"a", "#ED A0 80", "b\"}")), "UTF-8");
        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"a", "#E1 80", "\"}")), "UTF-8");
        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"a\\ud800b\"}")), "unpaired surrogate");
        refused(postJson(net.doctor(), messages, bytes("{\"body\":\"\\udc00\"}")), "unpaired surrogate");

        signedIn(net.doctor()).get(messages).then().statusCode(200).body("$", hasSize(0));
        // a real surrogate pair (an emoji) is fine
        postJson(net.doctor(), messages, bytes("{\"body\":\"\\ud83d\\ude00 ", "#F0 9F 98 80", "\"}"))
                .statusCode(201)
                .body("body", equalTo("\uD83D\uDE00 \uD83D\uDE00"));
    }

    @Test
    void shouldRefuseInvalidUtf8InTheQueryString() {
        var net = network.create();
        refused(
                signedIn(net.doctor())
                        .urlEncodingEnabled(false)
                        .get("/api/consults?specialty=Tim%00m%E1%BA%A1ch")
                        .then(),
                "control character");
        refused(
                signedIn(net.doctor())
                        .urlEncodingEnabled(false)
                        .get("/api/consults?specialty=..%C0%AF..")
                        .then(),
                "UTF-8");
    }

    @Test
    void shouldRefuseInvalidUtf8InAFormBody() {
        for (String form : List.of(
                "grant_type=password&username=..%C0%AF..&password=x",
                "grant_type=password&username=a%ED%A0%80b&password=x",
                "grant_type=refresh_token&refresh_token=a%00b")) {
            refused(
                    given().contentType("application/x-www-form-urlencoded")
                            .header("X-Forwarded-For", Fixtures.someAddress())
                            .body(form)
                            .post("/api/auth/token")
                            .then(),
                    "form");
        }
    }

    @Test
    void shouldRefuseNamesThatShowNothing() {
        var net = network.create();
        var body = ConsultNetwork.request(net, "ROUTINE", List.of());
        @SuppressWarnings("unchecked")
        var patient = (Map<String, Object>) body.get("patient");
        for (String blank : List.of("\u200b\u200b", "\u00a0\u2060\ufeff", "\u3164", " \u200d\t")) {
            patient.put("name", blank);
            refused(as(net.doctor()).body(body).post("/api/consults").then(), "patient.name");
        }
        patient.put("name", "Nguyễn\nVăn Ánh");
        refused(as(net.doctor()).body(body).post("/api/consults").then(), "patient.name");

        refused(
                as(net.admin())
                        .body(Map.of("code", Fixtures.unique("HUB"), "name", "\u200b\u200c", "kind", "HUB"))
                        .post("/api/admin/hospitals")
                        .then(),
                "name");
        refused(
                as(net.admin())
                        .body(Map.of(
                                "username", Fixtures.unique("bs"),
                                "fullName", "\u2800\u200b",
                                "hospitalId", net.hub().toString(),
                                "roles", List.of("HUB_SPECIALIST"),
                                "password", "a long enough passphrase 2026"))
                        .post("/api/admin/users")
                        .then(),
                "fullName");
        refused(
                as(net.doctor())
                        .body(Map.of("body", "\u200b \u200b"))
                        .post("/api/consults/" + ConsultNetwork.draft(net, "ROUTINE") + "/messages")
                        .then(),
                "body");
    }

    @Test
    void shouldStoreNamesInNormalizationFormC() {
        var net = network.create();
        var body = ConsultNetwork.request(net, "ROUTINE", List.of());
        @SuppressWarnings("unchecked")
        var patient = (Map<String, Object>) body.get("patient");
        // "Nguyễn" typed with combining marks: e + circumflex + tilde
        patient.put("name", "Nguye\u0302\u0303n Văn Ánh");
        as(net.doctor())
                .body(body)
                .post("/api/consults")
                .then()
                .statusCode(201)
                .body("patient.name", equalTo("Nguyễn Văn Ánh"));

        String hospital = as(net.admin())
                .body(Map.of("code", Fixtures.unique("SAT"), "name", "Bệnh vie\u0323\u0302n A", "kind", "SATELLITE"))
                .post("/api/admin/hospitals")
                .then()
                .statusCode(201)
                .extract()
                .path("name");
        org.junit.jupiter.api.Assertions.assertEquals("Bệnh viện A", hospital);
    }

    @Test
    void shouldRefuseLineBreaksInADocumentFileName() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        String boundary = "text-input-boundary";
        byte[] pdf = bytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
        for (String name : List.of("a\r\nb.pdf", "a\u0000b.pdf")) {
            byte[] body = bytes(
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                            + "\"\r\nContent-Type: application/pdf\r\n\r\n",
                    new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1),
                    "\r\n--" + boundary + "--\r\n");
            int status = signedIn(net.doctor())
                    .contentType("multipart/form-data; boundary=" + boundary)
                    .body(body)
                    .post("/api/consults/" + id + "/documents")
                    .then()
                    .extract()
                    .statusCode();
            org.junit.jupiter.api.Assertions.assertEquals(400, status, "file name " + name.replace("\r\n", "\\r\\n"));
        }
        signedIn(net.doctor())
                .get("/api/consults/" + id + "/documents")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void shouldKeepUnusualButValidText() {
        var net = network.create();
        UUID id = ConsultNetwork.draft(net, "ROUTINE");
        as(net.doctor())
                .body(Map.of("body", "Dòng một\r\nDòng hai\n\tthụt lề"))
                .post("/api/consults/" + id + "/messages")
                .then()
                .statusCode(201)
                .body("body", equalTo("Dòng một\r\nDòng hai\n\tthụt lề"));
        // a hospital in the fixtures is still created with its Vietnamese name
        fixtures.hospital(HospitalKind.HUB);
        Fixtures.token(fixtures.user(Role.PATIENT, null));
    }
}
