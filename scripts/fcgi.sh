#!/usr/bin/env bash
# kehu: run every FastCGI program in $KEHU_BUILD.
#   fcgi.sh start|stop|status
#
# Each <name>.fcgi gets its own unix socket $KEHU_VAR/run/<name>.sock, bound
# by spawn-fcgi, which then execs multiwatch; multiwatch forks KEHU_WORKERS
# copies that all accept() on that socket and immediately respawns any that
# dies (kill -9 included).
# hello.fcgi (the benchmark ceiling) only runs when KEHU_BENCH=1.
#
# Started as root, the programs run as KEHU_APP_USER (kehu) and their
# sockets are kehu:kehu-web 0660: only the programs and nginx's workers
# (KEHU_WEB_USER) may talk FastCGI to them, so nobody can hand a program a
# made-up REMOTE_ADDR past nginx's limits (scripts/owners.sh).
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/owners.sh
. "$KEHU_ROOT/scripts/owners.sh"

run="$KEHU_VAR/run"

# What the programs write: attachments, spooled uploads and exports, import
# jobs. An older kehu's root-owned files in them are handed over too.
prepare() {
    local dir group
    kehu_var_base
    kehu_ensure_user "$KEHU_WEB_USER" "nginx workers"
    group="$(kehu_group_of "$KEHU_APP_USER")"
    for dir in files tmp imports keys; do
        kehu_own_dir "$KEHU_VAR/$dir" "$KEHU_APP_USER" "$group" 0700
    done
    # spawn-fcgi binds the socket as root, hands it to the programs' user
    # and nginx's workers' group, then drops to the programs' user and
    # execs multiwatch. Run by another user: that user only.
    spawn_user=(-M 0600)
    ((EUID == 0)) || return 0
    spawn_user=(-u "$KEHU_APP_USER" -g "$group"
        -U "$KEHU_APP_USER" -G "$(kehu_group_of "$KEHU_WEB_USER")" -M 0660)
    # The programs read the repository (templates, language files) and run
    # the build's binaries as their own user.
    if ! setpriv --reuid="$KEHU_APP_USER" --regid="$group" --init-groups \
        test -r "$KEHU_TEMPLATES" -a -x "$KEHU_BUILD" -a -r "$KEHU_LANG_DIR" 2>/dev/null; then
        kehu_die "the programs' OS user '$KEHU_APP_USER' cannot read $KEHU_ROOT or $KEHU_BUILD;" \
            "make them and their parent directories world-readable (chmod a+rX)"
    fi
}

# The OS user a process runs as (real uid).
uid_of() {
    local key uid _
    while read -r key uid _; do
        [[ "$key" == Uid: ]] && { printf '%s\n' "$uid"; return 0; }
    done <"/proc/$1/status"
    return 1
}

# multiwatch counts a child that dies within --timeout ms of its start as a
# failed spawn and gives up after --retry of them (default 3 in 10 s). A
# crashed worker must come back forever, so allow an effectively unbounded
# number of retries; the counter resets whenever a child lived > 1 s.
# No --signal: it is broken in Debian's multiwatch and unused (see stop_all).
MW_OPTS=(--forks="$KEHU_WORKERS" --retry=1000000000 --timeout=1000)

programs() {
    local f name
    shopt -s nullglob
    for f in "$KEHU_BUILD"/*.fcgi; do
        name="$(basename "$f" .fcgi)"
        if [[ "$name" == hello && "${KEHU_BENCH:-0}" != 1 ]]; then
            continue
        fi
        printf '%s\n' "$name"
    done
}

# The recorded pid is spawn-fcgi, which (with -n) execs multiwatch in place.
# Only trust a pid file if it still names one of those, so a recycled pid
# never gets signalled.
supervisor_pid() {
    local name=$1 pid comm
    pid="$(kehu_pidfile_alive "$run/$name.pid")" || return 1
    read -r comm 2>/dev/null <"/proc/$pid/comm" || return 1
    [[ "$comm" == multiwatch || "$comm" == spawn-fcgi ]] || return 1
    printf '%s\n' "$pid"
}

# Live processes in a process group, as "pid ppid" lines. setsid made the
# supervisor a session and group leader; the workers it forks (and anything
# they fork) inherit its group and nothing else joins it, so the group is
# exactly "this program". Builtin reads only: this runs in a polling loop.
group_members() {
    local pgid=$1 f stat rest state ppid pgrp
    for f in /proc/[0-9]*/stat; do
        read -r stat 2>/dev/null <"$f" || continue
        rest="${stat##*) }"
        # fields after "(comm) ": state ppid pgrp ...
        read -r state ppid pgrp _ <<<"$rest"
        if [[ "$pgrp" == "$pgid" && "$state" != Z && "$state" != X ]]; then
            f="${f#/proc/}"
            printf '%s %s\n' "${f%/stat}" "$ppid"
        fi
    done
}

