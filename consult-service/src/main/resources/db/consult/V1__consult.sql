-- The consult workflow: requests from satellites to hubs, their transitions, documents, thread, report.
create table consult (
    id uuid primary key,
    version bigint not null default 0,
    state text not null check (state in ('DRAFT', 'SUBMITTED', 'ASSIGNED', 'ACCEPTED', 'DECLINED', 'SCHEDULED',
        'IN_SESSION', 'REPORTED', 'CLOSED', 'CANCELLED')),
    urgency text not null check (urgency in ('ROUTINE', 'URGENT', 'EMERGENCY')),
    specialty text not null,
    requesting_hospital_id uuid not null,
    hub_id uuid not null,
    requester_id uuid not null,
    coordinator_id uuid,
    specialist_id uuid,
    -- the patient, as the satellite knows them; patient_key is the pseudonymous id used in the audit trail
    patient_key uuid not null,
    patient_name text not null,
    patient_birth_date date not null,
    patient_sex text not null check (patient_sex in ('MALE', 'FEMALE', 'OTHER', 'UNKNOWN')),
    patient_national_id text,
    patient_insurance_number text,
    clinical_summary text not null,
    question text not null,
    consent_recorded boolean not null default false,
    consent_recorded_at timestamptz,
    decline_reason text,
    cancel_reason text,
    booking_id uuid,
    session_start timestamptz,
    session_end timestamptz,
    room_id uuid,
    created_at timestamptz not null,
    submitted_at timestamptz,
    accept_due_at timestamptz,
    accepted_at timestamptz,
    reported_at timestamptz,
    closed_at timestamptz,
    escalated_at timestamptz,
    updated_at timestamptz not null
);
create index consult_hub_queue on consult (hub_id, state);
create index consult_requesting on consult (requesting_hospital_id, state);
create index consult_specialist on consult (specialist_id, state);

create table consult_study (
    consult_id uuid not null references consult (id) on delete cascade,
    study_uid text not null,
    primary key (consult_id, study_uid)
);

-- every change of state: who, when, from what to what, and why
create table consult_transition (
    id bigserial primary key,
    consult_id uuid not null references consult (id) on delete cascade,
    from_state text,
    to_state text not null,
    actor_id text,
    actor_role text,
    reason text,
    occurred_at timestamptz not null
);
create index consult_transition_consult on consult_transition (consult_id, id);

create table consult_message (
    id uuid primary key,
    consult_id uuid not null references consult (id) on delete cascade,
    author_id uuid not null,
    author_hospital_id uuid,
    body text not null,
    created_at timestamptz not null
);
create index consult_message_consult on consult_message (consult_id, created_at);

create table consult_document (
    id uuid primary key,
    consult_id uuid not null references consult (id) on delete cascade,
    message_id uuid references consult_message (id) on delete cascade,
    file_name text not null,
    media_type text not null,
    size_bytes bigint not null,
    sha256 text not null,
    content bytea not null,
    uploaded_by uuid not null,
    uploaded_at timestamptz not null
);
create index consult_document_consult on consult_document (consult_id);

create table consult_report (
    consult_id uuid primary key references consult (id) on delete cascade,
    version bigint not null default 0,
    findings text,
    assessment text,
    conclusions text,
    recommendations text,
    free_text text,
    author_id uuid not null,
    signed_by uuid,
    signed_at timestamptz,
    updated_at timestamptz not null
);

-- corrections after signing: the signed report itself never changes
create table consult_report_addendum (
    id uuid primary key,
    consult_id uuid not null references consult_report (consult_id) on delete cascade,
    body text not null,
    author_id uuid not null,
    created_at timestamptz not null
);

-- a signed report may not change (belt and braces beside the service's own check)
create function consult_report_signed_is_final() returns trigger language plpgsql as $$
begin
    if old.signed_at is not null then
        raise exception 'consult report % is signed and cannot change', old.consult_id using errcode = '55000';
    end if;
    return new;
end $$;
create trigger consult_report_final before update or delete on consult_report
    for each row execute function consult_report_signed_is_final();

create table consult_notification (
    id uuid primary key,
    user_id uuid not null,
    consult_id uuid not null references consult (id) on delete cascade,
    kind text not null,
    created_at timestamptz not null,
    read_at timestamptz
);
create index consult_notification_user on consult_notification (user_id, created_at desc);
