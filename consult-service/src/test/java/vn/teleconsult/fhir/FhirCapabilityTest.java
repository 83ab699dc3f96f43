package vn.teleconsult.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultNetwork;

/**
 * {@code /fhir/metadata} says exactly what is served: every FHIR operation of {@code /q/openapi} is a declared type
 * and interaction and the reverse, and every declared search parameter is accepted while an undeclared one is not.
 */
@QuarkusTest
class FhirCapabilityTest {

    @Inject
    ConsultNetwork network;

    @Test
    void shouldDeclareEveryTypeAndInteractionThatIsServedAndNothingElse() {
        JsonPath metadata =
                given().get("/fhir/metadata").then().statusCode(200).extract().jsonPath();
        var declared = new TreeSet<String>();
        List<Map<String, Object>> resources = metadata.getList("rest[0].resource");
        for (var resource : resources) {
            @SuppressWarnings("unchecked")
            var interactions = (List<Map<String, Object>>) resource.get("interaction");
            for (var interaction : interactions) {
                declared.add(resource.get("type") + " " + interaction.get("code"));
            }
        }
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        var served = new TreeSet<String>();
        for (var path : paths.entrySet()) {
            String[] parts = path.getKey().split("/");
            if (parts.length < 3 || !parts[1].equals("fhir") || parts[2].equals("metadata")) {
                continue;
            }
            for (String method : path.getValue().keySet()) {
                served.add(parts[2] + " " + interaction(method, parts.length > 3 ? parts[3] : null));
            }
        }
        assertEquals(served, declared, "/q/openapi's FHIR operations (left) and /fhir/metadata (right) differ");
        assertTrue(declared.contains("Task search-type"), declared.toString());
    }

    @Test
    void shouldAcceptEveryDeclaredSearchParameterAndRefuseOthers() {
        var net = network.create();
        JsonPath metadata = given().get("/fhir/metadata").jsonPath();
        List<Map<String, Object>> resources = metadata.getList("rest[0].resource");
        var problems = new ArrayList<String>();
        for (var resource : resources) {
            String type = (String) resource.get("type");
            @SuppressWarnings("unchecked")
            var params = (List<Map<String, Object>>) resource.getOrDefault("searchParam", List.of());
            boolean searchable = ((List<?>) resource.get("interaction"))
                    .stream().anyMatch(i -> "search-type".equals(((Map<?, ?>) i).get("code")));
            if (!searchable) {
                continue;
            }
            String token = List.of(net.coordinator(), net.admin(), net.specialist(), net.doctor()).stream()
                    .filter(t -> given().auth()
                                    .oauth2(t)
                                    .get("/fhir/" + type + "?_count=0")
                                    .statusCode()
                            == 200)
                    .findFirst()
                    .orElse(null);
            if (token == null) {
                problems.add(type + ": none of the test's users may search it; give the test one who may");
                continue;
            }
            for (var param : params) {
                String answer = given().auth()
                        .oauth2(token)
                        .queryParam((String) param.get("name"), sample((String) param.get("type")))
                        .get("/fhir/" + type)
                        .asString();
                if (answer.contains("Unknown search parameter")) {
                    problems.add(type + "?" + param.get("name") + " is declared but refused: " + answer);
                }
            }
            int status = given().auth()
                    .oauth2(token)
                    .queryParam("not-a-parameter", "1")
                    .get("/fhir/" + type)
                    .statusCode();
            if (status != 400) {
                problems.add(type + "?not-a-parameter answered " + status);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static String interaction(String method, String second) {
        return switch (method) {
            case "get" -> second == null ? "search-type" : second.equals("_history") ? "history-type" : "read";
            case "post" -> second == null ? "create" : "operation " + second;
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> "delete";
            default -> method;
        };
    }

    private static String sample(String type) {
        return switch (type) {
            case "date" -> "ge2026-01-01";
            case "reference" -> "00000000-0000-0000-0000-000000000000";
            case "number" -> "1";
            default -> "x";
        };
    }
}
