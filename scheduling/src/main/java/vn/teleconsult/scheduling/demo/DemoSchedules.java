package vn.teleconsult.scheduling.demo;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.teleconsult.platform.demo.DemoNetworkLoaded;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.api.BookingKind;
import vn.teleconsult.scheduling.api.VisitMode;
import vn.teleconsult.scheduling.service.RuleInput;
import vn.teleconsult.scheduling.service.ScheduleInput;
import vn.teleconsult.scheduling.service.ScheduleService;

/**
 * The demo hub's weekly availability (demo mode only): the demo specialist's consult sessions on weekday afternoons
 * and patient visits on weekday and Saturday mornings, so that slots can be found and booked right away.
 */
@ApplicationScoped
public class DemoSchedules {

    static final String HUB = "HUB-HONGHA";
    static final String CONSULT_SERVICE = "consult-imaging";
    static final String VISIT_SERVICE = "followup-chronic";
    private static final String WEEKDAYS = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";

    private final ScheduleService schedules;

    public DemoSchedules(ScheduleService schedules) {
        this.schedules = schedules;
    }

    void onDemoNetwork(@Observes DemoNetworkLoaded network) {
        UUID hub = network.hospital(HUB);
        UUID specialist = network.user("specialist");
        var coordinator =
                new Actor(network.user("coordinator").toString(), "coordinator", Set.of(Role.COORDINATOR), hub);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        int added = 0;
        if (schedules.search(coordinator, specialist, CONSULT_SERVICE, null, 1).isEmpty()) {
            schedules.create(
                    coordinator,
                    new ScheduleInput(
                            specialist,
                            null,
                            BookingKind.CONSULT_SESSION,
                            CONSULT_SERVICE,
                            "Chẩn đoán hình ảnh",
                            Set.of(VisitMode.VIDEO),
                            "Asia/Ho_Chi_Minh",
                            30,
                            60,
                            30,
                            List.of(new RuleInput(WEEKDAYS, LocalTime.of(14, 0), LocalTime.of(17, 0), today, null))));
            added++;
        }
        if (schedules.search(coordinator, specialist, VISIT_SERVICE, null, 1).isEmpty()) {
            schedules.create(
                    coordinator,
                    new ScheduleInput(
                            specialist,
                            null,
                            BookingKind.PATIENT_VISIT,
                            VISIT_SERVICE,
                            "Chẩn đoán hình ảnh",
                            Set.of(VisitMode.VIDEO, VisitMode.IN_PERSON),
                            "Asia/Ho_Chi_Minh",
                            20,
                            60,
                            30,
                            List.of(
                                    new RuleInput(WEEKDAYS, LocalTime.of(8, 0), LocalTime.of(11, 20), today, null),
                                    new RuleInput(
                                            "FREQ=WEEKLY;BYDAY=SA",
                                            LocalTime.of(8, 0),
                                            LocalTime.of(11, 20),
                                            today,
                                            null))));
            added++;
        }
        if (added > 0) {
            Log.infof("Demo data: %d schedules added at %s", added, HUB);
        }
    }
}
