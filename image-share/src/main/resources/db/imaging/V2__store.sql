-- The DICOM store's index: patient, study, series and instance attributes for queries; the files live in storage.
-- Dates and times keep their DICOM form (DA 'YYYYMMDD', TM 'HHMMSS.FFFFFF') so range matching compares text.
create table study (
    study_uid           text primary key,
    hospital_id         uuid not null,
    patient_id          text not null default '',
    patient_name        text not null default '',
    patient_birth_date  text not null default '',
    patient_sex         text not null default '',
    study_date          text not null default '',
    study_time          text not null default '',
    accession_number    text not null default '',
    study_id            text not null default '',
    study_description   text not null default '',
    referring_physician text not null default '',
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    constraint study_uid_form check (study_uid ~ '^[0-9]+(\.[0-9]+)*$' and length(study_uid) <= 64)
);
create index study_hospital on study (hospital_id, study_date desc);
create index study_patient_id on study (patient_id);
create index study_accession on study (accession_number);
create index study_date on study (study_date);

create table series (
    series_uid         text primary key,
    study_uid          text not null references study on delete cascade,
    modality           text not null default '',
    series_number      integer,
    series_description text not null default '',
    created_at         timestamptz not null default now(),
    constraint series_uid_form check (series_uid ~ '^[0-9]+(\.[0-9]+)*$' and length(series_uid) <= 64)
);
create index series_study on series (study_uid);
create index series_modality on series (modality);

create table instance (
    sop_instance_uid text primary key,
    series_uid       text not null references series on delete cascade,
    study_uid        text not null references study on delete cascade,
    sop_class_uid    text not null,
    instance_number  integer,
    transfer_syntax  text not null,
    rows             integer,
    columns          integer,
    frames           integer not null default 1,
    size_bytes       bigint not null,
    storage_key      text not null,
    pixel_offset     bigint,
    pixel_length     bigint,
    metadata         text not null,
    stored_at        timestamptz not null default now(),
    constraint instance_uid_form check (sop_instance_uid ~ '^[0-9]+(\.[0-9]+)*$' and length(sop_instance_uid) <= 64)
);
create index instance_series on instance (series_uid, instance_number);
create index instance_study on instance (study_uid);

-- Who besides the owning hospital may see a study: the members of a consult it was shared into (issue 6 grants).
create table study_grant (
    study_uid  text not null references study on delete cascade,
    consult_id uuid not null,
    user_id    uuid not null,
    granted_at timestamptz not null default now(),
    primary key (study_uid, consult_id, user_id)
);
create index study_grant_user on study_grant (user_id, study_uid);

-- DICOM application entities: callers we accept (CALLING) and hospital PACS we query (REMOTE), per hospital.
create table dicom_node (
    id          uuid primary key,
    hospital_id uuid not null,
    ae_title    text not null,
    host        text,
    port        integer,
    kind        text not null,
    created_at  timestamptz not null default now(),
    constraint dicom_node_kind check (kind in ('CALLING', 'REMOTE')),
    constraint dicom_node_ae check (length(ae_title) between 1 and 16 and ae_title !~ '[\\\x00-\x1f]'),
    constraint dicom_node_port check (port is null or port between 1 and 65535),
    unique (kind, ae_title)
);
