#!/usr/bin/env bash
# kehu: the whole local stack.
#   stack.sh start    db -> migrate -> seed -> FastCGI -> nginx (idempotent)
#   stack.sh stop     nginx -> FastCGI -> db (only what our pid files name)
#   stack.sh status   what runs
#   stack.sh banner   URL and demo logins
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/owners.sh
. "$KEHU_ROOT/scripts/owners.sh"

s="$KEHU_ROOT/scripts"

start() {
    mkdir -p "$KEHU_VAR" "$KEHU_LOG_DIR"
    kehu_note_single_user
    "$s/db.sh" start
    "$s/migrate.sh"
    "$s/seed.sh"
    "$s/fcgi.sh" start
    "$s/nginx.sh" start
}

# Each step runs even if an earlier one fails, so a half-broken stack still
# gets torn down as far as possible.
stop() {
    local rc=0
    "$s/nginx.sh" stop || rc=1
    "$s/fcgi.sh" stop || rc=1
    "$s/db.sh" stop || rc=1
    return "$rc"
}

status() {
    local rc=0
    "$s/db.sh" status || rc=3
    "$s/fcgi.sh" status || rc=3
    "$s/nginx.sh" status || rc=3
    return "$rc"
}

banner() {
    local rows role user current=""
    echo
    echo "  kehu is running at http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT/"
    rows="$("$s/db.sh" sql -N -B -e \
        "SELECT username, role FROM users ORDER BY role, username" \
        "$KEHU_DB_NAME" 2>/dev/null)" || rows=""
    if [[ -z "$rows" ]]; then
        echo "  (no users in the database yet)"
        echo
        return 0
    fi
    echo "  Demo logins, password: $KEHU_DEMO_PASSWORD"
    # ORDER BY role follows the ENUM order (admin, leader, staff,
    # regional_manager); print one line per role.
    while IFS=$'\t' read -r user role; do
        if [[ "$role" != "$current" ]]; then
            [[ -z "$current" ]] || printf '\n'
            printf '    %-17s %s' "$role:" "$user"
            current=$role
        else
            printf ', %s' "$user"
        fi
    done <<<"$rows"
    printf '\n\n'
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    banner) banner ;;
    *)
        echo "usage: $0 start|stop|status|banner" >&2
        exit 2
        ;;
esac