start_one() {
    local name=$1 pid log
    log="$KEHU_LOG_DIR/$name.log"
    if pid="$(supervisor_pid "$name")"; then
        # Running: keep it, unless the program was rebuilt since it started
        # (so `make run` after an edit serves the new build), or an older
        # kehu started it as root.
        if [[ "$(uid_of "$pid" || true)" != "$(id -u "$KEHU_APP_USER")" ]]; then
            echo "fcgi: $name runs as another OS user, restarting it as '$KEHU_APP_USER'"
        elif [[ "$KEHU_BUILD/$name.fcgi" -nt "$run/$name.pid" ]]; then
            echo "fcgi: $name was rebuilt, restarting it"
        else
            return 0
        fi
        stop_all "$name"
    fi
    rm -f "$run/$name.pid"
    echo "fcgi: starting $name ($KEHU_WORKERS workers)"
    touch "$log"
    log_offset[$name]=$(wc -c <"$log")
    # setsid: own session and process group, so stop can reach all workers
    # and the terminal's signals don't. cwd is the repo root for everyone.
    (
        cd "$KEHU_ROOT"
        exec setsid nohup spawn-fcgi -n -s "$run/$name.sock" "${spawn_user[@]}" -- \
            /usr/bin/multiwatch "${MW_OPTS[@]}" -- "$KEHU_BUILD/$name.fcgi" \
            >>"$log" 2>&1 </dev/null
    ) &
    pid=$!
    echo "$pid" >"$run/$name.pid"
    # spawn-fcgi binds the socket before exec'ing multiwatch.
    for _ in {1..50}; do
        if [[ -S "$run/$name.sock" ]] && kehu_alive "$pid"; then
            return 0
        fi
        kehu_alive "$pid" || break
        sleep 0.1
    done
    tail -n 20 "$log" >&2
    rm -f "$run/$name.pid"
    kehu_die "$name did not start (see $log)"
}

# Long-lived tools that are not FastCGI run under the same supervisor:
# multiwatch with one fork starts them again whenever they die. Each is
# recorded under its name like a program, so stop and status reach it.
# Started as root, they run as the programs' user.
#   notify   the outbox's sender (tools/kehu-notify.c, docs/notifications.md;
#            it reads the server key to put the status link in mails)
#   analyse  the customer-analysis runner (tools/kehu-analyse.c --serve,
#            docs/analysis.md "The batch"): requested and nightly runs
daemons() { echo notify; echo analyse; }

start_daemon() {
    local name=$1 bin=$2 what=$3 pid log drop=()
    shift 3
    [[ -x "$bin" ]] || return 0
    log="$KEHU_LOG_DIR/$name.log"
    if pid="$(supervisor_pid "$name")"; then
        [[ "$bin" -nt "$run/$name.pid" ]] || return 0
        echo "fcgi: $name was rebuilt, restarting it"
        stop_all "$name"
    fi
    if ((EUID == 0)); then
        drop=(setpriv --reuid="$KEHU_APP_USER" --regid="$(kehu_group_of "$KEHU_APP_USER")" --init-groups)
    fi
    echo "fcgi: starting $what"
    touch "$log"
    (
        cd "$KEHU_ROOT"
        exec setsid nohup "${drop[@]}" /usr/bin/multiwatch --forks=1 --retry=1000000000 \
            --timeout=1000 -- "$bin" "$@" >>"$log" 2>&1 </dev/null
    ) &
    echo "$!" >"$run/$name.pid"
}

start_daemons() {
    start_daemon notify "$KEHU_BUILD/kehu-notify" "the outbox sender ($KEHU_SMTP_HOST:$KEHU_SMTP_PORT)"
    start_daemon analyse "$KEHU_BUILD/kehu-analyse" "the analysis runner" --serve
}

