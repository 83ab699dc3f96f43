package vn.teleconsult.platform.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RequestTextTest {

    @Test
    void shouldDecodePercentEncodedBytes() {
        assertArrayEquals(
                new byte[] {'a', (byte) 0xC0, (byte) 0xAF, '%', 'z'}, RequestText.percentDecoded("a%C0%af%z"));
        assertArrayEquals(new byte[] {'%', '4'}, RequestText.percentDecoded("%4"));
    }
}
