package vn.teleconsult.consult.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import vn.teleconsult.consult.domain.Consult;
import vn.teleconsult.consult.domain.ConsultState;
import vn.teleconsult.consult.domain.ConsultWorkflow;
import vn.teleconsult.consult.domain.WorklistFilter;
import vn.teleconsult.consult.repository.ConsultRepository;
import vn.teleconsult.imaging.api.ReviewSessions;
import vn.teleconsult.imaging.api.StudyAccess;
import vn.teleconsult.media.api.VideoRooms;
import vn.teleconsult.platform.audit.AuditAction;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.directory.HospitalRef;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;
import vn.teleconsult.platform.security.Role;
import vn.teleconsult.scheduling.api.BookingStatus;
import vn.teleconsult.scheduling.api.ConsultSessions;

/** Creates consult requests and moves them through the workflow (submit, assign, accept, decline, cancel, close). */
@ApplicationScoped
public class ConsultService {

    private final ConsultRepository consults;
    private final ConsultAccess access;
    private final StateChanges changes;
    private final Notifications notifications;
    private final SlaPolicy sla;
    private final Directory directory;
    private final StudyAccess studies;
    private final ConsultSessions sessions;
    private final VideoRooms rooms;
    private final WorklistService worklists;
    private final ReviewSessions reviews;

    public ConsultService(
            ConsultRepository consults,
            ConsultAccess access,
            StateChanges changes,
            Notifications notifications,
            SlaPolicy sla,
            Directory directory,
            StudyAccess studies,
            ConsultSessions sessions,
            VideoRooms rooms,
            WorklistService worklists,
            ReviewSessions reviews) {
        this.consults = consults;
        this.access = access;
        this.changes = changes;
        this.notifications = notifications;
        this.sla = sla;
        this.directory = directory;
        this.studies = studies;
        this.sessions = sessions;
        this.rooms = rooms;
        this.worklists = worklists;
        this.reviews = reviews;
    }

