-- Which de-identified UID stands for which original one. Private: never exposed by any API, for re-identification by
-- the owning hospital's staff through the database only.
create table deid_mapping (
    deid_uid     text primary key,
    original_uid text not null,
    deid_study   text not null,
    created_at   timestamptz not null default now()
);
create index deid_mapping_study on deid_mapping (deid_study);

-- Expiring, revocable read-only links to one de-identified study for a named outside reader.
create table share_link (
    id           uuid primary key,
    token_hash   text not null unique,
    study_uid    text not null references study on delete cascade,
    source_study text not null,
    hospital_id  uuid not null,
    reader_name  text not null,
    created_by   text not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    constraint share_link_reader check (length(reader_name) between 1 and 200)
);
