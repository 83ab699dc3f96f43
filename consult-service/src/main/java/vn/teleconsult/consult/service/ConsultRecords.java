package vn.teleconsult.consult.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.imaging.api.StudyOutline;
import vn.teleconsult.imaging.api.StudyOutlines;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.audit.AuditEntry;
import vn.teleconsult.platform.audit.AuditOutcome;
import vn.teleconsult.platform.audit.AuditTrail;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.api.PatientBookings;

/**
 * The patients and studies of the consults a caller may see ({@link ConsultAccess}), and the portal patients they
 * relate to, for FHIR Patient and ImagingStudy. What the caller may not see answers 404 and is audited as denied;
 * every patient or study returned is audited as a read naming the patient (and the study).
 */
@ApplicationScoped
public class ConsultRecords {

    /** Most consults a search looks through (the caller's worklist scope, newest first). */
    public static final int SEARCH_SCOPE = 500;

    private final ConsultRepository consults;
    private final ConsultAccess access;
    private final ConsultService service;
    private final Directory directory;
    private final PatientBookings bookings;
    private final StudyOutlines outlines;
    private final AuditTrail audit;

    public ConsultRecords(
            ConsultRepository consults,
            ConsultAccess access,
            ConsultService service,
            Directory directory,
            PatientBookings bookings,
            StudyOutlines outlines,
            AuditTrail audit) {
        this.consults = consults;
        this.access = access;
        this.service = service;
        this.directory = directory;
        this.bookings = bookings;
        this.outlines = outlines;
        this.audit = audit;
    }

    /** A consult's patient (by patient key) or a portal patient (by user id) the actor may see. */
    public PatientRecord patient(Actor actor, UUID id) {
        var record = QuarkusTransaction.joiningExisting().call(() -> {
            Optional<Consult> consult = consults.byPatientKey(id);
            if (consult.isPresent()) {
                if (!ConsultAccess.canSee(actor, consult.get())) {
                    throw denied("Patient", null, id.toString()); // names no consult of another tenant
                }
                return new PatientRecord(id, service.get(actor, consult.get().id), null);
            }
            return directory
                    .person(id)
                    .filter(p -> p.has(Role.PATIENT))
                    .filter(p -> actor.id().equals(p.id().toString()) || bookings.seesBookingOf(actor, p.id()))
                    .map(p -> new PatientRecord(id, null, p))
                    .orElseThrow(() -> denied("Patient", null, id.toString()));
        });
        read("Patient", record.id(), record.id(), record.consult());
        return record;
    }

    /**
     * The patients of the consults in the caller's worklist scope, and for a patient themself, not yet audited: a search
     * audits what it returns with {@link #returned(PatientRecord)}. A portal patient is found by {@link #patient}; a
     * search of staff does not list them.
     */
    public List<PatientRecord> patients(Actor actor) {
        var found = new ArrayList<PatientRecord>();
        if (actor.has(Role.PATIENT)) {
            directory.person(UUID.fromString(actor.id())).ifPresent(p -> found.add(new PatientRecord(p.id(), null, p)));
        } else {
            for (ConsultView c : visibleConsults(actor)) {
                found.add(new PatientRecord(c.patient().key(), c, null));
            }
        }
        return found;
    }

    /** Audits a patient a search returns (searches audit only the page they answer, not every candidate). */
    public void returned(PatientRecord record) {
        read("Patient", record.id(), record.id(), record.consult());
    }

    /** Audits a study a search returns. */
    public void returned(StudyRecord record) {
        read(
                "ImagingStudy",
                record.outline().studyUid(),
                record.consults().get(0).patient().key(),
                null);
    }

    /** A study attached to consults the actor sees, which the actor may also read in the image store. */
    public StudyRecord study(Actor actor, String studyUid) {
        var record = QuarkusTransaction.joiningExisting().call(() -> {
            var attached = consults.withStudy(studyUid).stream()
                    .filter(c -> ConsultAccess.canSee(actor, c))
                    .toList();
            var outline = attached.isEmpty() ? Optional.<StudyOutline>empty() : outlines.outline(actor, studyUid);
            if (outline.isEmpty()) {
                throw denied("ImagingStudy", null, studyUid);
            }
            return new StudyRecord(
                    outline.get(),
                    attached.stream().map(c -> service.get(actor, c.id)).toList());
        });
        read("ImagingStudy", studyUid, record.consults().get(0).patient().key(), null);
        return record;
    }

    /**
     * The studies of the given consults (all the caller's worklist scope when null) that the caller may read, not yet
     * audited: a search audits what it returns with {@link #returned(StudyRecord)}.
     */
    public List<StudyRecord> studies(Actor actor, List<ConsultView> scope) {
        var byStudy = new LinkedHashMap<String, List<ConsultView>>();
        for (ConsultView c : scope == null ? visibleConsults(actor) : scope) {
            for (String uid : c.studyUids()) {
                byStudy.computeIfAbsent(uid, u -> new ArrayList<>()).add(c);
            }
        }
        var found = new ArrayList<StudyRecord>();
        byStudy.forEach((uid, attached) ->
                outlines.outline(actor, uid).ifPresent(o -> found.add(new StudyRecord(o, attached))));
        return found;
    }

    /** The consults of the caller's worklist scope (each an audited consult read). */
    public List<ConsultView> visibleConsults(Actor actor) {
        if (actor.has(Role.PATIENT) || actor.has(Role.ADMIN) || actor.has(Role.SYSTEM)) {
            return List.of();
        }
        return service.search(actor, new WorklistFilter(null, null, null, null), SEARCH_SCOPE);
    }

    private void read(String type, Object id, UUID patient, ConsultView consult) {
        audit.record(AuditEntry.of(AuditAction.READ, type, id)
                .patient(patient)
                .detail(consult == null ? "fhir" : "fhir consult=" + consult.id()));
    }

    private ProblemException denied(String type, UUID patient, String id) {
        audit.record(AuditEntry.of(AuditAction.READ, type, null)
                .patient(patient)
                .outcome(AuditOutcome.DENIED)
                .detail("not visible"));
        return ProblemException.notFound("No " + type + " " + id + ".");
    }
}
