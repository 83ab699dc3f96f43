package vn.teleconsult.demo;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.identity.service.PasswordHasher;
import vn.teleconsult.platform.demo.DemoNetworkLoaded;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/**
 * Loads the demo network (fictional hospitals, one user of each role, a few consults in different states) in demo mode
 * only; never in the prod profile. Loading twice changes nothing.
 */
@ApplicationScoped
public class DemoData {

    /** The password of every demo account, printed in the README. */
    public static final String PASSWORD = "Demo-Consult-2026";

    /** The demo password before passwords had to be 12 characters; accounts still holding it get the new one. */
    private static final String EARLIER_PASSWORD = "Demo@2026";

    record DemoHospital(String code, String name, HospitalKind kind, String province, List<String> hubs) {}

    record DemoUser(String username, String fullName, Role role, String hospital, String specialty) {}

    static final List<DemoHospital> HOSPITALS = List.of(
            new DemoHospital("HUB-HONGHA", "Bệnh viện Trung ương Hồng Hà", HospitalKind.HUB, "Hà Nội", List.of()),
            new DemoHospital(
                    "HUB-SONGHUONG", "Bệnh viện Trung ương Sông Hương", HospitalKind.HUB, "Thừa Thiên Huế", List.of()),
            new DemoHospital(
                    "SAT-NUIXANH",
                    "Bệnh viện Đa khoa tỉnh Núi Xanh",
                    HospitalKind.SATELLITE,
                    "Núi Xanh",
                    List.of("HUB-HONGHA")),
            new DemoHospital(
                    "SAT-DONGLUA",
                    "Trung tâm Y tế huyện Đồng Lúa",
                    HospitalKind.SATELLITE,
                    "Núi Xanh",
                    List.of("HUB-HONGHA", "HUB-SONGHUONG")),
            new DemoHospital(
                    "SAT-BIENBAC",
                    "Bệnh viện Đa khoa tỉnh Biển Bạc",
                    HospitalKind.SATELLITE,
                    "Biển Bạc",
                    List.of("HUB-SONGHUONG")),
            new DemoHospital(
                    "SAT-CUASONG",
                    "Bệnh viện Đa khoa khu vực Cửa Sông",
                    HospitalKind.SATELLITE,
                    "Biển Bạc",
                    List.of("HUB-SONGHUONG")));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Quản trị viên Mạng lưới", Role.ADMIN, null, null),
            new DemoUser("coordinator", "Trần Thu Hà", Role.COORDINATOR, "HUB-HONGHA", null),
            new DemoUser("specialist", "PGS.TS. Lê Minh Đức", Role.HUB_SPECIALIST, "HUB-HONGHA", "Chẩn đoán hình ảnh"),
            new DemoUser("doctor", "BS. Phạm Quốc Việt", Role.SATELLITE_DOCTOR, "SAT-NUIXANH", "Nội khoa"),
            new DemoUser("patient", "Hoàng Thị Mai", Role.PATIENT, null, null));

    private final HospitalRepository hospitals;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final boolean enabled;
    private final Config config;
    private final ConsultDemo consults;
    private final Event<DemoNetworkLoaded> loaded;

    public DemoData(
            HospitalRepository hospitals,
            UserRepository users,
            PasswordHasher hasher,
            @ConfigProperty(name = "teleconsult.demo.enabled") boolean enabled,
            Config config,
            ConsultDemo consults,
            Event<DemoNetworkLoaded> loaded) {
        this.loaded = loaded;
        this.hospitals = hospitals;
        this.users = users;
        this.hasher = hasher;
        this.enabled = enabled;
        this.config = config;
        this.consults = consults;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION) StartupEvent event) {
        if (!enabled) {
            return;
        }
        if (config.unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            Log.warn("Demo data is never loaded in the prod profile; ignoring teleconsult.demo.enabled");
            return;
        }
        loadAndAnnounce();
    }

    /** Loads the demo network and tells the other modules, so that they add their own demo data. */
    public void loadAndAnnounce() {
        load();
        loaded.fire(network());
    }

    /** The demo hospitals and users by code and user name, for the other modules' demo data. */
    @Transactional
    DemoNetworkLoaded network() {
        Map<String, UUID> hospitalIds = new HashMap<>();
        HOSPITALS.forEach(
                d -> hospitalIds.put(d.code(), hospitals.findByCode(d.code()).orElseThrow().id));
        Map<String, UUID> userIds = new HashMap<>();
        USERS.forEach(d ->
                userIds.put(d.username(), users.findByUsername(d.username()).orElseThrow().id));
        return new DemoNetworkLoaded(hospitalIds, userIds);
    }

    /** Creates what is missing of the demo network; answers how many hospitals and users were added. */
    @Transactional
    public int load() {
        int added = 0;
        for (var d : HOSPITALS) {
            if (hospitals.findByCode(d.code()).isEmpty()) {
                var h = new Hospital();
                h.id = UUID.randomUUID();
                h.code = d.code();
                h.name = d.name();
                h.kind = d.kind();
                h.province = d.province();
                h.timeZone = "Asia/Ho_Chi_Minh";
                h.createdAt = Instant.now();
                hospitals.persist(h);
                added++;
            }
        }
        for (var d : HOSPITALS) {
            var satellite = hospitals.findByCode(d.code()).orElseThrow();
            d.hubs()
                    .forEach(code ->
                            satellite.hubs.add(hospitals.findByCode(code).orElseThrow()));
        }
        for (var d : USERS) {
            var existing = users.findByUsername(d.username());
            if (existing.isPresent() && hasher.matches(EARLIER_PASSWORD, existing.get().passwordHash)) {
                existing.get().passwordHash = hasher.hash(PASSWORD);
            }
            if (existing.isEmpty()) {
                var u = new User();
                u.id = UUID.randomUUID();
                u.username = d.username();
                u.fullName = d.fullName();
                u.hospital = d.hospital() == null
                        ? null
                        : hospitals.findByCode(d.hospital()).orElseThrow();
                u.specialty = d.specialty();
                u.roles = EnumSet.of(d.role());
                u.passwordHash = hasher.hash(PASSWORD);
                u.createdAt = Instant.now();
                u.updatedAt = u.createdAt;
                users.persist(u);
                added++;
            }
        }
        users.flush();
        int cases = consults.load();
        if (added + cases > 0) {
            Log.infof("Demo data: %d hospitals and users, %d consults added", added, cases);
        }
        return added + cases;
    }
}
