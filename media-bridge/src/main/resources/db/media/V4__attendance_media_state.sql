-- Media state of each stay, from Janus's WebRTC and media events on the participant's publisher handle.

alter table media.attendance
    add column handle_id     bigint,
    add column webrtc_up_at  timestamptz,
    add column audio         text check (audio in ('receiving', 'not receiving')),
    add column video         text check (video in ('receiving', 'not receiving')),
    add column slow_links    integer not null default 0,
    add column hangup_reason text;
create index attendance_present_handle on media.attendance (handle_id) where left_at is null;
