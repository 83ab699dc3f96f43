-- Hospitals of the network, their hub links, users with roles, system clients, refresh tokens, sign-in throttling.

create table hospital (
    id          uuid primary key,
    code        text not null,
    name        text not null,
    kind        text not null check (kind in ('HUB', 'SATELLITE')),
    province    text,
    time_zone   text not null default 'Asia/Ho_Chi_Minh',
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    version     bigint not null default 0
);
create unique index hospital_code on hospital (lower(code));

-- A satellite may be linked to several hubs; links only run from a SATELLITE to a HUB.
create table hub_link (
    satellite_id uuid not null references hospital (id),
    hub_id       uuid not null references hospital (id),
    created_at   timestamptz not null default now(),
    primary key (satellite_id, hub_id)
);
create index hub_link_hub on hub_link (hub_id);

create function check_hub_link() returns trigger language plpgsql as $$
begin
    if (select kind from identity.hospital where id = new.satellite_id) is distinct from 'SATELLITE' then
        raise exception 'hub link must start at a SATELLITE hospital' using errcode = 'check_violation';
    end if;
    if (select kind from identity.hospital where id = new.hub_id) is distinct from 'HUB' then
        raise exception 'hub link must end at a HUB hospital' using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger hub_link_kinds before insert or update on hub_link
    for each row execute function check_hub_link();

create table app_user (
    id            uuid primary key,
    username      text not null,
    full_name     text not null,
    email         text,
    hospital_id   uuid references hospital (id),
    specialty     text,
    password_hash text not null,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       bigint not null default 0
);
create unique index app_user_username on app_user (lower(username));
create index app_user_hospital on app_user (hospital_id);

create table user_role (
    user_id uuid not null references app_user (id) on delete cascade,
    role    text not null check (role in ('ADMIN', 'COORDINATOR', 'HUB_SPECIALIST', 'SATELLITE_DOCTOR', 'PATIENT')),
    primary key (user_id, role)
);

-- Systems such as a hospital PACS gateway sign in with the client_credentials grant.
create table system_client (
    id          uuid primary key,
    client_id   text not null unique,
    name        text not null,
    secret_hash text not null,
    hospital_id uuid references hospital (id),
    enabled     boolean not null default true,
    created_at  timestamptz not null default now()
);

-- Only a SHA-256 of each refresh token is kept. Tokens of one sign-in form a family; reuse of a rotated token
-- revokes the whole family.
create table refresh_token (
    id          uuid primary key,
    token_hash  bytea not null unique,
    family_id   uuid not null,
    user_id     uuid not null references app_user (id) on delete cascade,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    revoked_at  timestamptz
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_user on refresh_token (user_id) where revoked_at is null;

-- Failed sign-ins per key ('user:<name>' or 'address:<ip>') within a window; shared by all replicas.
create table login_throttle (
    key            text primary key,
    failures       integer not null,
    window_started timestamptz not null,
    blocked_until  timestamptz
);
