#!/usr/bin/env bash
# kehu: private MariaDB instance under $KEHU_VAR.
#   db.sh start       initialise on first use, then start (no-op if running)
#   db.sh stop        clean shutdown
#   db.sh sql ARGS    mariadb client as root on the private socket
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

datadir="$KEHU_VAR/mysql"
pidfile="$KEHU_VAR/mysqld.pid"
cnf="$KEHU_VAR/my.cnf"
errlog="$KEHU_LOG_DIR/mariadb.log"

# --defaults-file must come first; it brings in [client] (socket, utf8mb4).
client=(--defaults-file="$cnf" --user=root)

need_cnf() {
    [[ -r "$cnf" ]] || kehu_die "$cnf missing; run 'scripts/db.sh start' first"
}

ping_db() {
    mariadb-admin "${client[@]}" --connect-timeout=2 ping >/dev/null 2>&1
}

# A random password for the application account, created once. Hex only,
# so it can be quoted in SQL and shell without escaping.
make_password() {
    local file="$KEHU_VAR/db-password"
    [[ -s "$file" ]] && return 0
    (umask 077 && od -An -tx1 -N16 /dev/urandom | tr -d ' \n' >"$file.tmp")
    chmod 0600 "$file.tmp"
    mv -f "$file.tmp" "$file"
}

init_datadir() {
    # Initialise into a scratch directory and rename at the end, so an
    # interrupted first run is retried instead of leaving a half-made datadir.
    local tmp="$datadir.init"
    local log="$KEHU_LOG_DIR/mariadb-install-db.log"
    rm -rf "$tmp"
    echo "db: initialising $datadir (log: $log)"
    if ! mariadb-install-db --no-defaults --datadir="$tmp" \
        --auth-root-authentication-method=normal --user=root \
        --skip-test-db >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        kehu_die "mariadb-install-db failed, see $log"
    fi
    mv "$tmp" "$datadir"
}

start() {
    local pid i
    if pid="$(kehu_pidfile_alive "$pidfile")"; then
        return 0 # already running
    fi
    mkdir -p "$KEHU_VAR/run" "$KEHU_LOG_DIR" "$(dirname "$KEHU_DB_SOCKET")"
    make_password
    [[ -d "$datadir/mysql" ]] || init_datadir
    kehu_render "$KEHU_ROOT/conf/my.cnf.in" "$cnf"
    rm -f "$pidfile"
    # setsid + nohup: the server must outlive this script and the terminal.
    setsid nohup mariadbd --defaults-file="$cnf" >>"$errlog" 2>&1 </dev/null &
    pid=$!
    for ((i = 0; i < 60; i++)); do
        if ping_db; then
            return 0
        fi
        if ! kehu_alive "$pid"; then
            tail -n 30 "$errlog" >&2
            kehu_die "mariadbd exited during startup, see $errlog"
        fi
        sleep 0.5
    done
    tail -n 30 "$errlog" >&2
    kehu_die "mariadbd did not answer on $KEHU_DB_SOCKET within 30 s"
}

stop() {
    local pid i
    pid="$(kehu_pidfile_alive "$pidfile")" || { rm -f "$pidfile"; return 0; }
    need_cnf
    mariadb-admin "${client[@]}" shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do
        kehu_alive "$pid" || { rm -f "$pidfile"; return 0; }
        sleep 0.5
    done
    echo "db: mariadbd ($pid) did not stop in 60 s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    sql)
        shift
        need_cnf
        exec mariadb "${client[@]}" "$@"
        ;;
    status)
        if pid="$(kehu_pidfile_alive "$pidfile")"; then
            echo "mariadb: running (pid $pid, socket $KEHU_DB_SOCKET)"
        else
            echo "mariadb: stopped"
            exit 3
        fi
        ;;
    *)
        echo "usage: $0 start|stop|status|sql [mariadb args...]" >&2
        exit 2
        ;;
esac
