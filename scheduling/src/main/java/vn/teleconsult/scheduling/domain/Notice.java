package vn.teleconsult.scheduling.domain;

import java.time.Instant;

/** One e-mail to queue for each participant of a booking: its kind and when it is due. */
public record Notice(NotificationKind kind, Instant due) {}
