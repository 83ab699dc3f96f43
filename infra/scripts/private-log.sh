# Log files that may hold more than their owner should share (identifiers, addresses, SQL): readable by the owner
# and its group only. Sourced by ./teleconsult, infra/postgres/pg.sh and infra/scripts/janus.sh.
#   private_log FILE [OWNER]   create FILE if missing, mode 0640 (also when it existed with a wider mode), owned
#                              by OWNER:OWNER when given
private_log() {
    local file=$1 owner=${2:-}
    (umask 027 && touch "$file")
    chmod 0640 "$file"
    if [ -n "$owner" ]; then
        chown "$owner:$owner" "$file"
    fi
}
