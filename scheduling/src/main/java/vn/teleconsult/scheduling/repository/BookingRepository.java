package vn.teleconsult.scheduling.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.Session;
import vn.teleconsult.scheduling.domain.Booking;
import vn.teleconsult.scheduling.domain.Interval;
import vn.teleconsult.scheduling.domain.Notice;

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

    /**
     * The booking statement: in one statement, inserts the booking, its participants, one time row per resource (under
     * the exclusion constraint) and its queued e-mails (one row per kind for all participants, which the dispatcher
     * fans out when it falls due), but only while the schedule is active at {@code
     * scheduleVersion} and its resource has no exception then. Answers 1 when the booking was made, 0 when nothing was
     * inserted (the schedule changed, its resource is unavailable, or the idempotency key was used already); throws
     * {@link TimeTaken} when a resource's time is taken.
     */
    public int insertAll(Booking b, int scheduleVersion, List<UUID> resourceIds, List<Notice> notices) {
        return getEntityManager()
                .unwrap(Session.class)
                .doReturningWork(connection -> insertAll(connection, b, scheduleVersion, resourceIds, notices));
    }

    /** {@link #insertAll(Booking, int, List, List)} on a connection the caller holds (in a transaction of its own). */
    public int insertAll(
            Connection connection, Booking b, int scheduleVersion, List<UUID> resourceIds, List<Notice> notices)
            throws SQLException {
        try (var statement = connection.prepareStatement(INSERT_ALL)) {
            int i = 0;
            statement.setObject(++i, b.scheduleId);
            statement.setInt(++i, scheduleVersion);
            statement.setObject(++i, Sql.at(b.startAt));
            statement.setObject(++i, Sql.at(b.endAt));
            statement.setObject(++i, b.id);
            statement.setString(++i, b.kind.name());
            statement.setString(++i, b.mode.name());
            statement.setString(++i, b.status.name());
            statement.setObject(++i, b.hospitalId);
            statement.setObject(++i, b.practitionerId);
            statement.setString(++i, b.serviceCode);
            statement.setObject(++i, Sql.at(b.startAt));
            statement.setObject(++i, Sql.at(b.endAt));
            statement.setString(++i, b.timeZone);
            statement.setObject(++i, Sql.at(b.holdExpiresAt));
            statement.setObject(++i, b.patientId);
            statement.setObject(++i, b.consultId);
            statement.setString(++i, b.reasonCode);
            statement.setString(++i, b.bookedBy);
            statement.setString(++i, b.idempotencyKey);
            statement.setObject(++i, Sql.at(b.createdAt));
            statement.setArray(++i, connection.createArrayOf("uuid", b.participants.toArray()));
            statement.setObject(++i, Sql.at(b.holdExpiresAt));
            statement.setArray(++i, connection.createArrayOf("uuid", resourceIds.toArray()));
            statement.setArray(
                    ++i,
                    connection.createArrayOf(
                            "text", notices.stream().map(n -> n.kind().name()).toArray()));
            statement.setArray(
                    ++i,
                    connection.createArrayOf(
                            "text",
                            notices.stream().map(n -> n.due().toString()).toArray()));
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            if ("23P01".equals(e.getSQLState())) {
                var matcher = CONFLICT_RESOURCE.matcher(String.valueOf(e.getMessage()));
                throw new TimeTaken(matcher.find() ? UUID.fromString(matcher.group(1)) : null, e);
            }
            throw e;
        }
    }

    private static final String INSERT_ALL =
            """
            with s as (
                select id from scheduling.schedule
                where id = ? and version = ? and active
                  and not exists (select 1 from scheduling.availability_exception e
                                  where e.resource_id = schedule.resource_id and e.during && tstzrange(?, ?, '[)'))
            ), b as (
                insert into scheduling.booking (id, kind, mode, status, schedule_id, hospital_id, practitioner_id,
                    service_code, start_at, end_at, time_zone, hold_expires_at, patient_id, consult_id, urgent,
                    reason_code, booked_by, idempotency_key, sequence, version, created_at, updated_at)
                select ?, ?, ?, ?, s.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?, ?, 0, 0, c.at, c.at
                from s, (select cast(? as timestamptz) as at) c
                on conflict on constraint booking_idempotency do nothing
                returning id, start_at, end_at
            ), p as (
                insert into scheduling.booking_participant (booking_id, user_id)
                select b.id, u from b, unnest(cast(? as uuid[])) u
            ), r as (
                insert into scheduling.booking_resource (booking_id, resource_id, during, hold_expires_at)
                select b.id, x, tstzrange(b.start_at, b.end_at, '[)'), ? from b, unnest(cast(? as uuid[])) x
            ), n as (
                insert into scheduling.notification (id, booking_id, kind, recipient_id, sequence, due_at, created_at)
                select gen_random_uuid(), b.id, k.kind, null, 0, cast(k.due as timestamptz), now()
                from b, unnest(cast(? as text[]), cast(? as text[])) as k(kind, due)
            )
            select count(*) from b
            """;

    /** One new booking of a batch: taking only its schedule's own resource, while the schedule is at this version. */
    public record NewBooking(Booking booking, int scheduleVersion, UUID resourceId, List<Notice> notices) {}

    /** What became of a {@link NewBooking} in {@link #insertBatch}. */
    public enum Outcome {
        /** Booked (or held): every row is written. */
        WRITTEN,
        /** Nothing written: the resource's time is taken (by a booking, a hold, or an earlier one of the batch). */
        TAKEN,
        /** Nothing written: the schedule changed, its resource is unavailable then, or the idempotency key was used. */
        UNDECIDED
    }

    /**
     * The booking statement for many new bookings at once (decision 0016): in one statement, each booking whose
     * schedule is still active at its version, whose resource has no exception then and whose idempotency key is
     * unused takes its resource's time under the exclusion constraint ({@code on conflict do nothing}, in the order
     * given: of two bookings of the batch that overlap, the first wins), and only the bookings that got their time are
     * inserted with their participants and queued e-mails. Answers one outcome per booking, in order. Bookings of one
     * batch use distinct idempotency keys; a key another transaction inserts meanwhile fails the whole statement
     * (unique violation), as does a deadlock with another batch: the caller then writes the bookings one by one.
     */
    public List<Outcome> insertBatch(Connection connection, List<NewBooking> batch) throws SQLException {
        int n = batch.size();
        // text arrays (cast in SQL) and an int array: the driver sends those in binary, without escaping each element
        var text = new String[BATCH_TEXT_COLUMNS][n];
        var versions = new Integer[n];
        var participantBookings = new ArrayList<String>();
        var participants = new ArrayList<String>();
        var noticeBookings = new ArrayList<String>();
        var noticeKinds = new ArrayList<String>();
        var noticeDue = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            NewBooking x = batch.get(i);
            Booking b = x.booking();
            String id = b.id.toString();
            versions[i] = x.scheduleVersion();
            int c = 0;
            text[c++][i] = id;
            text[c++][i] = b.scheduleId.toString();
            text[c++][i] = x.resourceId().toString();
            text[c++][i] = b.kind.name();
            text[c++][i] = b.mode.name();
            text[c++][i] = b.status.name();
            text[c++][i] = b.hospitalId.toString();
            text[c++][i] = b.practitionerId == null ? null : b.practitionerId.toString();
            text[c++][i] = b.serviceCode;
            text[c++][i] = b.startAt.toString();
            text[c++][i] = b.endAt.toString();
            text[c++][i] = b.timeZone;
            text[c++][i] = b.holdExpiresAt == null ? null : b.holdExpiresAt.toString();
            text[c++][i] = b.patientId == null ? null : b.patientId.toString();
            text[c++][i] = b.consultId == null ? null : b.consultId.toString();
            text[c++][i] = b.reasonCode;
            text[c++][i] = b.bookedBy;
            text[c++][i] = b.idempotencyKey;
            text[c][i] = b.createdAt.toString();
            for (UUID user : b.participants) {
                participantBookings.add(id);
                participants.add(user.toString());
            }
            for (Notice notice : x.notices()) {
                noticeBookings.add(id);
                noticeKinds.add(notice.kind().name());
                noticeDue.add(notice.due().toString());
            }
        }
        try (var statement = connection.prepareStatement(INSERT_BATCH)) {
            int p = 0;
            statement.setArray(++p, connection.createArrayOf("int4", versions));
            for (String[] column : text) {
                statement.setArray(++p, connection.createArrayOf("text", column));
            }
            for (var column : List.of(participantBookings, participants, noticeBookings, noticeKinds, noticeDue)) {
                statement.setArray(++p, connection.createArrayOf("text", column.toArray(String[]::new)));
            }
            var outcomes = new ArrayList<Outcome>(n);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    outcomes.add(Outcome.values()[rows.getInt(1)]);
                }
            }
            if (outcomes.size() != n) {
                throw new IllegalStateException("The booking statement answered " + outcomes.size() + " of " + n);
            }
            return outcomes;
        }
    }

    /** Text columns of {@link #INSERT_BATCH}'s first unnest, after the schedule versions. */
    private static final int BATCH_TEXT_COLUMNS = 19;

    private static final String INSERT_BATCH =
            """
            with c as (
                select * from unnest(cast(? as int[]), cast(cast(? as text[]) as uuid[]),
                    cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as uuid[]), cast(? as text[]),
                    cast(? as text[]), cast(? as text[]), cast(cast(? as text[]) as uuid[]),
                    cast(cast(? as text[]) as uuid[]), cast(? as text[]), cast(cast(? as text[]) as timestamptz[]),
                    cast(cast(? as text[]) as timestamptz[]), cast(? as text[]),
                    cast(cast(? as text[]) as timestamptz[]), cast(cast(? as text[]) as uuid[]),
                    cast(cast(? as text[]) as uuid[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
                    cast(cast(? as text[]) as timestamptz[]))
                    with ordinality as c(schedule_version, id, schedule_id, resource_id, kind, mode, status,
                        hospital_id, practitioner_id, service_code, start_at, end_at, time_zone, hold_expires_at,
                        patient_id, consult_id, reason_code, booked_by, idempotency_key, created_at, n)
            ), ok as (
                select c.* from c
                join scheduling.schedule s on s.id = c.schedule_id and s.version = c.schedule_version and s.active
                    and s.resource_id = c.resource_id
                where not exists (select 1 from scheduling.availability_exception e
                                  where e.resource_id = c.resource_id
                                    and e.during && tstzrange(c.start_at, c.end_at, '[)'))
                  and (c.idempotency_key is null
                       or not exists (select 1 from scheduling.booking x
                                      where x.booked_by = c.booked_by and x.idempotency_key = c.idempotency_key))
            ), r as (
                insert into scheduling.booking_resource (booking_id, resource_id, during, hold_expires_at)
                select id, resource_id, tstzrange(start_at, end_at, '[)'), hold_expires_at from ok order by n
                on conflict do nothing
                returning booking_id
            ), b as (
                insert into scheduling.booking (id, kind, mode, status, schedule_id, hospital_id, practitioner_id,
                    service_code, start_at, end_at, time_zone, hold_expires_at, patient_id, consult_id, urgent,
                    reason_code, booked_by, idempotency_key, sequence, version, created_at, updated_at)
                select id, kind, mode, status, schedule_id, hospital_id, practitioner_id, service_code, start_at,
                    end_at, time_zone, hold_expires_at, patient_id, consult_id, false, reason_code, booked_by,
                    idempotency_key, 0, 0, created_at, created_at
                from ok where id in (select booking_id from r)
                returning id
            ), p as (
                insert into scheduling.booking_participant (booking_id, user_id)
                select x.booking_id, x.user_id
                from unnest(cast(cast(? as text[]) as uuid[]), cast(cast(? as text[]) as uuid[])) as x(booking_id, user_id)
                where x.booking_id in (select id from b)
            ), q as (
                insert into scheduling.notification (id, booking_id, kind, recipient_id, sequence, due_at, created_at)
                select gen_random_uuid(), x.booking_id, x.kind, null, 0, cast(x.due as timestamptz), now()
                from unnest(cast(cast(? as text[]) as uuid[]), cast(? as text[]), cast(? as text[])) as x(booking_id, kind, due)
                where x.booking_id in (select id from b)
            )
            select case when b.id is not null then 0 when ok.id is not null then 1 else 2 end
            from c left join ok on ok.id = c.id left join b on b.id = c.id
            order by c.n
            """;

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
