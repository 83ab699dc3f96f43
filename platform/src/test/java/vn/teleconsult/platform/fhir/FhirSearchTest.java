package vn.teleconsult.platform.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.junit.jupiter.api.Test;
import vn.teleconsult.platform.problem.ProblemException;

/** The R4 search rules of {@link FhirSearch}, with no server: partial dates, prefixes, OR lists, paging bounds. */
class FhirSearchTest {

    private static final FhirResourceCapability TYPE = FhirResourceCapability.of("Appointment")
            .search("date", SearchParamType.DATE)
            .search("status", SearchParamType.TOKEN)
            .search("_id", SearchParamType.TOKEN);

    @Test
    void shouldReadPartialDatesAsTheRangeTheySpan() {
        assertRange("2026", "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
        assertRange("2026-12", "2026-12-01T00:00:00Z", "2027-01-01T00:00:00Z");
        assertRange("2026-02-28", "2026-02-28T00:00:00Z", "2026-03-01T00:00:00Z");
        assertRange("eq2026-12-07T08:00+07:00", "2026-12-07T01:00:00Z", "2026-12-07T01:01:00Z");
        assertRange("ge2026-12", "2026-12-01T00:00:00Z", null);
        assertRange("gt2026-12", "2027-01-01T00:00:00Z", null);
        assertRange("sa2026", "2027-01-01T00:00:00Z", null);
        assertRange("le2026-12", null, "2027-01-01T00:00:00Z");
        assertRange("lt2026-12", null, "2026-12-01T00:00:00Z");
        assertRange("eb2026-12-07", null, "2026-12-07T00:00:00Z");
        var both = search("date", "ge2026-01-01", "date", "lt2026-02-01").dates("date");
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), both.from());
        assertEquals(Instant.parse("2026-02-01T00:00:00Z"), both.to());
    }

    @Test
    void shouldReadTokenOrListsAndIntersectRepeats() {
        assertEquals(
                Set.of("requested", "accepted"),
                search("status", "requested,accepted").tokens("status"));
        assertEquals(
                Set.of("booked"),
                search("status", "http://hl7.org/fhir/appointmentstatus|booked").tokens("status"));
        assertEquals(Set.of("b"), search("status", "a,b", "status", "b,c").tokens("status"));
        assertNull(search().tokens("status"));
        assertBad("status", "a,,b");
        assertThrows(ProblemException.class, () -> search("status", "a,b").token("status"));
    }

    @Test
    void shouldBoundPaging() {
        assertEquals(FhirSearch.DEFAULT_COUNT, search().count());
        assertEquals(0, search("_count", "0").count());
        assertEquals(
                FhirSearch.MAX_COUNT,
                search("_count", "" + FhirSearch.MAX_COUNT).count());
        assertEquals(
                FhirSearch.MAX_MATCHES,
                search("_offset", "" + FhirSearch.MAX_MATCHES).offset());
        for (String bad : List.of("-1", "abc", "1.5", "" + (FhirSearch.MAX_COUNT + 1), "99999999999999999999")) {
            assertBad("_count", bad);
        }
        for (String bad : List.of("-1", "x", "" + (FhirSearch.MAX_MATCHES + 1))) {
            assertBad("_offset", bad);
        }
    }

    @Test
    void shouldRefuseUnknownParametersModifiersAndPrefixes() {
        assertBad("bogus", "1");
        assertBad("status:not", "booked");
        for (String bad : List.of("ne2026", "ap2026", "xx2026", "2026-13", "2026-12-32", "2026-12-07T10:00", "26")) {
            assertBad("date", bad);
        }
    }

    /** Whatever the values, a search either reads or answers 400: never another failure (a 500). */
    @Test
    void shouldAnswerOnlyBadRequestToRandomInput() {
        var random = new Random(15);
        String alphabet = "0123456789-+:TZ.,|/ eqnltgsabpx%\u0000\u00e9";
        for (int i = 0; i < 20_000; i++) {
            var value = new StringBuilder();
            int length = random.nextInt(30);
            for (int j = 0; j < length; j++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = List.of("date", "status", "_id", "_count", "_offset").get(random.nextInt(5));
            try {
                var s = search(name, value.toString());
                s.dates("date");
                s.tokens("status");
                s.references("_id", "Appointment");
                s.count();
            } catch (ProblemException e) {
                assertEquals(400, e.status(), value.toString());
            }
        }
    }

    private static void assertRange(String value, String from, String to) {
        var range = search("date", value).dates("date");
        assertEquals(from == null ? null : Instant.parse(from), range.from(), value);
        assertEquals(to == null ? null : Instant.parse(to), range.to(), value);
    }

    private static void assertBad(String name, String value) {
        var e = assertThrows(ProblemException.class, () -> {
            var s = search(name, value);
            s.tokens(name);
            s.dates(name);
        });
        assertEquals(400, e.status());
    }

    private static FhirSearch search(String... pairs) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.add(pairs[i], pairs[i + 1]);
        }
        return FhirSearch.of(params, TYPE);
    }
}
