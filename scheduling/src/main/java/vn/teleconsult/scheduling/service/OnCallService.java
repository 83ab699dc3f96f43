package vn.teleconsult.scheduling.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.teleconsult.platform.directory.Directory;
import vn.teleconsult.platform.problem.ProblemException;
import vn.teleconsult.platform.security.Actor;

/** The on-call roster: which hub specialist answers URGENT consults of a specialty now; shifts never overlap. */
@ApplicationScoped
public class OnCallService {

    private final Directory directory;
    private final SchedulingPolicy policy;

    public OnCallService(Directory directory, SchedulingPolicy policy) {
        this.directory = directory;
        this.policy = policy;
    }

    @Transactional
    public OnCallView add(Actor actor, OnCallInput input) {
        UUID hub = policy.rosterHospital(actor);
        if (!input.end().isAfter(input.start())) {
            throw ProblemException.badRequest("end: must be after start (" + input.start() + ").");
        }
        directory
                .person(input.practitionerId())
                .filter(p -> policy.mayBeOnCallAt(p, hub))
                .orElseThrow(() -> ProblemException.badRequest(
                        "practitionerId: no active specialist " + input.practitionerId() + " at your hub."));
        var id = UUID.randomUUID();
        try {
            Panache.getEntityManager()
                    .createNativeQuery("insert into scheduling.oncall_shift (id, hospital_id, specialty,"
                            + " practitioner_id, during, created_by) values (?1, ?2, ?3, ?4, tstzrange(?5, ?6, '[)'),"
                            + " ?7)")
                    .setParameter(1, id)
                    .setParameter(2, hub)
                    .setParameter(3, input.specialty().strip().toLowerCase())
                    .setParameter(4, input.practitionerId())
                    .setParameter(5, at(input.start()))
                    .setParameter(6, at(input.end()))
                    .setParameter(7, actor.id())
                    .executeUpdate();
        } catch (PersistenceException e) {
            if (String.valueOf(rootMessage(e)).contains("oncall_shift_no_overlap")) {
                throw ProblemException.conflict("Another shift of " + input.specialty()
                        + " overlaps this one; shifts of one specialty" + " never overlap.");
            }
            throw e;
        }
        return new OnCallView(
                id, hub, input.specialty().strip().toLowerCase(), input.practitionerId(), input.start(), input.end());
    }

    /**
     * Who is on call for the specialty at the hub, for a caller who may know: the hub's own staff and doctors of
     * satellites linked to it. For anyone else nobody is on call there, as for a hub they do not know.
     */
    @Transactional
    public Optional<UUID> onCallFor(Actor actor, UUID hubId, String specialty, Instant at) {
        return policy.readsSchedulesOf(actor, hubId) ? onCall(hubId, specialty, at) : Optional.empty();
    }

    @Transactional
    public Optional<UUID> onCall(UUID hubId, String specialty, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object> rows = Panache.getEntityManager()
                .createNativeQuery("select practitioner_id from scheduling.oncall_shift where hospital_id = ?1 and"
                        + " specialty = ?2 and during @> cast(?3 as timestamptz)")
                .setParameter(1, hubId)
                .setParameter(2, specialty.strip().toLowerCase())
                .setParameter(3, at(at))
                .getResultList();
        return rows.stream().findFirst().map(v -> (UUID) v);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
