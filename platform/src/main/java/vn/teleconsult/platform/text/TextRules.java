package vn.teleconsult.platform.text;

import java.text.Normalizer;

/**
 * What text the platform accepts from callers: no control characters (line breaks and tabs only where a text may have
 * several lines), no unpaired surrogates, and required text that shows something. Pure logic: no I/O.
 */
public final class TextRules {

    private TextRules() {}

    /**
     * Why the text cannot be stored, or null when it can: a control character (other than tab, CR and LF when
     * {@code multiline}) or an unpaired surrogate.
     */
    public static String problem(String text, boolean multiline) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (" + codePoint(c) + ")";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (" + codePoint(c) + ")";
            }
            if (Character.getType(c) == Character.CONTROL && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return "contains a control character (" + codePoint(c) + ")";
            }
        }
        return null;
    }

    /**
     * Whether the text shows nothing: null, empty, or only white space, zero-width and other format characters,
     * combining marks without a base, control characters and the blank letters (Hangul fillers, braille blank).
     */
    public static boolean looksEmpty(String text) {
        if (text == null) {
            return true;
        }
        return text.codePoints().allMatch(TextRules::invisible);
    }

    /** The text in Unicode normalization form C, so that the same name typed on two keyboards is stored alike. */
    public static String normalized(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.SURROGATE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> true;
            default ->
                switch (cp) {
                    // Hangul fillers, braille blank, Mongolian vowel separator: letters or symbols that draw
                    // nothing
                    case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E -> true;
                    default -> false;
                };
        };
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
