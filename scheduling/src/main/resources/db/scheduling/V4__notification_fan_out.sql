-- A new booking queues its confirmation and its reminder as one row each for all its participants (recipient_id
-- null), written by the booking's one statement; the dispatcher replaces such a row, when it falls due, by one row per
-- participant in its own transaction, and sends those (decision 0016).
alter table notification alter column recipient_id drop not null;
