-- Issue 14: the hospitals a room belongs to (its reference's: a consult's requesting satellite and hub, a visit's
-- hospital), so that coordinators and system clients act only on their own hospital's rooms; and recording consent
-- given by each participant for themself: a recording is REQUESTED first and starts once every participant consented.

create table media.room_hospital (
    room_id     uuid not null references media.room (id),
    hospital_id uuid not null,
    primary key (room_id, hospital_id)
);
create index room_hospital_hospital on media.room_hospital (hospital_id);

alter table media.recording drop constraint recording_state_check;
alter table media.recording
    add constraint recording_state_check
        check (state in ('REQUESTED', 'RECORDING', 'CONVERTING', 'READY', 'FAILED', 'CANCELLED')),
    add column requested_at timestamptz,
    alter column started_at drop not null;
update media.recording set requested_at = started_at;
alter table media.recording alter column requested_at set not null;
alter table media.recording
    add constraint recording_started check (state in ('REQUESTED', 'CANCELLED') or started_at is not null);