    /** A new DRAFT consult of the satellite doctor's hospital to a linked hub. */
    public ConsultView create(Actor actor, ConsultInput in) {
        if (!actor.has(Role.SATELLITE_DOCTOR) || actor.hospitalId() == null) {
            throw ProblemException.forbidden("Only satellite doctors request consults.");
        }
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            checkHub(actor.hospitalId(), in.hubId());
            var consult = new Consult();
            consult.id = UUID.randomUUID();
            consult.state = ConsultState.DRAFT;
            consult.requestingHospitalId = actor.hospitalId();
            consult.requesterId = actor.userId();
            consult.patientKey = UUID.randomUUID();
            consult.createdAt = Instant.now();
            apply(consult, in, actor);
            consults.persist(consult);
            return consult;
        });
        access.changed(c, "create");
        Log.infof("Consult %s created as draft", c.id);
        return get(actor, c.id);
    }

    /** Changes a DRAFT (its requesting hospital only). */
    public ConsultView update(Actor actor, UUID id, ConsultInput in, Long version) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, id, "edit");
            StateChanges.expectVersion(consult, version);
            if (consult.state != ConsultState.DRAFT) {
                throw ProblemException.conflict("Consult " + id + " is " + consult.state
                        + "; only a draft can be edited. Send further information as a message.");
            }
            if (!actor.has(Role.SATELLITE_DOCTOR)) {
                throw ProblemException.forbidden("Only the requesting hospital edits its draft.");
            }
            checkHub(consult.requestingHospitalId, in.hubId());
            apply(consult, in, actor);
            consult.updatedAt = Instant.now();
            changes.flush(consult);
            return consult;
        });
        access.changed(c, "edit");
        return get(actor, id);
    }

    /** Adds a study of the requesting hospital's image store to an open consult (granted to its members). */
    public ConsultView addStudy(Actor actor, UUID id, String studyUid) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, id, "add study");
            if (!consult.state.open() || !actor.has(Role.SATELLITE_DOCTOR)) {
                throw ProblemException.conflict("Studies are added by the requesting hospital to open consults.");
            }
            checkStudy(consult.requestingHospitalId, studyUid);
            if (consult.studyUids.add(studyUid) && consult.specialistId != null) {
                studies.grant(studyUid, consult.id, consult.members());
            }
            if (consult.state == ConsultState.IN_SESSION) {
                reviews.share(consult.id, studyUid); // members watching the session see it arrive
            }
            consult.updatedAt = Instant.now();
            changes.flush(consult);
            return consult;
        });
        access.changed(c, "add study");
        return get(actor, id);
    }

    /** The consults of the caller's worklist scope matching the filter, as full views (each an audited read). */
    public List<ConsultView> search(Actor actor, WorklistFilter filter, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> worklists.list(actor, filter, 0, limit).items().stream()
                .map(s -> get(actor, s.id()))
                .toList());
    }

    /**
     * The ids of the caller's worklist consults whose summary passes {@code keep}, in worklist order: at most
     * {@code limit} consults are looked at. Nothing is read (or audited as read) until the caller {@link #get}s one.
     */
    public List<UUID> ids(Actor actor, WorklistFilter filter, Predicate<ConsultSummary> keep, int limit) {
        return worklists.list(actor, filter, 0, limit).items().stream()
                .filter(keep)
                .map(ConsultSummary::id)
                .toList();
    }

    public ConsultView get(Actor actor, UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Consult c = access.visible(actor, id, AuditAction.READ, "read");
            access.read(c, "read");
            return ConsultView.of(c, ConsultWorkflow.nextFor(c, actor), changes.history(c));
        });
    }

    /** Moves the consult to the requested state through the one workflow; 409 when not allowed from here. */
    public ConsultView transition(Actor actor, UUID id, TransitionInput in) {
        Consult c = QuarkusTransaction.joiningExisting().call(() -> {
            Consult consult = access.forChange(actor, id, "transition to " + in.to());
            StateChanges.expectVersion(consult, in.version());
            switch (in.to()) {
                case SUBMITTED -> submit(consult, actor);
                case ASSIGNED -> assign(consult, actor, in.specialistId());
                case ACCEPTED -> accept(consult, actor);
                case DECLINED -> decline(consult, actor, in.reason());
                case CANCELLED -> cancel(consult, actor, in.reason());
                case CLOSED -> close(consult, actor);
                default -> {
                    ConsultWorkflow.check(consult, actor, in.to());
                    throw ProblemException.badRequest(in.to() + " is reached by "
                            + switch (in.to()) {
                                case SCHEDULED -> "booking a session: POST /api/consults/" + id + "/session";
                                case IN_SESSION -> "starting the session: POST /api/consults/" + id + "/session/start";
                                default -> "signing the report: POST /api/consults/" + id + "/report/sign";
                            }
                            + ".");
                }
            }
            changes.flush(consult);
            return consult;
        });
        access.changed(c, "to " + c.state);
        Log.infof("Consult %s is now %s", c.id, c.state);
        return get(actor, id);
    }

    private void submit(Consult c, Actor actor) {
        changes.move(c, actor, ConsultState.SUBMITTED, null);
        if (!c.consentRecorded) {
            throw ProblemException.badRequest(
                    "Record the patient's consent (consentRecorded: true) before submitting the consult.");
        }
        c.submittedAt = Instant.now();
        ZoneId zone =
                directory.hospital(c.hubId).map(h -> ZoneId.of(h.timeZone())).orElse(ZoneId.of("UTC"));
        c.acceptDueAt = sla.acceptDue(c.urgency, c.submittedAt, zone);
        Optional<UUID> onCall = c.urgency == vn.teleconsult.consult.domain.Urgency.EMERGENCY
                ? sessions.onCall(c.hubId, c.specialty, c.submittedAt)
                : Optional.empty();
        if (onCall.isPresent()) {
            // EMERGENCY: straight to the specialist on call, without waiting for a coordinator
            c.specialistId = onCall.get();
            changes.move(c, null, ConsultState.ASSIGNED, "emergency: specialist on call");
            grantStudies(c);
            notifications.notify(List.of(c.specialistId), c.id, "ASSIGNED_EMERGENCY", null);
        }
        notifications.notify(coordinators(c), c.id, onCall.isPresent() ? "EMERGENCY_SUBMITTED" : "SUBMITTED", null);
    }

    private void assign(Consult c, Actor actor, UUID specialistId) {
        changes.move(c, actor, ConsultState.ASSIGNED, null);
        if (specialistId == null) {
            throw ProblemException.badRequest("specialistId: name the hub specialist to assign.");
        }
        directory
                .person(specialistId)
                .filter(p -> p.enabled() && p.has(Role.HUB_SPECIALIST) && c.hubId.equals(p.hospitalId()))
                .orElseThrow(() -> ProblemException.badRequest(
                        "specialistId: " + specialistId + " is not an active specialist of this hub."));
        c.specialistId = specialistId;
        c.coordinatorId = actor.userId();
        c.declineReason = null;
        grantStudies(c);
        notifications.notify(List.of(specialistId), c.id, "ASSIGNED", actor.userId());
    }

    private void accept(Consult c, Actor actor) {
        changes.move(c, actor, ConsultState.ACCEPTED, null);
        c.acceptedAt = Instant.now();
        notifications.notify(c.members(), c.id, "ACCEPTED", actor.userId());
    }

    private void decline(Consult c, Actor actor, String reason) {
        changes.move(c, actor, ConsultState.DECLINED, reason);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("reason: say why the consult is declined.");
        }
        c.declineReason = reason;
        UUID declinedBy = c.specialistId;
        c.specialistId = null;
        c.studyUids.forEach(uid -> studies.revoke(uid, c.id));
        notifications.notify(coordinators(c), c.id, "DECLINED", declinedBy);
    }

    private void cancel(Consult c, Actor actor, String reason) {
        changes.move(c, actor, ConsultState.CANCELLED, reason);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.badRequest("reason: say why the consult is cancelled.");
        }
        c.cancelReason = reason;
        if (c.bookingId != null) {
            sessions.find(c.bookingId)
                    .filter(b -> b.status() == BookingStatus.BOOKED || b.status() == BookingStatus.HELD)
                    .ifPresent(b -> sessions.cancel(b.id(), "consult cancelled"));
        }
        if (c.roomId != null) {
            rooms.close(c.roomId);
            reviews.close(c.id);
        }
        c.studyUids.forEach(uid -> studies.revoke(uid, c.id));
        notifications.notify(c.members(), c.id, "CANCELLED", actor.userId());
    }

    private void close(Consult c, Actor actor) {
        changes.move(c, actor, ConsultState.CLOSED, null);
        c.closedAt = Instant.now();
        notifications.notify(c.members(), c.id, "CLOSED", actor.userId());
    }

    private void grantStudies(Consult c) {
        for (String uid : c.studyUids) {
            studies.grant(uid, c.id, c.members());
        }
    }

    private List<UUID> coordinators(Consult c) {
        return directory.staff(c.hubId, Role.COORDINATOR).stream()
                .map(p -> p.id())
                .toList();
    }

    private void apply(Consult c, ConsultInput in, Actor actor) {
        c.urgency = in.urgency();
        c.specialty = in.specialty().strip();
        c.hubId = in.hubId();
        c.patientName = in.patient().name().strip();
        c.patientBirthDate = in.patient().birthDate();
        c.patientSex = in.patient().sex();
        c.patientNationalId = blankToNull(in.patient().nationalId());
        c.patientInsuranceNumber = blankToNull(in.patient().insuranceNumber());
        c.clinicalSummary = in.clinicalSummary();
        c.question = in.question();
        if (in.consentRecorded() && !c.consentRecorded) {
            c.consentRecordedAt = Instant.now();
        }
        c.consentRecorded = in.consentRecorded();
        var uids = new LinkedHashSet<String>(in.studyUids() == null ? List.of() : in.studyUids());
        for (String uid : uids) {
            checkStudy(actor.hospitalId(), uid);
        }
        c.studyUids.retainAll(uids);
        c.studyUids.addAll(uids);
        c.updatedAt = Instant.now();
    }

    private void checkHub(UUID satellite, UUID hubId) {
        HospitalRef hub = directory
                .hospital(hubId)
                .filter(HospitalRef::active)
                .orElseThrow(() -> ProblemException.badRequest("hubId: no hub " + hubId + "."));
        if (!directory.linked(satellite, hub.id())) {
            throw ProblemException.badRequest(
                    "hubId: your hospital is not linked to hub " + hubId + "; consults go to linked hubs only.");
        }
    }

    private void checkStudy(UUID hospitalId, String studyUid) {
        if (!studies.owner(studyUid).filter(hospitalId::equals).isPresent()) {
            throw ProblemException.badRequest(
                    "studyUids: study " + studyUid + " is not in your hospital's image store; upload it first.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
