-- Access tokens revoked before they expire (decision 0019). A row names either one sign-in (the token's sid claim) or
-- one subject (the token's user or client) whose tokens issued before issued_before are revoked; issued_before is a
-- whole second, because a token's iat is. keep_until is when no token the row can match is alive any more; rows
-- past it are pruned.
create table revoked_token (
    id             bigint generated always as identity primary key,
    sign_in        text,
    subject        text,
    issued_before  timestamptz,
    revoked_at     timestamptz not null default now(),
    keep_until     timestamptz not null,
    constraint revoked_token_kind check (
        (sign_in is not null and subject is null and issued_before is null)
        or (sign_in is null and subject is not null and issued_before is not null))
);

create index revoked_token_keep_until on revoked_token (keep_until);

-- Every committed revocation is announced on channel security_revoked_token (NOTIFY is delivered on commit only), so
-- that each replica reloads its in-memory copy (RevocationList). Pruning deletes are not announced: a pruned row can
-- match no live token.
create function notify_revoked_token() returns trigger language plpgsql as $$
begin
    perform pg_notify('security_revoked_token', '');
    return null;
end;
$$;

create trigger revoked_token_notify after insert on revoked_token
    for each statement execute function notify_revoked_token();
