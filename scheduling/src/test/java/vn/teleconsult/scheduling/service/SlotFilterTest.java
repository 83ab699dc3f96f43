package vn.teleconsult.scheduling.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.teleconsult.scheduling.domain.Interval;

class SlotFilterTest {

    private static Interval at(int fromMinute, int toMinute) {
        Instant base = Instant.parse("2026-03-02T00:00:00Z");
        return new Interval(base.plusSeconds(60L * fromMinute), base.plusSeconds(60L * toMinute));
    }

    @Test
    void shouldDropSlotsThatAnyTakenRangeTouches() {
        var slots = new ArrayList<Interval>();
        for (int m = 0; m < 600; m += 30) {
            slots.add(at(m, m + 30));
        }
        // a long leave and a short booking inside it, unsorted, plus a booking ending exactly at a slot's start
        var busy = List.of(at(400, 430), at(10, 20), at(0, 30));
        var off = List.of(at(120, 500), at(550, 560));
        var free = SlotService.free(slots, busy, off);
        var expected = slots.stream()
                .filter(s -> busy.stream().noneMatch(s::overlaps))
                .filter(s -> off.stream().noneMatch(s::overlaps))
                .toList();
        assertEquals(expected, free);
        assertEquals(List.of(at(30, 60), at(60, 90), at(90, 120), at(510, 540), at(570, 600)), free);
        assertEquals(slots, SlotService.free(slots, null, null));
    }
}
