package vn.teleconsult.platform.fhir;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * The search parameters of one FHIR search request, checked against the resource type's declaration
 * ({@link FhirResourceCapability}) as the R4 search specification reads them: an unknown parameter or modifier is
 * refused with 400 (an OperationOutcome under /fhir) rather than silently ignored; token and reference values may be
 * comma-separated OR lists; dates may be partial ({@code 2026}, {@code 2026-12}, {@code 2026-12-07}) with the
 * prefixes {@code eq lt gt le ge sa eb}; paging is {@code _count} (default {@value #DEFAULT_COUNT}, at most
 * {@value #MAX_COUNT}) and {@code _offset} (at most {@value #MAX_MATCHES}).
 */
public final class FhirSearch {

    /** Page size when the request gives no {@code _count}. */
    public static final int DEFAULT_COUNT = 50;
    /** The largest page a client may ask for. */
    public static final int MAX_COUNT = 500;
    /**
     * The most matches one search pages through; beyond it Bundle.total is left out and the client is told to narrow
     * the search, so no request (or tampered page link) makes the server scan without bound.
     */
    public static final int MAX_MATCHES = 1000;

    /** Parameters every search accepts. */
    private static final Set<String> COMMON = Set.of("_count", "_offset", "_format", "_pretty");

    private static final Pattern DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<String> PREFIXES = Set.of("eq", "ne", "gt", "lt", "ge", "le", "sa", "eb", "ap");

    /** A date range {@code [from, to)}; null ends are open. */
    public record DateRange(Instant from, Instant to) {
        /** Whether {@code at} lies in the range. */
        public boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    private final FhirResourceCapability capability;
    private final MultivaluedMap<String, String> params;
    private final int count;
    private final int offset;

    private FhirSearch(FhirResourceCapability capability, MultivaluedMap<String, String> params) {
        this.capability = capability;
        this.params = params;
        this.count = number("_count", DEFAULT_COUNT, MAX_COUNT);
        this.offset = number("_offset", 0, MAX_MATCHES);
    }

    /** The request's parameters checked against the type's declared search parameters. */
    public static FhirSearch of(MultivaluedMap<String, String> params, FhirResourceCapability capability) {
        var unknown = new TreeSet<String>();
        for (String name : params.keySet()) {
            if (name.contains(":")) {
                throw ProblemException.badRequest(
                        "Search parameter " + shorten(name) + ": modifiers are not supported.");
            }
            if (!capability.searchParams().containsKey(name) && !COMMON.contains(name)) {
                unknown.add(shorten(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest(
                    "Unknown search parameter(s) " + String.join(", ", unknown) + "; supported: "
                            + String.join(", ", capability.searchParams().keySet()) + ".");
        }
        var search = new FhirSearch(capability, params);
        // every date is parsed up front, so a malformed one is refused whatever the endpoint reads
        capability.searchParams().forEach((name, type) -> {
            if (type == SearchParamType.DATE) {
                search.dates(name);
            }
        });
        return search;
    }

    /** As {@link #of(MultivaluedMap, FhirResourceCapability)}, for a type declared by its parameter map only. */
    public static FhirSearch of(MultivaluedMap<String, String> params, Map<String, SearchParamType> supported) {
        return of(params, FhirResourceCapability.of("Resource").search(supported));
    }

    public String type() {
        return capability.type();
    }

    /** The one value of a parameter, or null; an OR list or a repeated parameter is refused. */
    public String string(String name) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.badRequest(name + ": give one value.");
        }
        return values.get(0);
    }

    /** A single token such as {@code booked} or {@code system|code}: the code part; an OR list is refused. */
    public String token(String name) {
        Set<String> codes = tokens(name);
        if (codes == null) {
            return null;
        }
        if (codes.size() != 1) {
            throw ProblemException.badRequest(name + ": give one code.");
        }
        return codes.iterator().next();
    }

    /**
     * The codes a token parameter allows, or null when it is absent: {@code status=a,b} is a OR b, and a repeated
     * parameter ({@code status=a,b&status=b}) must match each occurrence (AND), so the sets intersect.
     */
    public Set<String> tokens(String name) {
        List<String> raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Set<String> result = null;
        for (String occurrence : raw) {
            var codes = new LinkedHashSet<String>();
            for (String value : occurrence.split(",", -1)) {
                String code = value.strip();
                code = code.substring(code.indexOf('|') + 1);
                if (code.isEmpty()) {
                    throw ProblemException.badRequest(name + ": an empty code in '" + shorten(occurrence) + "'.");
                }
                codes.add(code);
            }
            if (result == null) {
                result = codes;
            } else {
                result.retainAll(codes);
            }
        }
        return result;
    }

    /** A single reference {@code Type/id} or bare id whose id is a UUID; other resource types are refused. */
    public UUID reference(String name, String... types) {
        Set<UUID> ids = references(name, types);
        if (ids == null) {
            return null;
        }
        if (ids.size() != 1) {
            throw ProblemException.badRequest(name + ": give one reference.");
        }
        return ids.iterator().next();
    }

    /** The ids an OR list of references (or of {@code _id} tokens) allows, or null when absent. */
    public Set<UUID> references(String name, String... types) {
        Set<String> values = tokensKeepingSystem(name);
        if (values == null) {
            return null;
        }
        var ids = new LinkedHashSet<UUID>();
        for (String value : values) {
            ids.add(uuid(name, value, types));
        }
        return ids;
    }

    /**
     * The search's date range from all values of the parameter, e.g. {@code date=ge2026-01-01&date=lt2026-02-01} or
     * {@code date=2026-12}: each value is the range its precision spans, each prefix bounds it, repeated values
     * intersect.
     */
    public DateRange dates(String name) {
        List<String> values = params.get(name);
        if (values == null) {
            return new DateRange(null, null);
        }
        Instant from = null;
        Instant to = null;
        for (String raw : values) {
            String value = raw.strip();
            String prefix = "eq";
            if (value.length() > 2 && Character.isLetter(value.charAt(0))) {
                prefix = value.substring(0, 2);
                value = value.substring(2);
                if (!PREFIXES.contains(prefix)) {
                    throw ProblemException.badRequest(
                            name + ": unknown prefix '" + shorten(prefix) + "'; use eq, lt, gt, le, ge, sa or eb.");
                }
            }
            Instant[] bounds = parse(name, value);
            Instant lo = null;
            Instant hi = null;
            switch (prefix) {
                case "eq" -> {
                    lo = bounds[0];
                    hi = bounds[1];
                }
                case "ge" -> lo = bounds[0];
                case "gt", "sa" -> lo = bounds[1];
                case "le" -> hi = bounds[1];
                case "lt", "eb" -> hi = bounds[0];
                default ->
                    throw ProblemException.badRequest(
                            name + ": prefix '" + prefix + "' is not supported; use eq, lt, gt, le, ge, sa or eb.");
            }
            if (lo != null && (from == null || lo.isAfter(from))) {
                from = lo;
            }
            if (hi != null && (to == null || hi.isBefore(to))) {
                to = hi;
            }
        }
        return new DateRange(from, to);
    }

    /** The page size ({@code _count}): {@value #DEFAULT_COUNT} unless given, 0 for the total only. */
    public int count() {
        return count;
    }

    /** The index of the page's first match ({@code _offset}), at most {@value #MAX_MATCHES}. */
    public int offset() {
        return offset;
    }

    /** The parameters as received, for the Bundle's links. */
    MultivaluedMap<String, String> parameters() {
        return params;
    }

    private List<String> values(String name) {
        List<String> raw = params.get(name);
        if (raw == null) {
            return List.of();
        }
        var values = new ArrayList<String>();
        for (String value : raw) {
            if (!value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    private Set<String> tokensKeepingSystem(String name) {
        List<String> raw = params.get(name);
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Set<String> result = null;
        for (String occurrence : raw) {
            var values = new LinkedHashSet<String>();
            for (String value : occurrence.split(",", -1)) {
                if (value.isBlank()) {
                    throw ProblemException.badRequest(name + ": an empty value in '" + shorten(occurrence) + "'.");
                }
                values.add(value.strip());
            }
            if (result == null) {
                result = values;
            } else {
                result.retainAll(values);
            }
        }
        return result;
    }

    private static UUID uuid(String name, String value, String... types) {
        String id = value;
        int slash = value.lastIndexOf('/');
        if (slash >= 0) {
            String type = value.substring(0, slash);
            type = type.substring(type.lastIndexOf('/') + 1);
            if (types.length > 0 && !List.of(types).contains(type)) {
                throw ProblemException.badRequest(
                        name + ": must refer to " + String.join(" or ", types) + ", not " + shorten(type) + ".");
            }
            id = value.substring(slash + 1);
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + ": '" + shorten(value) + "' is not a reference to a known id.");
        }
    }

    private int number(String name, int absent, int max) {
        List<String> values = values(name);
        if (values.isEmpty()) {
            return absent;
        }
        String value = values.get(values.size() - 1);
        if (values.size() > 1 || !value.matches("\\d{1,9}") || Integer.parseInt(value) > max) {
            throw ProblemException.badRequest(name + ": must be one whole number from 0 to " + max + ".");
        }
        return Integer.parseInt(value);
    }

    /** The range {@code [start, end)} a FHIR date or dateTime spans at its precision; dates are UTC days. */
    private static Instant[] parse(String name, String value) {
        try {
            if (DATE.matcher(value).matches()) {
                return switch (value.length()) {
                    case 4 -> {
                        LocalDate start = LocalDate.of(Integer.parseInt(value), 1, 1);
                        yield new Instant[] {utc(start), utc(start.plusYears(1))};
                    }
                    case 7 -> {
                        LocalDate start = YearMonth.parse(value).atDay(1);
                        yield new Instant[] {utc(start), utc(start.plusMonths(1))};
                    }
                    default -> {
                        LocalDate start = LocalDate.parse(value);
                        yield new Instant[] {utc(start), utc(start.plusDays(1))};
                    }
                };
            }
            if (value.length() <= 40 && value.contains("T")) {
                String time = value.substring(value.indexOf('T') + 1);
                // hh:mm with a zone: FHIR allows minutes precision in a search value
                boolean minutes = time.matches("\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
                Instant at = OffsetDateTime.parse(minutes ? value.replaceFirst("(T\\d{2}:\\d{2})", "$1:00") : value)
                        .toInstant();
                return new Instant[] {at, at.plus(1, minutes ? ChronoUnit.MINUTES : ChronoUnit.SECONDS)};
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // answered below
        }
        throw ProblemException.badRequest(name + ": '" + shorten(value)
                + "' is not a FHIR date or dateTime such as 2026, 2026-01, 2026-01-31 or 2026-01-31T08:00:00+07:00.");
    }

    private static Instant utc(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
