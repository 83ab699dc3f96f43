package vn.teleconsult.platform.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;

/** Builds the searchset Bundle a FHIR search answers: one page of the matches, the real total, paging links. */
public final class Bundles {

    private Bundles() {}

    /** The server's FHIR base URL, ending in {@code /fhir}. */
    public static String base(UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "") + "/fhir";
    }

    /**
     * The page {@code [offset, offset + count)} of all the matches: pass at most {@link FhirSearch#MAX_MATCHES} + 1
     * of them (the endpoint asks its service for that many); when there are more than that, Bundle.total is left
     * out and an OperationOutcome entry asks the client to narrow the search.
     */
    public static Bundle searchSet(UriInfo uri, FhirSearch search, List<? extends Resource> matches) {
        return searchSet(uri, search, matches, matches.size() > FhirSearch.MAX_MATCHES);
    }

    /**
     * As {@link #searchSet(UriInfo, FhirSearch, List)} for a service with a lower limit of its own: {@code more}
     * says it stopped before the last match, so the total is unknown.
     */
    public static Bundle searchSet(UriInfo uri, FhirSearch search, List<? extends Resource> matches, boolean more) {
        boolean truncated = more;
        int total = Math.min(matches.size(), FhirSearch.MAX_MATCHES);
        int from = Math.min(search.offset(), total);
        int to = Math.min(from + search.count(), total);
        var bundle = page(uri, search, matches.subList(from, to), truncated ? null : (long) total, total);
        if (truncated) {
            var outcome = new OperationOutcome();
            outcome.addIssue()
                    .setSeverity(OperationOutcome.IssueSeverity.WARNING)
                    .setCode(OperationOutcome.IssueType.TOOCOSTLY)
                    .setDiagnostics("More than " + total + " matches: only the first " + total
                            + " are paged through; narrow the search.");
            bundle.addEntry().setResource(outcome).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
        }
        return bundle;
    }

    /** A page the service already cut ({@code page} starts at the search's offset) from {@code total} matches. */
    public static Bundle searchSet(UriInfo uri, FhirSearch search, List<? extends Resource> page, long total) {
        return page(uri, search, page, total, Math.min(total, FhirSearch.MAX_MATCHES));
    }

    private static Bundle page(
            UriInfo uri, FhirSearch search, List<? extends Resource> page, Long total, long pageable) {
        String base = base(uri);
        var bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        if (total != null) {
            bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
        }
        int offset = search.offset();
        int count = search.count();
        bundle.addLink().setRelation("self").setUrl(link(uri, search, offset));
        if (count > 0 && offset + count < pageable) {
            bundle.addLink().setRelation("next").setUrl(link(uri, search, offset + count));
        }
        if (count > 0 && offset > 0) {
            bundle.addLink().setRelation("previous").setUrl(link(uri, search, Math.max(0, offset - count)));
        }
        for (Resource resource : page) {
            bundle.addEntry()
                    .setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdPart())
                    .setResource(resource)
                    .getSearch()
                    .setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /**
     * The matches as a list that maps each key only when read, so a search can list all its matches by id and
     * build (and read, and audit) just the page's resources.
     */
    public static <K, R> List<R> lazily(List<K> keys, Function<? super K, R> mapper) {
        return new AbstractList<>() {
            @Override
            public R get(int index) {
                return mapper.apply(keys.get(index));
            }

            @Override
            public int size() {
                return keys.size();
            }
        };
    }

    /** The search's URL with the page's offset; the client's other parameters are kept as given. */
    private static String link(UriInfo uri, FhirSearch search, int offset) {
        var query = new StringJoiner("&");
        search.parameters().forEach((name, values) -> {
            if (!name.equals("_offset") && !name.equals("_count")) {
                values.forEach(v -> query.add(encode(name) + "=" + encode(v)));
            }
        });
        query.add("_count=" + search.count());
        if (offset > 0) {
            query.add("_offset=" + offset);
        }
        String path = uri.getBaseUri().toString().replaceAll("/$", "") + "/"
                + uri.getPath().replaceAll("^/", "");
        return path + "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
