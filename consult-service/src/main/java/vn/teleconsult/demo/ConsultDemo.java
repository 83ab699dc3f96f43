package vn.teleconsult.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultReport;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.ConsultTransition;
import vn.teleconsult.consult.domain.Sex;
import vn.teleconsult.consult.domain.Urgency;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.consult.repository.ReportRepository;
import vn.teleconsult.consult.repository.TransitionRepository;
import vn.teleconsult.identity.repository.HospitalRepository;
import vn.teleconsult.identity.repository.UserRepository;

/**
 * A few demo consults of the demo doctor to the demo hub, in different states (waiting, overdue, assigned, accepted,
 * reported, closed, a draft), so that every demo account's worklist has something on it. Patients are made up.
 */
@ApplicationScoped
public class ConsultDemo {

    record Case(
            String patient,
            LocalDate born,
            Sex sex,
            Urgency urgency,
            String specialty,
            String summary,
            String question,
            ConsultState state,
            Duration age) {}

    static final List<Case> CASES = List.of(
            new Case(
                    "Đỗ Văn Hùng",
                    LocalDate.of(1958, 3, 2),
                    Sex.MALE,
                    Urgency.EMERGENCY,
                    "Chẩn đoán hình ảnh",
                    "Đau đầu dữ dội đột ngột 2 giờ, nôn, cổ cứng. CT sọ não không tiêm thuốc đã chụp.",
                    "Có xuất huyết dưới nhện không? Có cần chuyển tuyến ngay?",
                    ConsultState.SUBMITTED,
                    Duration.ofMinutes(40)),
            new Case(
                    "Lò Thị Mai",
                    LocalDate.of(1990, 11, 21),
                    Sex.FEMALE,
                    Urgency.ROUTINE,
                    "Chẩn đoán hình ảnh",
                    "Nốt tuyến giáp phát hiện tình cờ, siêu âm TIRADS 4.",
                    "Có chỉ định chọc hút tế bào bằng kim nhỏ không?",
                    ConsultState.SUBMITTED,
                    Duration.ofHours(3)),
            new Case(
                    "Vàng A Sùng",
                    LocalDate.of(1975, 6, 9),
                    Sex.MALE,
                    Urgency.URGENT,
                    "Chẩn đoán hình ảnh",
                    "Ho ra máu, tổn thương hang thùy trên phổi phải trên phim X-quang.",
                    "Lao phổi hay u phổi? Cần làm thêm gì?",
                    ConsultState.ASSIGNED,
                    Duration.ofMinutes(50)),
            new Case(
                    "Trịnh Thị Lan",
                    LocalDate.of(1968, 1, 30),
                    Sex.FEMALE,
                    Urgency.ROUTINE,
                    "Chẩn đoán hình ảnh",
                    "Khối u buồng trứng phải 6 cm trên siêu âm, CA-125 tăng nhẹ.",
                    "Đánh giá tính chất khối u trên CT bụng chậu.",
                    ConsultState.ACCEPTED,
                    Duration.ofDays(1)),
            new Case(
                    "Nông Văn Bảy",
                    LocalDate.of(1949, 8, 15),
                    Sex.MALE,
                    Urgency.URGENT,
                    "Chẩn đoán hình ảnh",
                    "Đau bụng, sốt, CT bụng nghi áp xe gan.",
                    "Có chỉ định dẫn lưu qua da không?",
                    ConsultState.REPORTED,
                    Duration.ofDays(2)),
            new Case(
                    "Hà Thị Nụ",
                    LocalDate.of(2001, 4, 4),
                    Sex.FEMALE,
                    Urgency.ROUTINE,
                    "Chẩn đoán hình ảnh",
                    "Đau khớp gối trái sau chấn thương thể thao.",
                    "Có rách dây chằng chéo trước trên MRI không?",
                    ConsultState.DRAFT,
                    Duration.ofHours(1)));

    private final ConsultRepository consults;
    private final TransitionRepository transitions;
    private final ReportRepository reports;
    private final HospitalRepository hospitals;
    private final UserRepository users;

    public ConsultDemo(
            ConsultRepository consults,
            TransitionRepository transitions,
            ReportRepository reports,
            HospitalRepository hospitals,
            UserRepository users) {
        this.consults = consults;
        this.transitions = transitions;
        this.reports = reports;
        this.hospitals = hospitals;
        this.users = users;
    }

