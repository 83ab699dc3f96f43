package vn.teleconsult.scheduling.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.teleconsult.scheduling.domain.Booking;

/** Invites as strict iCalendar readers see them: lines of at most 75 octets (RFC 5545 section 3.1), valid, intact. */
class CalendarInviteTest {

    private static final String DESCRIPTION = "Hội chẩn từ xa: bệnh nhân nữ 67 tuổi, u phổi phải, cần ý kiến chuyên"
            + " khoa ung bướu về chỉ định phẫu thuật hay xạ trị; ảnh CT ngực có cản quang đã đính kèm.\n"
            + "Thời gian / Time: 14:00–14:30 30/11/2026 (Asia/Ho_Chi_Minh, UTC+07:00)\n"
            + "Ghi chú: 🩺 mang theo kết quả xét nghiệm máu gần nhất, phim X-quang cũ và đơn thuốc đang dùng.";

    @BeforeAll
    static void strict() {
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, false);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, false);
    }

    @AfterAll
    static void defaults() {
        CompatibilityHints.clearHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING);
        CompatibilityHints.clearHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING);
        CompatibilityHints.clearHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION);
        CompatibilityHints.clearHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY);
    }

    private static Booking booking() {
        var booking = new Booking();
        booking.id = UUID.fromString("4ff0b4f1-9c1e-4d2a-8a55-0e4c1f6b2d10");
        booking.startAt = Instant.parse("2026-11-30T07:00:00Z");
        booking.endAt = Instant.parse("2026-11-30T07:30:00Z");
        booking.sequence = 3;
        return booking;
    }

    private static String invite(boolean cancel) {
        return CalendarInvite.of(
                booking(),
                cancel,
                "Hội chẩn từ xa với Bệnh viện Đa khoa tỉnh Quảng Ngãi — chuyên khoa Chẩn đoán hình ảnh (CONSULT)",
                DESCRIPTION,
                "thong-bao@benh-vien-trung-uong.example.vn",
                List.of("bac-si.nguyen-thi-lan@benh-vien-da-khoa-tinh-quang-ngai.example.vn"));
    }

    @Test
    void shouldFoldEveryLineAtSeventyFiveOctetsWithoutSplittingACharacter() throws Exception {
        for (boolean cancel : new boolean[] {false, true}) {
            String ics = invite(cancel);
            assertTrue(ics.endsWith("\r\n"), "content lines end in CRLF");
            assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
            byte[] bytes = ics.getBytes(StandardCharsets.UTF_8);
            int start = 0;
            for (int i = 0; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    int octets = i - start;
                    assertTrue(
                            octets <= 75,
                            "a line of " + octets + " octets: "
                                    + new String(bytes, start, octets, StandardCharsets.UTF_8));
                    // each physical line decodes on its own: no UTF-8 sequence was split by a fold
                    strictUtf8(ByteBuffer.wrap(bytes, start, octets));
                    start = i + 2;
                }
            }
            assertTrue(ics.contains("\r\n "), "long lines are folded");
        }
    }

    @Test
    void shouldParseStrictlyValidateAndUnfoldToTheSameText() throws Exception {
        for (boolean cancel : new boolean[] {false, true}) {
            Calendar calendar = new CalendarBuilder().build(new StringReader(invite(cancel)));

            var validation = calendar.validate();
            assertFalse(validation.hasErrors(), validation.toString());
            VEvent event = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
            assertEquals(
                    DESCRIPTION,
                    event.getProperty(Property.DESCRIPTION).orElseThrow().getValue());
            assertEquals(
                    "Hội chẩn từ xa với Bệnh viện Đa khoa tỉnh Quảng Ngãi — chuyên khoa Chẩn đoán hình ảnh (CONSULT)",
                    event.getProperty(Property.SUMMARY).orElseThrow().getValue());
            assertEquals(
                    "booking-4ff0b4f1-9c1e-4d2a-8a55-0e4c1f6b2d10@teleconsult",
                    event.getProperty(Property.UID).orElseThrow().getValue());
            assertEquals(
                    cancel ? "CANCEL" : "REQUEST",
                    calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        }
    }

    @Test
    void shouldFoldByOctetsAtCharacterBoundaries() {
        // 30 three-octet characters after a 12-octet name: 102 octets, folded after the 21st character (75 octets)
        String line = "DESCRIPTION:" + "ệ".repeat(30);
        String folded = ContentLines.fold(line);
        assertEquals("DESCRIPTION:" + "ệ".repeat(21) + "\r\n " + "ệ".repeat(9) + "\r\n", folded);
        // a four-octet character that does not fit goes whole to the next line
        String emoji = "X:" + "a".repeat(72) + "🩺";
        assertEquals("X:" + "a".repeat(72) + "\r\n 🩺\r\n", ContentLines.fold(emoji));
        assertEquals("A:b\r\n", ContentLines.fold("A:b"));
        assertEquals("X:" + "a".repeat(73) + "\r\n", ContentLines.fold("X:" + "a".repeat(73)));
    }

    private static void strictUtf8(ByteBuffer line) throws CharacterCodingException {
        StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(line);
    }
}
