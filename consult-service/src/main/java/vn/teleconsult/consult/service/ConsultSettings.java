package vn.teleconsult.consult.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the consult workflow: response targets per urgency, escalation and document limits. */
@ConfigMapping(prefix = "consult")
public interface ConsultSettings {

    Sla sla();

    Documents documents();

    /** Response targets: from submission until a specialist accepts. */
    interface Sla {
        @WithDefault("PT15M")
        Duration emergency();

        @WithDefault("PT2H")
        Duration urgent();

        /** ROUTINE: this many working days (Monday to Friday in the hub's time zone). */
        @WithDefault("2")
        int routineWorkingDays();

        /** How often overdue consults are looked for and escalated to the hub's coordinators. */
        @WithDefault("1m")
        String checkInterval();
    }

    /** Attachments (PDF, PNG, JPEG, checked by content). */
    interface Documents {
        /** Largest document accepted, in bytes. */
        @WithDefault("8388608")
        long maxSize();
    }
}