    /** Adds the demo consults unless the demo doctor has consults already; answers how many were added. */
    @Transactional
    public int load() {
        UUID doctor = users.findByUsername("doctor").orElseThrow().id;
        if (consults.count("requesterId", doctor) > 0) {
            return 0;
        }
        UUID satellite = hospitals.findByCode("SAT-NUIXANH").orElseThrow().id;
        UUID hub = hospitals.findByCode("HUB-HONGHA").orElseThrow().id;
        UUID coordinator = users.findByUsername("coordinator").orElseThrow().id;
        UUID specialist = users.findByUsername("specialist").orElseThrow().id;
        Instant now = Instant.now();
        for (Case d : CASES) {
            var c = new Consult();
            c.id = UUID.randomUUID();
            c.requestingHospitalId = satellite;
            c.hubId = hub;
            c.requesterId = doctor;
            c.patientKey = UUID.randomUUID();
            c.patientName = d.patient();
            c.patientBirthDate = d.born();
            c.patientSex = d.sex();
            c.urgency = d.urgency();
            c.specialty = d.specialty();
            c.clinicalSummary = d.summary();
            c.question = d.question();
            c.consentRecorded = true;
            c.createdAt = now.minus(d.age());
            c.consentRecordedAt = c.createdAt;
            c.state = ConsultState.DRAFT;
            var steps = new ArrayList<ConsultState>();
            if (d.state() != ConsultState.DRAFT) {
                c.submittedAt = c.createdAt.plusSeconds(60);
                c.acceptDueAt = c.submittedAt.plus(
                        switch (d.urgency()) {
                            case EMERGENCY -> Duration.ofMinutes(15);
                            case URGENT -> Duration.ofHours(2);
                            case ROUTINE -> Duration.ofDays(2);
                        });
                steps.add(ConsultState.SUBMITTED);
            }
            if (d.state().ordinal() >= ConsultState.ASSIGNED.ordinal()) {
                c.coordinatorId = coordinator;
                c.specialistId = specialist;
                steps.add(ConsultState.ASSIGNED);
            }
            if (d.state().ordinal() >= ConsultState.ACCEPTED.ordinal()) {
                c.acceptedAt = c.submittedAt.plus(Duration.ofMinutes(25));
                steps.add(ConsultState.ACCEPTED);
            }
            if (d.state() == ConsultState.REPORTED) {
                c.sessionStart = c.acceptedAt.plus(Duration.ofHours(3));
                c.sessionEnd = c.sessionStart.plus(Duration.ofMinutes(35));
                c.reportedAt = c.sessionEnd;
                steps.addAll(List.of(ConsultState.SCHEDULED, ConsultState.IN_SESSION, ConsultState.REPORTED));
            }
            c.updatedAt = now;
            c.state = d.state();
            consults.persist(c);
            consults.flush();
            Instant at = c.createdAt;
            ConsultState from = ConsultState.DRAFT;
            for (ConsultState to : steps) {
                at = at.plusSeconds(60);
                var t = new ConsultTransition();
                t.consultId = c.id;
                t.fromState = from;
                t.toState = to;
                t.actorId = "demo";
                t.actorRole = "SYSTEM";
                t.occurredAt = at;
                transitions.persist(t);
                from = to;
            }
            if (d.state() == ConsultState.REPORTED) {
                var r = new ConsultReport();
                r.consultId = c.id;
                r.authorId = specialist;
                r.findings = "Ổ giảm tỷ trọng 7 cm thùy phải gan, thành dày, có khí bên trong.";
                r.assessment = "Áp xe gan do vi khuẩn.";
                r.conclusions = "Có chỉ định dẫn lưu áp xe qua da dưới hướng dẫn siêu âm.";
                r.recommendations = "Kháng sinh đường tĩnh mạch; dẫn lưu tại tuyến tỉnh, hội chẩn lại sau 1 tuần.";
                r.signedBy = specialist;
                r.signedAt = c.reportedAt;
                r.updatedAt = c.reportedAt;
                reports.persist(r);
            }
        }
        return CASES.size();
    }
}
