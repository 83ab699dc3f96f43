-- Studies being brought in from a hospital PACS, with progress that every replica can read.
create table pacs_retrieval (
    id           uuid primary key,
    node_id      uuid not null references dicom_node on delete cascade,
    hospital_id  uuid not null,
    study_uid    text not null,
    requested_by text not null,
    state        text not null,
    expected     integer,
    received     integer not null default 0,
    failed       integer not null default 0,
    message      text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint pacs_retrieval_state check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    constraint pacs_retrieval_study check (study_uid ~ '^[0-9]+(\.[0-9]+)*$' and length(study_uid) <= 64)
);
create index pacs_retrieval_hospital on pacs_retrieval (hospital_id, created_at desc);
