package vn.teleconsult.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import vn.teleconsult.platform.problem.ProblemException;

/**
 * Decides whether a new password may be used, following NIST SP 800-63B 5.1.1.2: at least 12 characters (any Unicode,
 * counted after NFKC normalisation), not one of the common passwords that ship with the application, not a simple
 * repetition or sequence, and not the user's own name. No composition rules: a few unrelated words pass.
 */
@ApplicationScoped
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private static final String LIST = "/identity/common-passwords.txt";
    private static final Set<String> SERVICE_WORDS = Set.of("teleconsult", "tele consult", "tele-consult");
    private static final String ADVICE = " A few unrelated words make a long password that is easy to remember.";

    private final Set<String> common = load();

    /** The form a password is hashed and checked in, so the same text typed on any keyboard or system matches. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /**
     * Answers the normalised password when it may be used by this user, or throws a 400 problem that says what to
     * change.
     */
    public String accept(String username, String password) {
        if (password == null || password.isEmpty()) {
            throw refuse("password: choose a password of at least " + MIN_LENGTH + " characters.");
        }
        if (!validText(password)) {
            throw refuse("password: contains control characters or broken Unicode; use only characters you can type.");
        }
        String normalized = normalize(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw refuse("password: must be at least " + MIN_LENGTH + " characters long (this one has " + length + ")."
                    + ADVICE);
        }
        if (length > MAX_LENGTH) {
            throw refuse("password: must be at most " + MAX_LENGTH + " characters long.");
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        String core = core(lower);
        if (common.contains(lower) || (core.length() >= 4 && common.contains(core))) {
            throw refuse("password: is one of the most common passwords (or one with digits or symbols added), "
                    + "which attackers try first; choose another." + ADVICE);
        }
        if (repetitive(lower)) {
            throw refuse("password: is a repetition or a simple sequence of characters; choose another." + ADVICE);
        }
        String name = username == null
                ? ""
                : normalize(username).toLowerCase(Locale.ROOT).trim();
        if (SERVICE_WORDS.contains(core) || (!name.isEmpty() && (core.equals(name) || lower.equals(name)))) {
            throw refuse("password: must not be the user name or the name of this service; choose another." + ADVICE);
        }
        if (!name.isEmpty() && name.length() * 2 >= length && lower.contains(name)) {
            throw refuse("password: is mostly the user name; choose another." + ADVICE);
        }
        return normalized;
    }

    /** The password without the digits and symbols people add at either end to pass composition rules. */
    private static String core(String lower) {
        int start = 0;
        int end = lower.length();
        while (start < end && !Character.isLetter(lower.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(lower.charAt(end - 1))) {
            end--;
        }
        return lower.substring(start, end);
    }

    /** One short unit repeated ("abcabcabcabc"), or a run of consecutive characters ("123456789012" counts too). */
    private static boolean repetitive(String s) {
        int[] cps = s.codePoints().toArray();
        int n = cps.length;
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && repeats(cps, unit)) {
                return true;
            }
        }
        return sequence(cps, 1) || sequence(cps, -1);
    }

    private static boolean repeats(int[] cps, int unit) {
        for (int i = unit; i < cps.length; i++) {
            if (cps[i] != cps[i - unit]) {
                return false;
            }
        }
        return true;
    }

    private static boolean sequence(int[] cps, int step) {
        for (int i = 1; i < cps.length; i++) {
            boolean next = cps[i] == cps[i - 1] + step
                    || (Character.isDigit(cps[i]) && step == 1 && cps[i - 1] == '9' && cps[i] == '0')
                    || (Character.isDigit(cps[i]) && step == -1 && cps[i - 1] == '0' && cps[i] == '9');
            if (!next) {
                return false;
            }
        }
        return true;
    }

    private static boolean validText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static ProblemException refuse(String detail) {
        return ProblemException.badRequest(detail);
    }

    private static Set<String> load() {
        var words = new HashSet<String>(40_000);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(LIST + " is missing from the application");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
