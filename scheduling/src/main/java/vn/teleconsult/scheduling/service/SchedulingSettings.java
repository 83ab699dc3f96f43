package vn.teleconsult.scheduling.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of the scheduling module ({@code teleconsult.scheduling.*}); see docs/operations.md. */
@ConfigMapping(prefix = "teleconsult.scheduling")
public interface SchedulingSettings {

    /** How long a hold keeps a slot while a form is filled. */
    @WithDefault("PT5M")
    Duration holdLength();

    /** How long before the start the reminder e-mail goes out. */
    @WithDefault("PT24H")
    Duration reminderLead();

    /** Time zone of schedules that name none. */
    @WithDefault("Asia/Ho_Chi_Minh")
    String defaultTimeZone();

    /**
     * ICD-10 codes (or code prefixes such as {@code E11}) for which a patient may have a VIDEO visit (remote
     * doctor-to-patient care, Circular 30/2023/TT-BYT); every other reason is offered an in-person visit.
     */
    @WithDefault("I10,I11,I25,E10,E11,E78,E03,E05,J44,J45,F32,F41,K21,N18,M05,Z09")
    List<String> videoIcd10();

    /** Longest date range one slot search may cover. */
    @WithDefault("31")
    int maxSearchDays();

    /** Most slots one search answers. */
    @WithDefault("500")
    int maxSearchResults();

    /** Most schedules one search looks at. */
    @WithDefault("1000")
    int maxSearchSchedules();

    /** Sender of notification e-mails. */
    @WithDefault("TeleConsult <no-reply@teleconsult.local>")
    String mailFrom();

    /** How often each replica looks for due e-mails and expired holds (a Quarkus scheduler interval). */
    @WithDefault("10s")
    String dispatchEvery();

    /** Longest wait for the SMTP server to take one e-mail; a stuck send is then retried later. */
    @WithDefault("PT30S")
    Duration mailSendTimeout();

    /** Wait before sending a failed e-mail again. */
    @WithDefault("PT1M")
    Duration mailRetryAfter();

    /** Attempts at sending one e-mail before it is given up (and logged). */
    @WithDefault("5")
    int mailAttempts();

    /**
     * Threads that write new bookings in batches, each batch in one transaction (decision 0016); two let one batch
     * run while the other waits for its commit.
     */
    @WithDefault("2")
    int bookingWriters();
}
