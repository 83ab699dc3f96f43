-- Append-only record of who touched which patient data, when, from where, and the outcome.
-- Holds identifiers only: never names, birth dates or clinical text.
create table audit_event (
    id               bigint generated always as identity primary key,
    occurred_at      timestamptz not null default now(),
    actor_id         text,
    actor_name       text,
    actor_roles      text,
    actor_hospital   uuid,
    action           text not null,
    resource_type    text not null,
    resource_id      text,
    patient_ref      text,
    outcome          text not null,
    source_address   text,
    detail           text,
    constraint audit_event_action check (action in ('CREATE', 'READ', 'UPDATE', 'DELETE', 'EXECUTE', 'LOGIN', 'LOGOUT', 'EXPORT')),
    constraint audit_event_outcome check (outcome in ('SUCCESS', 'DENIED', 'FAILED'))
);

create index audit_event_occurred_at on audit_event (occurred_at desc);
create index audit_event_actor on audit_event (actor_id, occurred_at desc);
create index audit_event_patient on audit_event (patient_ref, occurred_at desc) where patient_ref is not null;
create index audit_event_resource on audit_event (resource_type, resource_id);

-- The trail is append-only: the database itself refuses changes and deletions.
create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function refuse_audit_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function refuse_audit_change();
