package vn.teleconsult.scheduling.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Interval;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /** Thrown when PostgreSQL's exclusion constraint refuses the time: the resource is already taken then. */
    public static class TimeTaken extends RuntimeException {
        private final UUID resourceId;

        TimeTaken(UUID resourceId, Throwable cause) {
            super("time taken", cause);
            this.resourceId = resourceId;
        }

        /** The resource that was taken, when PostgreSQL named it. */
        public Optional<UUID> resourceId() {
            return Optional.ofNullable(resourceId);
        }
    }

    /** Thrown when another request with the same idempotency key committed first. */
    public static class DuplicateKey extends RuntimeException {
        DuplicateKey(Throwable cause) {
            super("duplicate idempotency key", cause);
        }
    }

    private static final Pattern CONFLICT_RESOURCE = Pattern.compile("\\(resource_id, during\\)=\\(([0-9a-f-]{36}),");

    public Optional<Booking> byKey(String bookedBy, String key) {
        return find("bookedBy = ?1 and idempotencyKey = ?2", bookedBy, key).firstResultOptional();
    }

    public Optional<Booking> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Inserts the booking row now, so that a duplicate idempotency key fails here and not at commit. */
    public void insert(Booking booking) {
        try {
            persist(booking);
            flush();
        } catch (PersistenceException e) {
            if (Sql.sqlError(e)
                    .filter(s -> "23505".equals(s.getSQLState())
                            && String.valueOf(s.getMessage()).contains("booking_idempotency"))
                    .isPresent()) {
                throw new DuplicateKey(e);
            }
            throw e;
        }
    }

    /** Takes the time of each resource for the booking, all or none (one statement per resource, one transaction). */
    public void occupy(UUID bookingId, Collection<UUID> resourceIds, Interval during, Instant holdExpiresAt) {
        for (UUID resourceId : resourceIds) {
            try {
                getEntityManager()
                        .createNativeQuery("insert into scheduling.booking_resource (booking_id, resource_id, during,"
                                + " hold_expires_at) values (?1, ?2, tstzrange(?3, ?4, '[)'), ?5)")
                        .setParameter(1, bookingId)
                        .setParameter(2, resourceId)
                        .setParameter(3, Sql.at(during.start()))
                        .setParameter(4, Sql.at(during.end()))
                        .setParameter(5, Sql.at(holdExpiresAt))
                        .executeUpdate();
            } catch (PersistenceException e) {
                var error = Sql.sqlError(e);
                if (error.filter(s -> "23P01".equals(s.getSQLState())).isPresent()) {
                    var matcher =
                            CONFLICT_RESOURCE.matcher(String.valueOf(error.get().getMessage()));
                    throw new TimeTaken(matcher.find() ? UUID.fromString(matcher.group(1)) : resourceId, e);
                }
                throw e;
            }
        }
    }

    /** Frees all time the booking took. */
    public void release(UUID bookingId) {
        getEntityManager()
                .createNativeQuery("delete from scheduling.booking_resource where booking_id = ?1")
                .setParameter(1, bookingId)
                .executeUpdate();
    }

    /** A hold became a booking: its time no longer expires. */
    public void keep(UUID bookingId) {
        getEntityManager()
                .createNativeQuery(
                        "update scheduling.booking_resource set hold_expires_at = null where booking_id = ?1")
                .setParameter(1, bookingId)
                .executeUpdate();
    }

    public List<UUID> resources(UUID bookingId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = getEntityManager()
                .createNativeQuery("select resource_id from scheduling.booking_resource where booking_id = ?1"
                        + " order by resource_id")
                .setParameter(1, bookingId)
                .getResultList();
        return rows.stream().map(Sql::uuid).toList();
    }

    /**
     * Marks expired holds as EXPIRED and frees their time; with resources given, only holds on those resources within
     * the range (done before a booking so that an expired hold never blocks it). Answers how many were released.
     */
    public int releaseExpiredHolds(Collection<UUID> resourceIds, Interval during) {
        String scope = resourceIds == null
                ? ""
                : " and id in (select booking_id from scheduling.booking_resource where resource_id = any(cast(?1 as"
                        + " uuid[])) and during && tstzrange(?2, ?3, '[)'))";
        var query = getEntityManager()
                .createNativeQuery("with expired as (update scheduling.booking set status = 'EXPIRED', updated_at ="
                        + " now(), version = version + 1 where status = 'HELD' and hold_expires_at <= now()" + scope
                        + " returning id) delete from scheduling.booking_resource where booking_id in (select id"
                        + " from expired)");
        if (resourceIds != null) {
            query.setParameter(1, resourceIds.toArray(UUID[]::new))
                    .setParameter(2, Sql.at(during.start()))
                    .setParameter(3, Sql.at(during.end()));
        }
        return query.executeUpdate();
    }

    /** Bookings where the user is the patient or a participant, soonest first. */
    public List<Booking> ofUser(UUID userId, int limit) {
        return find(
                        "select distinct b from Booking b left join b.participants p where (b.patientId = ?1 or p = ?1)"
                                + " and b.status <> vn.teleconsult.scheduling.api.BookingStatus.EXPIRED"
                                + " order by b.startAt",
                        userId)
                .page(0, limit)
                .list();
    }
}
