-- Every committed change of hub links is announced on channel identity_hub_link (NOTIFY is delivered on commit only),
-- so that each replica reloads its in-memory copy (HubLinks). One notice per statement; the payload is empty because
-- listeners reload everything.
create function notify_hub_link() returns trigger language plpgsql as $$
begin
    perform pg_notify('identity_hub_link', '');
    return null;
end;
$$;

create trigger hub_link_notify after insert or update or delete or truncate on hub_link
    for each statement execute function notify_hub_link();
