-- The SQL of one booking written alone, in a transaction of its own, without HTTP or Java: pgbench runs it to show what
-- PostgreSQL alone allows when every booking commits on its own (bench/scheduling/run, -M prepared, variables set with
-- -D). The application writes a booking of one resource in a batch with the others waiting instead (BookingWriter);
-- this is its way for bookings of several resources. Mirrors, and must be kept in step with: scheduling's
-- BookingRepository.INSERT_ALL (two participants, one resource, confirmation and reminder, one row each for all
-- participants) and platform's AuditTrail insert.
BEGIN;
with t as (select timestamptz '2040-01-01' + nextval('bench_seq') * interval '10 minutes' as st, gen_random_uuid() as booking_id),
s as (
    select schedule.id from scheduling.schedule, t
    where schedule.id = cast(:schedule as uuid) and version = cast(:version as int) and active
      and not exists (select 1 from scheduling.availability_exception e
                      where e.resource_id = schedule.resource_id and e.during && tstzrange(t.st, t.st + interval '10 minutes', '[)'))
), b as (
    insert into scheduling.booking (id, kind, mode, status, schedule_id, hospital_id, practitioner_id,
        service_code, start_at, end_at, time_zone, hold_expires_at, patient_id, consult_id, urgent,
        reason_code, booked_by, idempotency_key, sequence, version, created_at, updated_at)
    select t.booking_id, 'CONSULT_SESSION', 'VIDEO', 'BOOKED', s.id, cast(:hub as uuid), cast(:resource as uuid), 'bench', t.st,
        t.st + interval '10 minutes', 'Asia/Ho_Chi_Minh', null, null, null, false, null, :doctor, null, 0, 0, now(), now()
    from s, t
    on conflict on constraint booking_idempotency do nothing
    returning id, start_at, end_at
), p as (
    insert into scheduling.booking_participant (booking_id, user_id)
    select b.id, u from b, unnest(array[cast(:doctor as uuid), cast(:resource as uuid)]) u
), r as (
    insert into scheduling.booking_resource (booking_id, resource_id, during, hold_expires_at)
    select b.id, x, tstzrange(b.start_at, b.end_at, '[)'), null from b, unnest(array[cast(:resource as uuid)]) x
), n as (
    insert into scheduling.notification (id, booking_id, kind, recipient_id, sequence, due_at, created_at)
    select gen_random_uuid(), b.id, k.kind, null, 0, cast(k.due as timestamptz), now()
    from b, unnest(array['CONFIRMATION', 'REMINDER'], array['2040-01-01T00:00:00Z', '2040-01-01T00:00:00Z']) as k(kind, due)
)
select count(*) from b;
insert into audit.audit_event (occurred_at, actor_id, actor_name, actor_roles, actor_hospital, action, resource_type,
    resource_id, patient_ref, outcome, source_address, detail)
values (now(), :doctor, 'doctor', 'SATELLITE_DOCTOR', cast(:satellite as uuid), 'CREATE', 'Booking',
    gen_random_uuid()::text, null, 'SUCCESS', '127.0.0.1', null);
COMMIT;
