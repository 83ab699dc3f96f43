package vn.teleconsult.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.teleconsult.identity.Fixtures;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** Browser security headers on every kind of answer: API, FHIR, DICOMweb, /q and the web client. */
@QuarkusTest
class SecurityHeadersTest {

    @Inject
    Fixtures fixtures;

    private static void assertBrowserHeaders(Response response) {
        String csp = response.header("Content-Security-Policy");
        assertTrue(csp != null, "no Content-Security-Policy");
        for (String directive : List.of(
                "default-src 'self'",
                "script-src 'self' 'wasm-unsafe-eval'",
                "worker-src 'self' blob:",
                "img-src 'self' data: blob:",
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "frame-ancestors 'none'")) {
            assertTrue(csp.contains(directive + ";") || csp.endsWith(directive), directive + " missing in " + csp);
        }
        assertTrue(csp.contains("script-src 'self' 'wasm-unsafe-eval';"), "scripts from the application only: " + csp);
        assertTrue(csp.contains("style-src 'self';"), "style sheets from the application only: " + csp);
        assertFalse(
                Pattern.compile("'unsafe-eval'")
                        .matcher(csp.replace("'wasm-unsafe-eval'", ""))
                        .find(),
                csp);
        response.then()
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void shouldSendSecurityHeadersAndNoStoreOnEveryKindOfAnswer() {
        var admin = Fixtures.token(fixtures.user(Role.ADMIN, fixtures.hospital(HospitalKind.HUB)));
        List<Response> answers = List.of(
                given().auth().oauth2(admin).get("/api/me"),
                given().auth().oauth2(admin).get("/api/admin/users"),
                given().get("/api/no-such-thing"),
                given().get("/api/admin/users"),
                given().auth().oauth2(admin).accept("application/fhir+json").get("/fhir/metadata"),
                given().auth().oauth2(admin).accept("application/fhir+json").get("/fhir/Organization"),
                given().auth().oauth2(admin).accept("application/dicom+json").get("/dicom-web/studies"),
                given().get("/dicom-web/studies"),
                given().get("/q/health"));
        for (Response answer : answers) {
            assertBrowserHeaders(answer);
            answer.then().header("Cache-Control", equalTo("no-store"));
        }
    }

    @Test
    void shouldLetTheWebClientConnectToTheConfiguredJanusServersOnly() {
        URI janus = ConfigProvider.getConfig().getValue("media.servers.main.browser-url", URI.class);
        String origin =
                janus.getScheme() + "://" + janus.getHost() + (janus.getPort() < 0 ? "" : ":" + janus.getPort());

        String csp = given().get("/").header("Content-Security-Policy");

        assertTrue(csp.contains("connect-src 'self' " + origin + ";"), csp);
    }

    @Test
    void shouldServeAWebClientThatNeedsNoInlineScriptOrStyle() {
        var index = given().get("/");
        assertBrowserHeaders(index);
        index.then().statusCode(200).header("Cache-Control", not(equalTo("no-store")));
        String html = index.asString();
        var scripts = Pattern.compile("<script\\b([^>]*)>").matcher(html);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "inline script: " + scripts.group());
        }
        assertTrue(count > 0, "the built index.html loads its script");
        assertFalse(html.contains("<style"), "inline style element");
        assertFalse(Pattern.compile("\\sstyle=").matcher(html).find(), "inline style attribute");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(html).find(), "inline event handler");
    }

    @Test
    void shouldSendHstsOnlyWhenTheRequestCameOverTls() {
        given().get("/q/health").then().header("Strict-Transport-Security", nullValue());
        given().header("X-Forwarded-Proto", "https")
                .get("/q/health")
                .then()
                .header("Strict-Transport-Security", containsString("max-age="));
        given().header("X-Forwarded-Proto", "https")
                .get("/")
                .then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }
}
