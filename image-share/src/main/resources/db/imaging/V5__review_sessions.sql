-- Live review sessions of consults: who may connect, which studies are shared, who presents and what they show.
-- Every replica reads and changes them here and learns of changes through NOTIFY on channel imaging_review.
create table review_session (
    id              uuid primary key,
    consult_id      uuid not null,
    state           text not null default 'OPEN',
    presenter_id    uuid,
    -- a member asking the presenter for the floor (cleared when granted, declined or the member leaves)
    handover_to     uuid,
    view_state      text not null default '{}',
    view_version    bigint not null default 0,
    opened_at       timestamptz not null default now(),
    closed_at       timestamptz,
    constraint review_session_state check (state in ('OPEN', 'CLOSED')),
    constraint review_session_view_size check (length(view_state) <= 16000)
);
-- one open session per consult; closed ones are kept
create unique index review_session_open on review_session (consult_id) where state = 'OPEN';
create index review_session_consult on review_session (consult_id, opened_at desc);

create table review_member (
    session_id uuid not null references review_session on delete cascade,
    user_id    uuid not null,
    primary key (session_id, user_id)
);

create table review_study (
    session_id uuid not null references review_session on delete cascade,
    study_uid  text not null references study on delete cascade,
    shared_at  timestamptz not null default now(),
    primary key (session_id, study_uid)
);
create index review_study_uid on review_study (study_uid);
