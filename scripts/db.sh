#!/usr/bin/env bash
# kehu: private MariaDB instance under $KEHU_VAR.
#   db.sh start       initialise on first use, then start (no-op if running)
#   db.sh stop        clean shutdown
#   db.sh supervise   (run by start) mariadbd, started again if it dies
#   db.sh sql ARGS    mariadb client as the administrator on the private socket
#
# The server runs as the OS user mysql (KEHU_DB_OS_USER, scripts/owners.sh)
# and its administrator is MariaDB's root, signed in through the socket as
# OS root only (unix_socket, no password at all). Run by another OS user,
# the server runs as that user and the administrator is an account of the
# same name, also by unix_socket. Nobody else can reach the socket: its
# directory is mysql:kehu 0750, the programs' group.
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/owners.sh
. "$KEHU_ROOT/scripts/owners.sh"

datadir="$KEHU_VAR/mysql"
filesdir="$KEHU_VAR/mysql-files"
sockdir="$(dirname "$KEHU_DB_SOCKET")"
pidfile="$sockdir/mysqld.pid"
cnf="$KEHU_VAR/my.cnf"
errlog="$KEHU_LOG_DIR/mariadb.log"
# Where an older kehu (root server, socket in run/) kept its pid file.
legacy_pidfile="$KEHU_VAR/mysqld.pid"
superpid="$KEHU_VAR/run/mysqld-supervisor.pid"
stopflag="$KEHU_VAR/run/mysqld.stopping"
tmpdir="$KEHU_VAR/mysql-tmp"

# The pid file sits beside the socket, where the server may write.
[[ "$sockdir" != "$KEHU_VAR" && "$sockdir" != "$KEHU_VAR/run" ]] ||
    kehu_die "KEHU_DB_SOCKET needs a directory of its own (default: $KEHU_VAR/run/db/)"

admin="$(id -un)"
# --defaults-file must come first; it brings in [client] (socket, utf8mb4).
client=(--defaults-file="$cnf" --user="$admin")

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

# Directories and files the server, the programs and root share; on a
# var/ an older kehu made as root this also hands them over.
prepare() {
    local app_group
    kehu_var_base
    kehu_ensure_user "$KEHU_DB_OS_USER" "MariaDB server"
    app_group="$(kehu_group_of "$KEHU_APP_USER")"
    kehu_own_dir "$sockdir" "$KEHU_DB_OS_USER" "$app_group" 0750
    kehu_own_dir "$filesdir" "$KEHU_DB_OS_USER" "$(kehu_group_of "$KEHU_DB_OS_USER")" 0700
    kehu_own_dir "$tmpdir" "$KEHU_DB_OS_USER" "$(kehu_group_of "$KEHU_DB_OS_USER")" 0700
    [[ ! -d "$datadir" ]] ||
        kehu_own_dir "$datadir" "$KEHU_DB_OS_USER" "$(kehu_group_of "$KEHU_DB_OS_USER")" 0700
    make_password
    ((EUID != 0)) || chgrp "$app_group" "$KEHU_VAR/db-password"
    chmod 0640 "$KEHU_VAR/db-password"
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
    if ! mariadb-install-db --no-defaults --datadir="$tmp" --tmpdir="$tmpdir" \
        --auth-root-authentication-method=socket --auth-root-socket-user="$admin" \
        --user="$KEHU_DB_OS_USER" --skip-test-db >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        kehu_die "mariadb-install-db failed, see $log"
    fi
    [[ "$tmp" == "$datadir" ]] || mv "$tmp" "$datadir"
    chmod 0700 "$datadir"
}

# The server makes its socket 0777; the directory already keeps others
# out, the socket's own mode says so too.
narrow_socket() {
    ((EUID != 0)) || chgrp "$(kehu_group_of "$KEHU_APP_USER")" "$KEHU_DB_SOCKET"
    chmod 0660 "$KEHU_DB_SOCKET"
}

