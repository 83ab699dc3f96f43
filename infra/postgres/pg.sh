#!/usr/bin/env bash
# TeleConsult's own PostgreSQL cluster: data under <home>/postgres, listening on 127.0.0.1 only.
#   pg.sh start <home>            initialise on first use, then start (no-op when already running)
#   pg.sh stop <home>             stop this cluster (only this one, by its data directory)
#   pg.sh status <home>
#   pg.sh ensure-db <home> <db>   create the platform role and the database if missing
#   pg.sh recreate-db <home> <db> drop and create the database (tests start from an empty one)
# Env: TELECONSULT_DB_PORT (54329), TELECONSULT_DB_USER (teleconsult), TELECONSULT_DB_PASSWORD (teleconsult).
set -euo pipefail

cmd=${1:?usage: pg.sh start|stop|status|ensure-db|recreate-db <home> [db]}
home=$(realpath -m "${2:?home directory required}")
port=${TELECONSULT_DB_PORT:-54329}
db_user=${TELECONSULT_DB_USER:-teleconsult}
db_password=${TELECONSULT_DB_PASSWORD:-teleconsult}
# Unix sockets go to a short fixed path: socket paths are limited to ~100 characters.
socket_dir=/tmp

pg_version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
if [[ -z "$pg_version" ]]; then
    echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
    exit 1
fi
pg_bin=/usr/lib/postgresql/$pg_version/bin

as_postgres() { runuser -u postgres -- "$@"; }
# shellcheck source=../scripts/private-log.sh
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/private-log.sh"

# The postgres user must be able to reach the data directory; when <home> sits under a private directory
# (e.g. /root), keep the cluster under /var/lib/teleconsult instead and say so.
data_dir() {
    mkdir -p "$home"
    if as_postgres test -x "$home"; then
        echo "$home/postgres"
    else
        echo "/var/lib/teleconsult/$(echo -n "$home" | sha256sum | cut -c1-16)/postgres"
    fi
}

data=$(data_dir)
log="$(dirname "$data")/postgres.log"

running() { [[ -f "$data/postmaster.pid" ]] && as_postgres "$pg_bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

psql_admin() { PGOPTIONS="-c client_min_messages=warning" as_postgres "$pg_bin/psql" -h "$socket_dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }

init_cluster() {
    mkdir -p "$(dirname "$data")"
    install -d -o postgres -g postgres -m 700 "$data"
    echo "Creating PostgreSQL $pg_version cluster in $data"
    as_postgres "$pg_bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=peer --auth-host=scram-sha-256 >/dev/null
    cat >>"$data/postgresql.conf" <<CONF
# TeleConsult
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
timezone = 'UTC'
log_timezone = 'UTC'
max_connections = 200
CONF
}

case "$cmd" in
start)
    [[ -f "$data/PG_VERSION" ]] || init_cluster
    if running; then
        echo "PostgreSQL already running ($data, port $port)"
        exit 0
    fi
    private_log "$log" postgres
    as_postgres "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 60 start >/dev/null ||
        { echo "PostgreSQL did not start; last lines of $log:" >&2; tail -20 "$log" >&2; exit 1; }
    echo "PostgreSQL started on 127.0.0.1:$port ($data)"
    ;;
stop)
    if running; then
        as_postgres "$pg_bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null
        echo "PostgreSQL stopped ($data)"
    fi
    ;;
status)
    if running; then echo "running ($data, port $port)"; else echo "stopped"; exit 3; fi
    ;;
ensure-db | recreate-db)
    db=${3:?database name required}
    [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bad database name: $db" >&2; exit 2; }
    [[ "$db_user" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bad user name: $db_user" >&2; exit 2; }
    password_sql=${db_password//\'/\'\'}
    if [[ "$(psql_admin -c "select 1 from pg_roles where rolname = '$db_user'")" != 1 ]]; then
        psql_admin -c "create role $db_user login password '$password_sql'"
    else
        psql_admin -c "alter role $db_user password '$password_sql'"
    fi
    if [[ "$cmd" == recreate-db ]]; then
        psql_admin -c "drop database if exists $db with (force)"
    fi
    if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" != 1 ]]; then
        psql_admin -c "create database $db owner $db_user encoding 'UTF8' template template0"
    fi
    ;;
*)
    echo "unknown command: $cmd" >&2
    exit 2
    ;;
esac
