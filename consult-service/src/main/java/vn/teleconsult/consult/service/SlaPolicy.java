package vn.teleconsult.consult.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import vn.teleconsult.consult.domain.Urgency;

/** When a consult submitted now must be accepted, by its urgency. */
@ApplicationScoped
public class SlaPolicy {

    private final ConsultSettings settings;

    public SlaPolicy(ConsultSettings settings) {
        this.settings = settings;
    }

    public Instant acceptDue(Urgency urgency, Instant submitted, ZoneId zone) {
        return switch (urgency) {
            case EMERGENCY -> submitted.plus(settings.sla().emergency());
            case URGENT -> submitted.plus(settings.sla().urgent());
            case ROUTINE ->
                addWorkingDays(submitted.atZone(zone), settings.sla().routineWorkingDays())
                        .toInstant();
        };
    }

    /** Adds whole working days (Monday to Friday); a submission at the weekend counts from Monday morning. */
    static ZonedDateTime addWorkingDays(ZonedDateTime start, int days) {
        ZonedDateTime t = start;
        while (weekend(t)) {
            t = t.plusDays(1).toLocalDate().atStartOfDay(t.getZone());
        }
        int left = days;
        while (left > 0) {
            t = t.plusDays(1);
            if (!weekend(t)) {
                left--;
            }
        }
        return t;
    }

    private static boolean weekend(ZonedDateTime t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY || t.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
