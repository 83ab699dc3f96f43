package vn.teleconsult.scheduling.notify;

/**
 * Folds iCalendar content lines at 75 octets (RFC 5545 section 3.1), counting UTF-8 octets, not characters, and never
 * splitting a character's UTF-8 sequence. Pure logic: ical4j's own folding counts characters, and a line of
 * Vietnamese text is up to three octets a character.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;
    private static final String CRLF = "\r\n";

    private ContentLines() {}

    /** The text with every line longer than 75 octets folded (CRLF and one space); lines end in CRLF. */
    static String fold(String text) {
        var out = new StringBuilder(text.length() + text.length() / 50 * 3);
        for (String line : text.split("\r\n|\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = utf8Length(cp);
                if (octets + size > MAX_OCTETS) {
                    out.append(CRLF).append(' ');
                    octets = 1;
                }
                out.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            out.append(CRLF);
        }
        return out.toString();
    }

    static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
