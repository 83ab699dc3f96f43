package vn.teleconsult.fhir;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.teleconsult.consult.ConsultJanus;
import vn.teleconsult.consult.ConsultNetwork;

/** FHIR R4 search as the specification reads it: paging, OR lists, partial dates and prefixes, strict errors. */
@QuarkusTest
@QuarkusTestResource(value = ConsultJanus.class, restrictToAnnotatedClass = false)
class FhirSearchTest {

    @Inject
    ConsultNetwork network;

    @Test
    void shouldPageWithTheRealTotalAndNextAndPreviousLinks() {
        var net = network.create();
        var ids = List.of(
                ConsultNetwork.submitted(net, "ROUTINE").toString(),
                ConsultNetwork.submitted(net, "ROUTINE").toString(),
                ConsultNetwork.submitted(net, "ROUTINE").toString());
        JsonPath first = search(net.coordinator(), "/fhir/Task?status=requested&_count=2");
        assertEquals(3, first.getInt("total"));
        assertEquals(2, first.getList("entry").size());
        assertNull(link(first, "previous"));
        String next = link(first, "next");
        assertNotNull(next);
        FhirValidation.assertValid(first.prettify());

        JsonPath second = search(net.coordinator(), relative(next));
        assertEquals(3, second.getInt("total"));
        assertEquals(1, second.getList("entry").size());
        assertNull(link(second, "next"));
        assertNotNull(link(second, "previous"));
        var all = new java.util.ArrayList<String>(first.getList("entry.resource.id"));
        all.addAll(second.getList("entry.resource.id"));
        org.hamcrest.MatcherAssert.assertThat(all, containsInAnyOrder(ids.toArray()));

        JsonPath countOnly = search(net.coordinator(), "/fhir/Task?status=requested&_count=0");
        assertEquals(3, countOnly.getInt("total"));
        assertNull(countOnly.get("entry"));
    }

    @Test
    void shouldSearchTokenOrListsAndIds() {
        var net = network.create();
        UUID requested = ConsultNetwork.submitted(net, "ROUTINE");
        UUID accepted = ConsultNetwork.accepted(net, "URGENT");
        ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/Task?status=requested,accepted")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("entry.resource.id", containsInAnyOrder(requested.toString(), accepted.toString()));
        ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/Task?status=accepted")
                .then()
                .statusCode(200)
                .body("entry.resource.id", not(hasItem(requested.toString())));
        ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/ServiceRequest?_id=" + requested + "," + UUID.randomUUID())
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        ConsultNetwork.signedIn(net.otherHospitalDoctor())
                .get("/fhir/Task?_id=" + requested + "," + accepted)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        ConsultNetwork.signedIn(net.coordinator())
                .get("/fhir/ServiceRequest?priority=urgent,stat")
                .then()
                .statusCode(200)
                .body("entry.resource.id", equalTo(List.of(accepted.toString())));

        String a = ConsultNetwork.schedule(net);
        String b = ConsultNetwork.schedule(network.create());
        ConsultNetwork.signedIn(net.admin())
                .get("/fhir/Schedule?_id=" + a + "," + b)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("entry.resource.id", containsInAnyOrder(a, b));
    }

    @Test
    void shouldSearchPartialDatesWithPrefixesAndAnswerPlainJson() {
        var net = network.create();
        String schedule = ConsultNetwork.schedule(net);
        ConsultNetwork.inSession(net, schedule);
        String base = "/fhir/Appointment?practitioner=Practitioner/" + net.specialistId();
        String id = search(net.specialist(), base).getString("entry[0].resource.id");
        Instant start = Instant.parse(search(net.specialist(), base).getString("entry[0].resource.start"));
        var day = start.atZone(ZoneOffset.UTC).toLocalDate();
        for (String date : List.of(
                day.toString(),
                day.toString().substring(0, 7),
                day.toString().substring(0, 4),
                "ge" + day,
                "le" + day,
                "lt" + day.plusDays(1),
                "sa" + day.minusDays(1),
                "eb" + day.plusDays(1))) {
            ConsultNetwork.signedIn(net.specialist())
                    .get(base + "&date=" + date)
                    .then()
                    .statusCode(200)
                    .body("entry.resource.id", hasItem(id));
        }
        for (String date :
                List.of("lt" + day, "gt" + day, day.plusYears(1).toString().substring(0, 4))) {
            ConsultNetwork.signedIn(net.specialist())
                    .get(base + "&date=" + date)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
        }
        ConsultNetwork.signedIn(net.specialist())
                .accept("application/json")
                .get(base)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("Bundle"));
        ConsultNetwork.signedIn(net.specialist())
                .get(base + "&_format=json")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldRefuseMalformedSearchesWithOperationOutcome() {
        var net = network.create();
        for (String query : List.of(
                "/fhir/Appointment?date=2026-13",
                "/fhir/Appointment?date=2026-12-32",
                "/fhir/Appointment?date=xx2026-12",
                "/fhir/Appointment?date=ne2026-12",
                "/fhir/Appointment?date=2026-12-07T10:00",
                "/fhir/Appointment?date=" + "9".repeat(200),
                "/fhir/Task?_count=-1",
                "/fhir/Task?_count=abc",
                "/fhir/Task?_count=100000",
                "/fhir/Task?_count=99999999999999999999",
                "/fhir/Task?_offset=-5",
                "/fhir/Task?_offset=abc",
                "/fhir/Task?_offset=1000001",
                "/fhir/Task?_count=1&_count=2",
                "/fhir/Task?status=bogus",
                "/fhir/Task?status=requested,",
                "/fhir/Task?status:not=requested",
                "/fhir/Task?_id=not-a-uuid",
                "/fhir/Schedule?_id=,",
                "/fhir/Slot?start=lt2026-99")) {
            String body = ConsultNetwork.signedIn(net.specialist())
                    .get(query)
                    .then()
                    .statusCode(400)
                    .contentType(startsWith("application/fhir+json"))
                    .body("resourceType", equalTo("OperationOutcome"))
                    .extract()
                    .asString();
            FhirValidation.assertValid(body);
        }
    }

    private static JsonPath search(String token, String path) {
        return ConsultNetwork.signedIn(token)
                .urlEncodingEnabled(false)
                .accept("application/fhir+json")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String link(JsonPath bundle, String relation) {
        List<String> urls = bundle.getList("link.findAll { it.relation == '" + relation + "' }.url");
        return urls.isEmpty() ? null : urls.get(0);
    }

    /** A link the server gave, as a path against the test's base URL (the test client adds host and port). */
    private static String relative(String url) {
        var uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }
}
