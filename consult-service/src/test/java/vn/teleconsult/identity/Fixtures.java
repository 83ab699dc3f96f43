package vn.teleconsult.identity;

import static io.restassured.RestAssured.given;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import vn.teleconsult.identity.domain.Hospital;
import vn.teleconsult.identity.domain.User;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;
import vn.teleconsult.identity.service.PasswordHasher;
import vn.teleconsult.platform.directory.HospitalKind;
import vn.teleconsult.platform.security.Role;

/** Creates each test's own hospitals and users, with unique names, straight in the database. */
@ApplicationScoped
public class Fixtures {

    public static final String PASSWORD = "correct horse battery";

    private final HospitalRepository hospitals;
    private final UserRepository users;
    private final PasswordHasher hasher;

    public Fixtures(HospitalRepository hospitals, UserRepository users, PasswordHasher hasher) {
        this.hospitals = hospitals;
        this.users = users;
        this.hasher = hasher;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Transactional
    public UUID hospital(HospitalKind kind) {
        var h = new Hospital();
        h.id = UUID.randomUUID();
        h.code = unique(kind == HospitalKind.HUB ? "HUB" : "SAT");
        h.name = "Bệnh viện thử nghiệm " + h.code;
        h.kind = kind;
        h.timeZone = "Asia/Ho_Chi_Minh";
        h.createdAt = Instant.now();
        hospitals.persist(h);
        return h.id;
    }

    /** A user with the given role at the given hospital (null: network admin or patient); answers the user name. */
    @Transactional
    public String user(Role role, UUID hospitalId) {
        var u = new User();
        u.id = UUID.randomUUID();
        u.username = unique(role.name().toLowerCase());
        u.fullName = "Người dùng " + u.username;
        u.hospital = hospitalId == null ? null : hospitals.findById(hospitalId);
        u.roles = EnumSet.of(role);
        u.passwordHash = hasher.hash(PASSWORD);
        u.createdAt = Instant.now();
        u.updatedAt = u.createdAt;
        users.persist(u);
        return u.username;
    }

    @Transactional
    public UUID userId(String username) {
        return users.findByUsername(username).orElseThrow().id;
    }

    /** Signs in with the password grant and answers the access token. */
    public static String token(String username) {
        return given().formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A unique documentation-range address, so failed sign-ins of one test never pause another's. */
    public static String someAddress() {
        var r = UUID.randomUUID().getLeastSignificantBits();
        return "198.51." + ((r >>> 8) & 0xff) + "." + (r & 0xff);
    }
}