# Stops several programs at once with one shared grace period.
#
# multiwatch is not asked to do it: Debian's build (1.0.0-rc1+really1.0.0)
# maps --signal names to the wrong numbers (TERM -> SIGQUIT, USR1 -> SIGILL;
# verified with strace), and SIGQUIT would kill the workers before
# LeakSanitizer can report. Instead:
#   1. SIGSTOP the supervisor, so it cannot respawn anything;
#   2. SIGTERM every other process of its group (the workers exit cleanly,
#      finishing the current request and writing any sanitizer report);
#   3. after at most ~5 s, SIGKILL the whole group (the stopped supervisor
#      and any worker that did not exit).
stop_all() {
    local name pid left deadline busy
    local -A pids=()
    for name in "$@"; do
        if pid="$(supervisor_pid "$name")"; then
            pids[$name]=$pid
            kill -STOP "$pid" 2>/dev/null || true
        fi
    done
    for name in "${!pids[@]}"; do
        pid=${pids[$name]}
        for left in $(group_members "$pid" | cut -d' ' -f1); do
            [[ "$left" == "$pid" ]] || kill -TERM "$left" 2>/dev/null || true
        done
    done
    deadline=$((SECONDS + 6))
    while :; do
        busy=0
        for name in "${!pids[@]}"; do
            pid=${pids[$name]}
            # grep without -q: reading all input avoids SIGPIPE + pipefail.
            if group_members "$pid" | cut -d' ' -f1 | grep -vx "$pid" >/dev/null; then
                busy=1
            fi
        done
        ((busy == 0 || SECONDS >= deadline)) && break
        sleep 0.1
    done
    for name in "${!pids[@]}"; do
        pid=${pids[$name]}
        left="$(group_members "$pid" | cut -d' ' -f1 | grep -vx "$pid" | tr '\n' ' ' || true)"
        if [[ -n "$left" ]]; then
            echo "fcgi: $name: workers did not exit within 5 s, sending SIGKILL to: $left" >&2
        fi
        kill -KILL -- "-$pid" 2>/dev/null || true
    done
    for name in "$@"; do
        rm -f "$run/$name.pid" "$run/$name.sock"
    done
}

status_one() {
    local name=$1 pid workers
    if pid="$(supervisor_pid "$name")"; then
        # Workers are the supervisor's direct children.
        workers="$(group_members "$pid" | awk -v p="$pid" '$2 == p' | wc -l)"
        echo "fcgi $name: running (supervisor $pid, $workers worker(s), $run/$name.sock)"
    else
        echo "fcgi $name: stopped"
        return 1
    fi
}

# Programs with a pid file, whether or not their binary still exists (stop
# must not leave orphans after a `make clean`).
recorded() {
    local f
    shopt -s nullglob
    for f in "$run"/*.pid; do
        basename "$f" .pid
    done
}

# multiwatch respawns a worker that dies at startup in a tight loop and
# says "Spawning child[N] failed, next try" each time. Point that out right
# away instead of leaving the developer with mysterious 502s.
check_crash_loops() {
    local name log
    ((${#log_offset[@]})) || return 0
    sleep 1
    for name in "${!log_offset[@]}"; do
        log="$KEHU_LOG_DIR/$name.log"
        if tail -c "+$((log_offset[$name] + 1))" "$log" | grep 'failed, next try' >/dev/null; then
            echo "fcgi: warning: $name workers keep dying right after start; last lines of $log:" >&2
            tail -c "+$((log_offset[$name] + 1))" "$log" | tail -n 15 >&2
        fi
    done
}

declare -A log_offset=()
spawn_user=()
mkdir -p "$run" "$KEHU_LOG_DIR"
case "${1:-}" in
    start)
        prepare
        mapfile -t names < <(programs)
        ((${#names[@]})) || echo "fcgi: no *.fcgi programs in $KEHU_BUILD" >&2
        # A program renamed or removed since the last start (its binary is
        # gone with its source, Makefile STALE): stop what still runs.
        mapfile -t gone < <(recorded | grep -vxF -f <(programs; daemons) || true)
        ((${#gone[@]} == 0)) || stop_all "${gone[@]}"
        for name in "${names[@]}"; do
            start_one "$name"
        done
        start_daemons
        check_crash_loops
        ;;
    stop)
        mapfile -t names < <(recorded)
        ((${#names[@]} == 0)) || stop_all "${names[@]}"
        ;;
    status)
        rc=0
        mapfile -t names < <({ programs; recorded; } | sort -u)
        for name in "${names[@]}"; do
            status_one "$name" || rc=3
        done
        exit "$rc"
        ;;
    *)
        echo "usage: $0 start|stop|status" >&2
        exit 2
        ;;
esac
