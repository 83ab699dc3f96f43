package vn.teleconsult.scheduling.notify;

import java.net.URI;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import vn.teleconsult.scheduling.domain.Booking;

/**
 * Makes the iCalendar (.ics) invite of a booking with ical4j: METHOD:REQUEST for a new or changed booking,
 * METHOD:CANCEL when it is withdrawn; the UID stays the same for the booking's life and SEQUENCE counts its changes.
 */
public final class CalendarInvite {

    private CalendarInvite() {}

    public static String uid(Booking booking) {
        return "booking-" + booking.id + "@teleconsult";
    }

    /**
     * The invite as text, lines folded at 75 octets; times are UTC ({@code Z}), which every calendar shows in its
     * user's own zone.
     */
    public static String of(
            Booking booking,
            boolean cancel,
            String summary,
            String description,
            String organizer,
            List<String> attendees) {
        var event = new VEvent(booking.startAt, booking.endAt, summary);
        event.add(new Uid(uid(booking)));
        event.add(new Sequence(booking.sequence));
        event.replace(new DtStamp(java.time.Instant.now()));
        event.add(new Description(description));
        event.add(cancel ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(new Organizer(URI.create("mailto:" + organizer)));
        for (String attendee : attendees) {
            event.add(new Attendee(URI.create("mailto:" + attendee)));
        }
        Calendar calendar = new Calendar()
                .withProdId("-//TeleConsult//Scheduling//VI")
                .withDefaults()
                .withProperty(cancel ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
                .withComponent(event)
                .getFluentTarget();
        // ical4j folds (in CalendarOutputter) by characters; RFC 5545 counts octets
        return ContentLines.fold(calendar.toString());
    }
}
