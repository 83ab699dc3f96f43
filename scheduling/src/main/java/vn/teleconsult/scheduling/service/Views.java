package vn.teleconsult.scheduling.service;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Renders instants for people: local date-time with its offset, beside the zone's name. */
final class Views {

    private Views() {}

    static String local(Instant instant, String zone) {
        return instant == null
                ? null
                : instant.atZone(ZoneId.of(zone)).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
