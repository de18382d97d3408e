#!/usr/bin/env bash
# kehu: private MariaDB instance under $KEHU_VAR.
#   db.sh start       initialise on first use, then start (no-op if running)
#   db.sh stop        clean shutdown
#   db.sh supervise   (run by start) mariadbd, started again if it dies
#   db.sh sql ARGS    mariadb client as root on the private socket
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

datadir="$KEHU_VAR/mysql"
pidfile="$KEHU_VAR/mysqld.pid"
cnf="$KEHU_VAR/my.cnf"
errlog="$KEHU_LOG_DIR/mariadb.log"
superpid="$KEHU_VAR/run/mysqld-supervisor.pid"
stopflag="$KEHU_VAR/run/mysqld.stopping"

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
    # A datadir that is a mount point (make soak's small filesystem, to
    # fill it) cannot be renamed onto: it is initialised in place, after
    # emptying what an interrupted run left.
    if mountpoint -q "$datadir" 2>/dev/null; then
        tmp=$datadir
        find "$tmp" -mindepth 1 -delete
    fi
    [[ "$tmp" == "$datadir" ]] || rm -rf "$tmp"
    echo "db: initialising $datadir (log: $log)"
    mkdir -p "$KEHU_VAR/mysql-tmp"
    if ! mariadb-install-db --no-defaults --datadir="$tmp" --tmpdir="$KEHU_VAR/mysql-tmp" \
        --auth-root-authentication-method=normal --user=root \
        --skip-test-db >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        kehu_die "mariadb-install-db failed, see $log"
    fi
    [[ "$tmp" == "$datadir" ]] || mv "$tmp" "$datadir"
}

# mariadbd under a small supervisor (db.sh supervise, its pid in
# $superpid) that starts it again whenever it ends without `db.sh stop`:
# InnoDB aborts the server when it runs out of disk space during a
# rollback ("[FATAL] InnoDB: Error (Out of disk space) in rollback", seen in
# make soak), and the programs should find it back once space returns, as
# they do after a restart. `db.sh stop` leaves $stopflag first: a signal
# to the supervisor waits until its mariadbd has ended, too late to tell.
supervise() {
    echo "$$" >"$superpid"
    while [[ ! -e "$stopflag" ]]; do
        mariadbd --defaults-file="$cnf" >>"$errlog" 2>&1 </dev/null || true
        [[ ! -e "$stopflag" ]] || break
        echo "$(date '+%F %T') db.sh: mariadbd ended without db.sh stop; starting it again in 1 s" >>"$errlog"
        sleep 1
    done
    rm -f "$superpid"
}

start() {
    local pid i offset
    if kehu_pidfile_alive "$pidfile" >/dev/null || kehu_pidfile_alive "$superpid" >/dev/null; then
        # Running, or being started again by its supervisor.
        for ((i = 0; i < 60; i++)); do
            ping_db && return 0
            sleep 0.5
        done
        kehu_die "mariadbd did not answer on $KEHU_DB_SOCKET within 30 s"
    fi
    mkdir -p "$KEHU_VAR/run" "$KEHU_LOG_DIR" "$(dirname "$KEHU_DB_SOCKET")"
    make_password
    [[ -d "$datadir/mysql" ]] || init_datadir
    kehu_render "$KEHU_ROOT/conf/my.cnf.in" "$cnf"
    mkdir -p "$KEHU_VAR/mysql-tmp"
    rm -f "$pidfile" "$stopflag"
    touch "$errlog"
    offset=$(stat -c %s "$errlog")
    # setsid + nohup: the server must outlive this script and the terminal.
    setsid nohup "$KEHU_ROOT/scripts/db.sh" supervise >>"$errlog" 2>&1 </dev/null &
    pid=$!
    for ((i = 0; i < 60; i++)); do
        if ping_db; then
            return 0
        fi
        if ! kehu_alive "$pid" || tail -c "+$((offset + 1))" "$errlog" | grep "starting it again" >/dev/null; then
            stop
            tail -n 30 "$errlog" >&2
            kehu_die "mariadbd exited during startup, see $errlog"
        fi
        sleep 0.5
    done
    stop
    tail -n 30 "$errlog" >&2
    kehu_die "mariadbd did not answer on $KEHU_DB_SOCKET within 30 s"
}

# The supervisor ends once its mariadbd has (see supervise).
wait_supervisor() {
    local pid
    if pid="$(kehu_pidfile_alive "$superpid")"; then
        for _ in {1..50}; do
            kehu_alive "$pid" || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$superpid" "$stopflag"
}

stop() {
    local pid="" i
    touch "$stopflag"
    # A supervisor between two starts ends at the flag, or its new
    # mariadbd writes its pid file.
    for ((i = 0; i < 20; i++)); do
        pid="$(kehu_pidfile_alive "$pidfile")" && break
        kehu_pidfile_alive "$superpid" >/dev/null || break
        sleep 0.5
    done
    [[ -n "$pid" ]] || { rm -f "$pidfile"; wait_supervisor; return 0; }
    need_cnf
    mariadb-admin "${client[@]}" shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do
        kehu_alive "$pid" || { rm -f "$pidfile"; wait_supervisor; return 0; }
        sleep 0.5
    done
    echo "db: mariadbd ($pid) did not stop in 60 s, killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
    wait_supervisor
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    supervise) supervise ;;
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
