package vn.teleconsult.platform.text;

import java.io.CharConversionException;

/**
 * Checks that bytes are well-formed UTF-8 as the Unicode standard defines it (table 3-7): no overlong forms (C0 AF
 * for '/'), no encoded surrogates (ED A0 80), nothing above U+10FFFF, no truncated sequence. Fed in pieces, so a
 * stream is checked as it passes without being held.
 */
public final class Utf8Check {

    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;
    private long offset;

    /** Checks the next bytes; throws at the first one that cannot be UTF-8. */
    public void feed(byte[] bytes, int from, int length) throws MalformedText {
        for (int i = from; i < from + length; i++) {
            feed(bytes[i] & 0xFF);
        }
    }

    public void feed(int b) throws MalformedText {
        if (needed > 0) {
            if (b < lower || b > upper) {
                throw new MalformedText(offset);
            }
            lower = 0x80;
            upper = 0xBF;
            needed--;
        } else if (b >= 0x80) {
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                needed = 2;
                if (b == 0xE0) {
                    lower = 0xA0;
                } else if (b == 0xED) {
                    upper = 0x9F;
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                needed = 3;
                if (b == 0xF0) {
                    lower = 0x90;
                } else if (b == 0xF4) {
                    upper = 0x8F;
                }
            } else {
                throw new MalformedText(offset);
            }
        }
        offset++;
    }

    /** At the end of the bytes: a sequence must not be cut off. */
    public void end() throws MalformedText {
        if (needed > 0) {
            throw new MalformedText(offset);
        }
    }

    /** Bytes that are not UTF-8; answered with 400. */
    public static class MalformedText extends CharConversionException {

        private final long offset;

        public MalformedText(long offset) {
            super("Not valid UTF-8 at byte " + offset);
            this.offset = offset;
        }

        public long offset() {
            return offset;
        }
    }
}
