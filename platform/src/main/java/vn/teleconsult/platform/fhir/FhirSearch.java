package vn.teleconsult.platform.fhir;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * The search parameters of one FHIR search request, checked against the ones the endpoint supports: an unknown
 * parameter is refused with 400 (an OperationOutcome under /fhir) rather than silently ignored, as FHIR's strict
 * handling asks.
 */
public final class FhirSearch {

    /** Parameters every search accepts. */
    private static final Set<String> COMMON = Set.of("_count", "_format", "_pretty", "_summary");

    /** A date range from {@code ge/gt/le/lt/eq} prefixed values; null ends are open. */
    public record DateRange(Instant from, Instant to) {}

    private final MultivaluedMap<String, String> params;

    private FhirSearch(MultivaluedMap<String, String> params) {
        this.params = params;
    }

    public static FhirSearch of(MultivaluedMap<String, String> params, Set<String> supported) {
        var unknown = new TreeSet<String>();
        for (String name : params.keySet()) {
            String base = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            if (!supported.contains(base) && !COMMON.contains(base)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("Unknown search parameter(s) " + String.join(", ", unknown)
                    + "; supported: " + String.join(", ", new TreeSet<>(supported)) + ".");
        }
        return new FhirSearch(params);
    }

    public String string(String name) {
        String value = params.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A token such as {@code booked} or {@code system|code}: the code part. */
    public String token(String name) {
        String value = string(name);
        return value == null ? null : value.substring(value.indexOf('|') + 1);
    }

    /** A reference {@code Type/id} or bare id whose id is a UUID; other resource types are refused. */
    public UUID reference(String name, String... types) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        String id = value;
        int slash = value.lastIndexOf('/');
        if (slash >= 0) {
            String type = value.substring(0, slash);
            type = type.substring(type.lastIndexOf('/') + 1);
            if (types.length > 0 && !List.of(types).contains(type)) {
                throw ProblemException.badRequest(
                        name + ": must refer to " + String.join(" or ", types) + ", not " + type + ".");
            }
            id = value.substring(slash + 1);
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + ": '" + shorten(value) + "' is not a reference to a known id.");
        }
    }

    /** The search's date range from all values of the parameter, e.g. {@code date=ge2026-01-01&date=lt2026-02-01}. */
    public DateRange dates(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return new DateRange(null, null);
        }
        Instant from = null;
        Instant to = null;
        for (String raw : values) {
            String value = raw.strip();
            String prefix = value.length() > 2 && Character.isLetter(value.charAt(0)) ? value.substring(0, 2) : "eq";
            String date = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
            Instant[] bounds = parse(name, date);
            switch (prefix) {
                case "ge", "gt", "sa" -> from = bounds[0];
                case "le", "lt", "eb" -> to = bounds[1];
                case "eq" -> {
                    from = bounds[0];
                    to = bounds[1];
                }
                default -> throw ProblemException.badRequest(name + ": prefix '" + prefix + "' is not supported.");
            }
        }
        return new DateRange(from, to);
    }

    public int count(int defaultCount, int max) {
        String value = string("_count");
        if (value == null) {
            return defaultCount;
        }
        try {
            int count = Integer.parseInt(value);
            if (count < 0 || count > max) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("_count: must be a whole number from 0 to " + max + ".");
        }
    }

    /** A date is the whole day (UTC); a date-time is an instant. */
    private static Instant[] parse(String name, String value) {
        try {
            if (value.length() == 10) {
                Instant start = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                return new Instant[] {start, start.plusSeconds(86400)};
            }
            Instant at = OffsetDateTime.parse(value).toInstant();
            return new Instant[] {at, at};
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + ": '" + shorten(value)
                    + "' is not a FHIR date or dateTime such as 2026-01-31 or" + " 2026-01-31T08:00:00+07:00.");
        }
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
