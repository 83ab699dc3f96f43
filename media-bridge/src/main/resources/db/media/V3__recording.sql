-- Recording of a session, only with every participant's recorded consent, and the playable files converted from it.

alter table media.room_participant add column recording_consent_at timestamptz;

create table media.recording (
    room_id               uuid        primary key references media.room (id),
    requested_by          text        not null,
    started_at            timestamptz not null,
    state                 text        not null check (state in ('RECORDING', 'CONVERTING', 'READY', 'FAILED')),
    directory             text        not null,
    conversion_started_at timestamptz,
    finished_at           timestamptz
);
create index recording_to_convert on media.recording (room_id) where state = 'CONVERTING';

create table media.recording_file (
    id           uuid        primary key,
    room_id      uuid        not null references media.recording (room_id),
    user_id      uuid,
    kind         text        not null check (kind in ('audio', 'video')),
    codec        text        not null,
    file_name    text        not null,
    content_type text        not null,
    size_bytes   bigint      not null check (size_bytes > 0),
    created_at   timestamptz not null,
    unique (room_id, file_name)
);
