package vn.teleconsult.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextRulesTest {

    @Test
    void shouldRefuseControlCharactersAndLoneSurrogates() {
        assertEquals("contains a control character (U+0000)", TextRules.problem("a\u0000b", true));
        assertEquals("contains a control character (U+0085)", TextRules.problem("a\u0085b", true));
        assertEquals("contains an unpaired surrogate (U+D800)", TextRules.problem("a\uD800b", true));
        assertEquals("contains an unpaired surrogate (U+DC00)", TextRules.problem("\uDC00", true));
        assertEquals("contains a control character (U+000A)", TextRules.problem("a\nb", false));
        assertNull(TextRules.problem("Dòng một\r\n\tDòng hai \uD83D\uDE00", true));
        assertNull(TextRules.problem(null, false));
    }

    @Test
    void shouldSeeTextThatShowsNothingAsEmpty() {
        for (String blank : new String[] {
            "",
            " ",
            "\u200b",
            "\u200c\u200d\u2060\ufeff",
            "\u00a0\u2007\u202f",
            "\u3164\u115f",
            "\u2800",
            "\u0301",
            "\t\r\n",
            "\u2028"
        }) {
            assertTrue(
                    TextRules.looksEmpty(blank),
                    () -> "blank: " + blank.codePoints().boxed().toList());
        }
        assertFalse(TextRules.looksEmpty("\u200bA"));
        assertFalse(TextRules.looksEmpty("Ánh"));
        assertFalse(TextRules.looksEmpty("·"));
    }

    @Test
    void shouldNormalizeToFormC() {
        assertEquals("Nguyễn", TextRules.normalized("Nguye\u0302\u0303n"));
        assertEquals("Nguyễn", TextRules.normalized("Nguyễn"));
    }

    @Test
    void shouldAcceptOnlyWellFormedUtf8() throws Exception {
        ok("plain ascii");
        ok("Bệnh viện \uD83D\uDE00 \u00a9 \uffff");
        bad(0xC0, 0xAF); // overlong '/'
        bad(0xE0, 0x80, 0xAF); // overlong '/'
        bad(0xED, 0xA0, 0x80); // U+D800
        bad(0xF4, 0x90, 0x80, 0x80); // above U+10FFFF
        bad(0xFF);
        bad(0x80);
        bad(0x61, 0xE1, 0x80); // cut off at the end
        bad(0xE1, 0x41, 0x80);
    }

    private static void ok(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        var check = new Utf8Check();
        for (byte b : bytes) {
            check.feed(b & 0xFF);
        }
        check.end();
    }

    private static void bad(int... bytes) {
        var data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        assertThrows(Utf8Check.MalformedText.class, () -> {
            var check = new Utf8Check();
            check.feed(data, 0, data.length);
            check.end();
        });
    }
}
