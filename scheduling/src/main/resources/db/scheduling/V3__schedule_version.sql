-- Each schedule's version is bumped whenever its rules (or anything that decides its slots) change. Replicas cache a
-- schedule with its expanded rules under this version; the booking statement takes the cached version and inserts only
-- if it is still current, and a search reads the versions with the schedules it finds, so a stale cache is never used.
alter table schedule add column version int not null default 0;

-- The hot path of a slot search: active schedules by specialty (case-insensitive) or by hospital and kind.
create index schedule_specialty_lower on schedule (lower(specialty), kind) where active;
