-- The video room of each patient video visit (a scheduling booking), opened when the first of patient and doctor joins.
create table visit_room (
    booking_id uuid primary key,
    room_id    uuid,
    opened_at  timestamptz
);
