-- Availability, bookings, on-call roster and notifications. All times are timestamptz (UTC); each schedule names the
-- time zone its rules are written in.

-- btree_gist lets one exclusion constraint combine "same resource" (=) with "overlapping time" (&&).
-- It is a trusted extension: the platform role, owner of its database, may create it.
create extension if not exists btree_gist with schema public;

-- Whatever can be booked: a practitioner (id = the user's id), a room or a device.
create table resource (
    id          uuid primary key,
    hospital_id uuid        not null,
    kind        text        not null check (kind in ('PRACTITIONER', 'ROOM', 'DEVICE')),
    name        text        not null check (length(name) between 1 and 200),
    created_at  timestamptz not null
);
create index resource_hospital on resource (hospital_id);

create table schedule (
    id                 uuid primary key,
    hospital_id        uuid        not null,
    resource_id        uuid        not null references resource (id),
    kind               text        not null check (kind in ('CONSULT_SESSION', 'PATIENT_VISIT')),
    service_code       text        not null check (length(service_code) between 1 and 100),
    specialty          text,
    modes              text        not null,
    time_zone          text        not null,
    slot_minutes       int         not null check (slot_minutes between 5 and 480),
    horizon_days       int         not null check (horizon_days between 1 and 730),
    min_notice_minutes int         not null check (min_notice_minutes between 0 and 43200),
    active             boolean     not null default true,
    created_by         text        not null,
    created_at         timestamptz not null
);
create index schedule_search on schedule (kind, hospital_id, service_code) where active;
create index schedule_resource on schedule (resource_id);
create index schedule_specialty on schedule (specialty) where active;

-- A recurring window (RFC 5545 RRULE over dates, local start and end time in the schedule's zone).
create table availability_rule (
    id          uuid primary key,
    schedule_id uuid not null references schedule (id) on delete cascade,
    rrule       text not null,
    start_time  time not null,
    end_time    time not null,
    valid_from  date not null,
    valid_until date,
    check (end_time > start_time),
    check (valid_until is null or valid_until >= valid_from)
);
create index availability_rule_schedule on availability_rule (schedule_id);

-- Leave, holidays, maintenance: a resource is unavailable in this range whatever its rules say.
create table availability_exception (
    id          uuid primary key,
    resource_id uuid      not null references resource (id),
    during      tstzrange not null check (not isempty(during) and lower(during) is not null and upper(during) is not null),
    reason      text      not null check (length(reason) between 1 and 500),
    created_by  text      not null
);
create index availability_exception_resource on availability_exception using gist (resource_id, during);

create table booking (
    id              uuid primary key,
    kind            text        not null check (kind in ('CONSULT_SESSION', 'PATIENT_VISIT')),
    mode            text        not null check (mode in ('VIDEO', 'IN_PERSON')),
    status          text        not null check (status in ('HELD', 'BOOKED', 'CANCELLED', 'NO_SHOW', 'EXPIRED')),
    schedule_id     uuid references schedule (id),
    hospital_id     uuid        not null,
    practitioner_id uuid,
    service_code    text        not null,
    start_at        timestamptz not null,
    end_at          timestamptz not null,
    time_zone       text        not null,
    hold_expires_at timestamptz,
    patient_id      uuid,
    consult_id      uuid,
    urgent          boolean     not null default false,
    reason_code     text,
    booked_by       text        not null,
    idempotency_key text,
    cancel_reason   text,
    sequence        int         not null default 0,
    version         int         not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    check (end_at > start_at),
    constraint booking_idempotency unique (booked_by, idempotency_key)
);
create index booking_patient on booking (patient_id) where patient_id is not null;
create index booking_consult on booking (consult_id) where consult_id is not null;
create index booking_practitioner on booking (practitioner_id, start_at);
create index booking_held on booking (hold_expires_at) where status = 'HELD';

-- Who takes part (for access checks and notifications), handed in by the caller.
create table booking_participant (
    booking_id uuid not null references booking (id) on delete cascade,
    user_id    uuid not null,
    primary key (booking_id, user_id)
);
create index booking_participant_user on booking_participant (user_id);

-- The time each booking takes of each resource. The exclusion constraint is the no-double-booking rule: rows exist
-- only for HELD and BOOKED bookings; cancelling or expiring a booking deletes its rows.
create table booking_resource (
    booking_id      uuid      not null references booking (id) on delete cascade,
    resource_id     uuid      not null references resource (id),
    during          tstzrange not null,
    hold_expires_at timestamptz,
    primary key (booking_id, resource_id),
    constraint booking_resource_no_overlap exclude using gist (resource_id with =, during with &&)
);

-- Who is on call for a specialty at a hub; shifts of one hub and specialty never overlap.
create table oncall_shift (
    id              uuid primary key,
    hospital_id     uuid      not null,
    specialty       text      not null,
    practitioner_id uuid      not null,
    during          tstzrange not null check (not isempty(during)),
    created_by      text      not null,
    constraint oncall_shift_no_overlap exclude using gist (hospital_id with =, specialty with =, during with &&)
);

-- Outbox of e-mails: confirmation, change, cancellation and reminders. A row is sent once (sent_at), claimed by one
-- replica at a time with FOR UPDATE SKIP LOCKED.
create table notification (
    id           uuid primary key,
    booking_id   uuid        not null references booking (id) on delete cascade,
    kind         text        not null check (kind in ('CONFIRMATION', 'CHANGE', 'CANCELLATION', 'REMINDER')),
    recipient_id uuid        not null,
    sequence     int         not null,
    due_at       timestamptz not null,
    sent_at      timestamptz,
    attempts     int         not null default 0,
    last_error   text,
    created_at   timestamptz not null,
    constraint notification_once unique (booking_id, kind, recipient_id, sequence)
);
create index notification_due on notification (due_at) where sent_at is null;
