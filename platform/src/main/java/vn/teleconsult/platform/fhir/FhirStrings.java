package vn.teleconsult.platform.fhir;

import java.text.Normalizer;
import java.util.Locale;

/**
 * FHIR string search matching (R4 search §3.1.1.5.5): case- and accent-insensitive, a match when the value, or one
 * of its words, starts with the query; Vietnamese đ counts as d, so {@code name=nguyen} finds "Nguyễn".
 */
public final class FhirStrings {

    private FhirStrings() {}

    /** Whether the value matches the query; a null query matches everything. */
    public static boolean startsWith(String value, String query) {
        if (query == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        String v = normalize(value);
        String q = normalize(query);
        if (v.startsWith(q)) {
            return true;
        }
        for (String word : v.split("\\s+")) {
            if (word.startsWith(q)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case without accents, for comparing names and codes written by people. */
    public static String normalize(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replace('đ', 'd')
                .replace('Đ', 'D');
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
