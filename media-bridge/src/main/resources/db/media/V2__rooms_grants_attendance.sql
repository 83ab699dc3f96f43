-- Video rooms, who may join them, single-use join grants, and who was there (attendance).

create table media.room (
    id              uuid primary key,
    kind            text        not null check (kind in ('CONSULT', 'VISIT')),
    reference_id    uuid        not null,
    waiting_room    boolean     not null,
    host_user_id    uuid,
    state           text        not null check (state in ('OPEN', 'RECOVERING', 'CLOSED')),
    server          text,
    janus_room      bigint,
    secret          text        not null,
    bitrate         integer     not null check (bitrate between 32000 and 10000000),
    max_publishers  integer     not null check (max_publishers between 1 and 32),
    epoch           integer     not null default 0,
    opened_at       timestamptz not null,
    empty_since     timestamptz,
    closed_at       timestamptz,
    version         bigint      not null default 0,
    check (state <> 'OPEN' or (server is not null and janus_room is not null)),
    check (not waiting_room or host_user_id is not null)
);
-- one live room per consult session or visit, and one live room per Janus room number
create unique index room_live_reference on media.room (kind, reference_id) where state <> 'CLOSED';
create unique index room_live_janus on media.room (janus_room) where state <> 'CLOSED';
create index room_server on media.room (server) where state <> 'CLOSED';

create table media.room_participant (
    room_id       uuid        not null references media.room (id),
    user_id       uuid        not null,
    waiting_since timestamptz,
    admitted_at   timestamptz,
    primary key (room_id, user_id)
);

create table media.join_grant (
    id          uuid        primary key,
    room_id     uuid        not null references media.room (id),
    user_id     uuid        not null,
    epoch       integer     not null,
    token       text        not null unique,
    feed_id     bigint      not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    redeemed_at timestamptz,
    released_at timestamptz
);
create unique index join_grant_feed on media.join_grant (room_id, feed_id);
create index join_grant_open on media.join_grant (expires_at) where released_at is null;

create table media.attendance (
    id          uuid        primary key,
    room_id     uuid        not null references media.room (id),
    user_id     uuid        not null,
    feed_id     bigint      not null,
    joined_at   timestamptz not null,
    left_at     timestamptz,
    published   boolean     not null default false,
    media_state text
);
create index attendance_room on media.attendance (room_id, joined_at);
