#!/usr/bin/env bash
# Run the project's own Janus (Debian janus) from a state directory, not the system service.
# Usage: janus.sh start|stop|status <state-dir>
# Env: JANUS_HTTP_PORT (8088), JANUS_WS_PORT (8188), JANUS_ADMIN_PORT (7088),
#      JANUS_BIND (127.0.0.1: where browsers reach the WebSocket), JANUS_API_BIND (the HTTP and admin
#      APIs only media-bridge uses; default JANUS_BIND, but 127.0.0.1 when JANUS_BIND is 0.0.0.0, so that
#      exposing the WebSocket never exposes /janus/info or the admin API), JANUS_ADMIN_SECRET (default: generated once into
#      <state-dir>/janus-admin-secret), JANUS_ICE_ENFORCE_LIST (unset: all interfaces),
#      JANUS_EVENTS_URL (unset: no event handler; else where Janus POSTs its events, e.g.
#      http://127.0.0.1:8080/api/media/janus-events), JANUS_EVENTS_SECRET (default: generated once
#      into <state-dir>/janus-events-secret; the HTTP Basic password Janus sends with events).
# status exits 0 when running, 3 when stopped.
set -euo pipefail

usage() { echo "usage: $0 start|stop|status <state-dir>" >&2; exit 2; }
[ $# -eq 2 ] || usage
cmd=$1
state=$(realpath -m "$2")

template_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/../janus" && pwd)
# shellcheck source=private-log.sh
. "$(dirname "${BASH_SOURCE[0]}")/private-log.sh"
config_dir="$state/janus-config"
log="$state/janus.log"
pidfile="$state/janus.pid"
secret_file="$state/janus-admin-secret"
events_secret_file="$state/janus-events-secret"
events_url=${JANUS_EVENTS_URL:-}

http_port=${JANUS_HTTP_PORT:-8088}
ws_port=${JANUS_WS_PORT:-8188}
admin_port=${JANUS_ADMIN_PORT:-7088}
bind=${JANUS_BIND:-127.0.0.1}
[ "$bind" = 0.0.0.0 ] && api_default=127.0.0.1 || api_default=$bind
api_bind=${JANUS_API_BIND:-$api_default}
[ "$api_bind" = 0.0.0.0 ] && probe_host=127.0.0.1 || probe_host=$api_bind
[ "$bind" = 0.0.0.0 ] && ws_host=127.0.0.1 || ws_host=$bind

# A zombie (our own child that died during start) still answers kill -0: ask ps instead.
alive() { local st; st=$(ps -o stat= -p "$1") && [[ "${st// /}" != Z* ]]; }

# Our PID only if that process is still the janus started with this state dir
# (guards against a stale pid file whose number now belongs to something else).
running_pid() {
  local pid
  [ -f "$pidfile" ] || return 1
  pid=$(cat "$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "--configs-folder=$config_dir " || return 1
  echo "$pid"
}

admin_secret() {
  if [ -n "${JANUS_ADMIN_SECRET:-}" ]; then
    echo "$JANUS_ADMIN_SECRET"
  else
    if [ ! -s "$secret_file" ]; then
      (umask 077; od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$secret_file")
    fi
    cat "$secret_file"
  fi
}

events_secret() {
  if [ -n "${JANUS_EVENTS_SECRET:-}" ]; then
    echo "$JANUS_EVENTS_SECRET"
  else
    if [ ! -s "$events_secret_file" ]; then
      (umask 077; od -An -tx1 -N24 /dev/urandom | tr -d ' \n' >"$events_secret_file")
    fi
    cat "$events_secret_file"
  fi
}

render_config() {
  local secret=$1 events_secret=$2 f events_enabled=false events_disable=,libjanus_sampleevh.so
  [[ "$events_secret" =~ ^[A-Za-z0-9._~-]{16,}$ ]] || {
    echo "janus: JANUS_EVENTS_SECRET must be 16+ chars of [A-Za-z0-9._~-]" >&2; exit 1; }
  if [ -n "$events_url" ]; then
    [[ "$events_url" =~ ^https?://[A-Za-z0-9.:/_~-]+$ ]] || {
      echo "janus: JANUS_EVENTS_URL must be an http(s) URL without quotes or spaces" >&2; exit 1; }
    events_enabled=true
    events_disable=
  fi
  # The secret goes into sed and a quoted jcfg string: keep it to safe characters.
  [[ "$secret" =~ ^[A-Za-z0-9._~-]{16,}$ ]] || {
    echo "janus: JANUS_ADMIN_SECRET must be 16+ chars of [A-Za-z0-9._~-]" >&2; exit 1; }
  rm -rf "$config_dir"
  mkdir -p "$config_dir"
  for f in "$template_dir"/*.jcfg; do
    sed -e "s|@ADMIN_SECRET@|$secret|g" -e "s|@STATE_DIR@|$state|g" \
        -e "s|@HTTP_PORT@|$http_port|g" -e "s|@WS_PORT@|$ws_port|g" \
        -e "s|@ADMIN_PORT@|$admin_port|g" -e "s|@BIND_ADDRESS@|$bind|g" \
        -e "s|@API_BIND_ADDRESS@|$api_bind|g" \
        -e "s|@EVENTS_ENABLED@|$events_enabled|g" -e "s|@EVENTS_URL@|$events_url|g" \
        -e "s|@EVENTS_SECRET@|$events_secret|g" -e "s|@EVENTS_DISABLE@|$events_disable|g" \
        "$f" >"$config_dir/$(basename "$f")"
  done
  if grep -n '@[A-Z_]*@' "$config_dir"/*.jcfg; then
    echo "janus: unrendered placeholders above" >&2; exit 1
  fi
}

# Janus keeps running with a transport missing if its port is taken (and /janus/info
# might then be answered by someone else's server), so refuse to start instead.
check_ports_free() {
  local port busy=()
  for port in "$http_port" "$ws_port" "$admin_port"; do
    [ -z "$(ss -Hltn "sport = :$port")" ] || busy+=("$port")
  done
  if [ ${#busy[@]} -gt 0 ]; then
    echo "janus: port(s) already in use: ${busy[*]}" >&2
    ss -ltnp | grep -E ":($(IFS='|'; echo "${busy[*]}"))\b" >&2 || true
    exit 1
  fi
}

# Janus' WebSockets transport silently falls back to ALL interfaces when ws_ip is not an
# address of this machine (seen with 1.1.2), so check the bind address ourselves.
check_bind_address() {
  case "$bind" in 0.0.0.0|::) return 0 ;; esac
  ip -o addr show | awk '{print $4}' | cut -d/ -f1 | grep -qxF "$bind" || {
    echo "janus: JANUS_BIND=$bind is not an address of this machine (or network namespace)" >&2; exit 1; }
}

start() {
  local pid deadline secret
  if pid=$(running_pid); then
    echo "janus: already running (pid $pid)"; return 0
  fi
  command -v janus >/dev/null || { echo "janus: not installed (infra/scripts/install-deps.sh janus)" >&2; exit 1; }
  check_bind_address
  check_ports_free
  umask 077  # the rendered config holds the admin secret
  mkdir -p "$state"
  secret=$(admin_secret)
  render_config "$secret" "$(events_secret)"

  local args=(--configs-folder="$config_dir")
  [ -z "${JANUS_ICE_ENFORCE_LIST:-}" ] || args+=(--ice-enforce-list="$JANUS_ICE_ENFORCE_LIST")
  [ ! -f "$log" ] || mv -f "$log" "$log.1"
  private_log "$log"
  # setsid: own session, so the caller's Ctrl-C or terminal hang-up does not reach Janus.
  # (A background child is not a group leader, so setsid execs in place and $! is janus.)
  setsid nohup janus "${args[@]}" </dev/null >>"$log" 2>&1 &
  pid=$!
  echo "$pid" >"$pidfile"

  deadline=$((SECONDS + 20))
  until curl -fsS -m 1 -o /dev/null "http://$probe_host:$http_port/janus/info" 2>/dev/null; do
    if ! alive "$pid"; then
      echo "janus: exited during start-up; log tail:" >&2; tail -n 40 "$log" >&2
      rm -f "$pidfile"; exit 1
    fi
    # A transport that cannot start is FATAL in the log but Janus keeps running.
    if grep -qF '[FATAL]' "$log"; then
      echo "janus: fatal error during start-up; log tail:" >&2; tail -n 40 "$log" >&2
      stop; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      echo "janus: no answer on http://$probe_host:$http_port/janus/info after 20 s; log tail:" >&2
      tail -n 40 "$log" >&2
      stop; exit 1
    fi
    sleep 0.1
  done
  if grep -F '[ERR]' "$log" >&2; then
    echo "janus: WARNING: errors in $log during start-up (lines above)" >&2
  fi
  echo "janus: running (pid $pid) http://$probe_host:$http_port/janus ws://$ws_host:$ws_port admin http://$probe_host:$admin_port/admin, log $log"
}

stop() {
  local pid deadline
  if ! pid=$(running_pid); then
    echo "janus: not running"; rm -f "$pidfile"; return 0
  fi
  kill -TERM "$pid"
  deadline=$((SECONDS + 15))
  while alive "$pid"; do
    if [ $SECONDS -ge $deadline ]; then
      echo "janus: pid $pid ignored SIGTERM for 15 s, sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      deadline=$((SECONDS + 3600))
    fi
    sleep 0.1
  done
  rm -f "$pidfile"
  echo "janus: stopped (pid $pid)"
}

status() {
  local pid
  if pid=$(running_pid); then echo "janus: running (pid $pid)"; else echo "janus: stopped"; exit 3; fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
