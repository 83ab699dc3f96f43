package vn.teleconsult.consult.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultReport;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.ConsultWorkflow;
import vn.teleconsult.consult.domain.ReportAddendum;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.consult.repository.ReportRepository;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.directory.PersonRef;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/**
 * The specialist's report: written while the consult is accepted, scheduled or in session, signed to end the session
 * (REPORTED), then immutable; corrections are addenda. Exported as PDF in the structure of the official minutes.
 */
@ApplicationScoped
public class ReportService {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportRepository reports;
    private final ConsultRepository consults;
    private final ConsultAccess access;
    private final StateChanges changes;
    private final Notifications notifications;
    private final Directory directory;
    private final VideoRooms rooms;
    private final ReviewSessions reviews;

    public ReportService(
            ReportRepository reports,
            ConsultRepository consults,
            ConsultAccess access,
            StateChanges changes,
            Notifications notifications,
            Directory directory,
            VideoRooms rooms,
            ReviewSessions reviews) {
        this.reports = reports;
        this.consults = consults;
        this.access = access;
        this.changes = changes;
        this.notifications = notifications;
        this.directory = directory;
        this.rooms = rooms;
        this.reviews = reviews;
    }

    /** Writes (or rewrites) the unsigned report; only the assigned specialist, only before signing. */
    public ReportView save(Actor actor, UUID consultId, ReportInput in) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, consultId, "write report");
            requireSpecialist(actor, consult);
            // one writer at a time: two first saves would both insert the report (a duplicate key, a 500)
            consults.lock(consultId);
            ConsultReport r = reports.findByIdOptional(consultId).orElse(null);
            if (r != null && r.signed()) {
                throw signed(consultId);
            }
            if (!List.of(ConsultState.ACCEPTED, ConsultState.SCHEDULED, ConsultState.IN_SESSION)
                    .contains(consult.state)) {
                throw ProblemException.conflict("Consult " + consultId + " is " + consult.state
                        + "; a report is written once the consult is accepted and before it is reported.");
            }
            if (r == null) {
                r = new ConsultReport();
                r.consultId = consultId;
                r.authorId = actor.userId();
                apply(r, in);
                reports.persist(r);
            } else {
                if (in.version() != null && in.version() != r.version) {
                    throw ProblemException.conflict(
                            "The report was changed since version " + in.version() + "; reload it and try again.");
                }
                apply(r, in);
            }
            reports.flush();
            return consult;
        });
        access.changed(c, "report saved");
        return get(actor, consultId);
    }

    /** Signs the report: the session ends (video room and review session close); the consult becomes REPORTED. */
    public ReportView sign(Actor actor, UUID consultId, Long version) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, consultId, "sign report");
            ConsultReport r = reports.findByIdOptional(consultId).orElse(null);
            if (r != null && r.signed()) {
                throw signed(consultId);
            }
            StateChanges.expectVersion(consult, version);
            ConsultWorkflow.check(consult, actor, ConsultState.REPORTED);
            if (r == null || blank(r.findings) || blank(r.conclusions)) {
                throw ProblemException.conflict(
                        "Write at least the findings and the conclusions of the report before signing it.");
            }
            Instant now = Instant.now();
            r.signedBy = actor.userId();
            r.signedAt = now;
            r.updatedAt = now;
            changes.move(consult, actor, ConsultState.REPORTED, null);
            consult.reportedAt = now;
            consult.sessionEnd = now;
            if (consult.roomId != null) {
                rooms.close(consult.roomId);
            }
            reviews.close(consult.id);
            notifications.notify(consult.members(), consultId, "REPORT_SIGNED", actor.userId());
            changes.flush(consult);
            return consult;
        });
        access.changed(c, "report signed");
        return get(actor, consultId);
    }

    public ReportView addendum(Actor actor, UUID consultId, AddendumInput in) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, consultId, "add addendum");
            requireSpecialist(actor, consult);
            ConsultReport r = reports.findByIdOptional(consultId)
                    .filter(ConsultReport::signed)
                    .orElseThrow(() -> ProblemException.conflict(
                            "Addenda are for signed reports; change the unsigned report itself."));
            var a = new ReportAddendum();
            a.id = UUID.randomUUID();
            a.consultId = r.consultId;
            a.body = in.body();
            a.authorId = actor.userId();
            a.createdAt = Instant.now();
            reports.add(a);
            notifications.notify(consult.members(), consultId, "REPORT_ADDENDUM", actor.userId());
            return consult;
        });
        access.changed(c, "report addendum");
        return get(actor, consultId);
    }

    public ReportView get(Actor actor, UUID consultId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, consultId, AuditAction.READ, "read report");
            ConsultReport r = reports.findByIdOptional(consultId)
                    .orElseThrow(() -> ProblemException.notFound("Consult " + consultId + " has no report yet."));
            access.read(c, "report");
            return view(r);
        });
    }

    /** The consult's report if it has one (404 when the consult is not the actor's to see); audited like get. */
    public Optional<ReportView> find(Actor actor, UUID consultId) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, consultId, AuditAction.READ, "read report");
            var found = reports.findByIdOptional(consultId).map(this::view);
            found.ifPresent(r -> access.read(c, "report"));
            return found;
        });
    }

    /** The signed report as a PDF in the structure of the official consult minutes. */
    public byte[] pdf(Actor actor, UUID consultId) {
        ReportDocument document = QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, consultId, AuditAction.EXPORT, "report pdf");
            ConsultReport r = reports.findByIdOptional(consultId)
                    .filter(ConsultReport::signed)
                    .orElseThrow(() -> ProblemException.conflict(
                            "Consult " + consultId + " has no signed report yet; the PDF is of the signed report."));
            access.read(c, "report pdf");
            return document(c, r, reports.addenda(consultId));
        });
        return ReportPdf.render(document);
    }

    private ReportDocument document(Consult c, ConsultReport r, List<ReportAddendum> addenda) {
        HospitalRef hub = directory.hospital(c.hubId).orElse(null);
        HospitalRef satellite = directory.hospital(c.requestingHospitalId).orElse(null);
        ZoneId zone = ZoneId.of(hub == null ? "Asia/Ho_Chi_Minh" : hub.timeZone());
        var participants = new ArrayList<String>();
        participant(participants, c.specialistId, "Chuyên gia hội chẩn", hub);
        participant(participants, c.coordinatorId, "Điều phối viên", hub);
        participant(participants, c.requesterId, "Bác sĩ đề nghị hội chẩn", satellite);
        Instant start = c.sessionStart == null ? r.signedAt : c.sessionStart;
        String time = "Từ " + TIME.format(start.atZone(zone)) + " đến "
                + TIME.format((c.sessionEnd == null ? r.signedAt : c.sessionEnd).atZone(zone));
        String place = "Hội chẩn từ xa giữa " + name(hub) + " và " + name(satellite);
        var patient = new ArrayList<String>();
        patient.add("Họ và tên: " + c.patientName);
        patient.add("Ngày sinh: " + DATE.format(c.patientBirthDate) + "; giới tính: " + sex(c));
        if (c.patientNationalId != null) {
            patient.add("Số định danh cá nhân: " + c.patientNationalId);
        }
        if (c.patientInsuranceNumber != null) {
            patient.add("Số thẻ BHYT: " + c.patientInsuranceNumber);
        }
        String signer = directory.person(r.signedBy).map(PersonRef::fullName).orElse(r.signedBy.toString());
        return new ReportDocument(
                c.id.toString(),
                time,
                place,
                participants,
                patient,
                c.clinicalSummary,
                c.question,
                r.findings,
                r.assessment,
                r.conclusions,
                r.recommendations,
                r.freeText,
                signer,
                TIME.format(r.signedAt.atZone(zone)),
                addenda.stream()
                        .map(a -> TIME.format(a.createdAt.atZone(zone)) + ": " + a.body)
                        .toList());
    }

    private void participant(List<String> out, UUID id, String role, HospitalRef site) {
        if (id != null) {
            String person = directory.person(id).map(PersonRef::fullName).orElse(id.toString());
            out.add(person + " — " + role + ", " + name(site));
        }
    }

    private static String name(HospitalRef h) {
        return h == null ? "?" : h.name();
    }

    private static String sex(Consult c) {
        return switch (c.patientSex) {
            case MALE -> "Nam";
            case FEMALE -> "Nữ";
            case OTHER -> "Khác";
            case UNKNOWN -> "Không rõ";
        };
    }

    private ReportView view(ConsultReport r) {
        return new ReportView(
                r.consultId,
                r.version,
                r.findings,
                r.assessment,
                r.conclusions,
                r.recommendations,
                r.freeText,
                r.authorId,
                r.signedBy,
                r.signedAt,
                reports.addenda(r.consultId).stream()
                        .map(a -> new ReportView.Addendum(a.id, a.body, a.authorId, a.createdAt))
                        .toList());
    }

    private static void apply(ConsultReport r, ReportInput in) {
        r.findings = in.findings();
        r.assessment = in.assessment();
        r.conclusions = in.conclusions();
        r.recommendations = in.recommendations();
        r.freeText = in.freeText();
        r.updatedAt = Instant.now();
    }

    private static void requireSpecialist(Actor actor, Consult c) {
        if (c.specialistId == null || !c.specialistId.toString().equals(actor.id())) {
            throw ProblemException.forbidden("Only the specialist the consult is assigned to writes its report.");
        }
    }

    private static ProblemException signed(UUID consultId) {
        return new ProblemException(
                409,
                "Report signed",
                "The report of consult " + consultId + " is signed and cannot change; add an addendum instead.");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