# Once the server with pid $1 answers (its new socket exists), narrow it.
narrow_socket_when_up() {
    local pid=$1
    for _ in {1..600}; do
        kehu_alive "$pid" || return 0
        if [[ -S "$KEHU_DB_SOCKET" ]] && ping_db; then
            narrow_socket
            return 0
        fi
        sleep 0.2
    done
}

# mariadbd under a small supervisor (db.sh supervise, its pid in
# $superpid) that starts it again whenever it ends without `db.sh stop`:
# InnoDB aborts the server when it runs out of disk space during a
# rollback ("[FATAL] InnoDB: Error (Out of disk space) in rollback", seen in
# make soak), and the programs should find it back once space returns, as
# they do after a restart. `db.sh stop` leaves $stopflag first: a signal
# to the supervisor waits until its mariadbd has ended, too late to tell.
supervise() {
    local child
    echo "$$" >"$superpid"
    while [[ ! -e "$stopflag" ]]; do
        mariadbd --defaults-file="$cnf" >>"$errlog" 2>&1 </dev/null &
        child=$!
        # Each server it starts makes its socket 0777 again.
        (narrow_socket_when_up "$child") &
        wait "$child" || true
        [[ ! -e "$stopflag" ]] || break
        echo "$(date '+%F %T') db.sh: mariadbd ended without db.sh stop; starting it again in 1 s" >>"$errlog"
        sleep 1
    done
    rm -f "$superpid"
}

# Every start: root by the socket only, and no account an older kehu's
# install left (password-less root over TCP and by host name). Signs in as
# the administrator, or on such an older datadir as password-less root.
harden() {
    local as=("${client[@]}")
    if ! mariadb "${as[@]}" -e "SELECT 1" >/dev/null 2>&1; then
        as=(--defaults-file="$cnf" --user=root)
        mariadb "${as[@]}" -e "SELECT 1" >/dev/null 2>&1 ||
            kehu_die "cannot sign in to MariaDB as '$admin' through $KEHU_DB_SOCKET"
        echo "db: an older datadir: root gets unix_socket sign-in only"
    fi
    printf "SET @kehu_admin = '%s';\n" "${admin//\'/\'\'}" |
        cat - "$KEHU_ROOT/scripts/db-admin.sql" | mariadb "${as[@]}" ||
        kehu_die "applying scripts/db-admin.sql failed"
}

# An older kehu's server (as root, pid file in $KEHU_VAR) still running:
# stop it, so that this one starts under its own user.
stop_legacy() {
    local pid
    # Its socket, if it was killed: a stale file anyone may open.
    rm -f "$KEHU_VAR/run/mysqld.sock"
    pid="$(kehu_pidfile_alive "$legacy_pidfile")" || { rm -f "$legacy_pidfile"; return 0; }
    echo "db: stopping the server an older kehu started as root (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in {1..120}; do
        kehu_alive "$pid" || break
        sleep 0.5
    done
    kehu_alive "$pid" && kill -KILL "$pid" 2>/dev/null
    rm -f "$legacy_pidfile"
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
    stop_legacy
    prepare
    [[ -d "$datadir/mysql" ]] || init_datadir
    kehu_render "$KEHU_ROOT/conf/my.cnf.in" "$cnf"
    rm -f "$pidfile" "$stopflag"
    touch "$errlog"
    offset=$(stat -c %s "$errlog")
    # setsid + nohup: the server must outlive this script and the terminal.
    setsid nohup "$KEHU_ROOT/scripts/db.sh" supervise >>"$errlog" 2>&1 </dev/null &
    pid=$!
    for ((i = 0; i < 60; i++)); do
        if ping_db; then
            narrow_socket
            harden
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
    stop_legacy
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
    # exit inside the case: the supervisor outlives edits of this file, and
    # bash must not read on from its old offset once the loop ends.
    supervise) supervise; exit 0 ;;
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
