#!/usr/bin/env bash
# kehu: private nginx in front of the FastCGI programs.
#   nginx.sh start    render the config and start (if running: reload when it changed)
#   nginx.sh stop     graceful stop
#   nginx.sh reload   re-render, check and reload the running server
#   nginx.sh status
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"

prefix="$KEHU_VAR/nginx"
conf="$prefix/nginx.conf"
pidfile="$prefix/nginx.pid"
nginx_cmd=(nginx -p "$prefix" -c "$conf")

render() {
    mkdir -p "$prefix/tmp" "$KEHU_LOG_DIR" "$KEHU_VAR/run"
    # Workers run as "nobody": they must reach the FastCGI sockets (0666)
    # in $KEHU_VAR/run, and mktemp -d makes 0700 directories.
    chmod a+rx "$KEHU_VAR" "$KEHU_VAR/run"
    kehu_render "$KEHU_ROOT/conf/nginx.conf.in" "$conf.new"
    # Validate before it replaces a working config. -t writes nothing else.
    if ! nginx -p "$prefix" -c "$conf.new" -t -q 2>"$prefix/check.log"; then
        cat "$prefix/check.log" >&2
        kehu_die "nginx config check failed ($conf.new)"
    fi
    mv -f "$conf.new" "$conf"
}

# Warn early instead of serving 403s for every stylesheet.
check_readable() {
    local probe="$KEHU_ROOT/static/unavailable.html"
    if ((EUID == 0)) && command -v setpriv >/dev/null &&
        ! setpriv --reuid=nobody --regid=nogroup --clear-groups test -r "$probe" 2>/dev/null; then
        echo "nginx: warning: workers run as 'nobody' and cannot read $probe;" >&2
        echo "nginx: static files will fail until $KEHU_ROOT and its parents are world-readable (chmod a+rX)" >&2
    fi
}

start() {
    local pid
    if pid="$(kehu_pidfile_alive "$pidfile")"; then
        # Running: reload only if conf/nginx.conf.in (or a setting in it)
        # changed since, so `make run` after an edit serves the new routes.
        kehu_render "$KEHU_ROOT/conf/nginx.conf.in" "$conf.cmp"
        if ! cmp -s "$conf.cmp" "$conf"; then
            echo "nginx: configuration changed, reloading"
            render
            kill -HUP "$pid"
        fi
        rm -f "$conf.cmp"
        return 0
    fi
    render
    check_readable
    rm -f "$pidfile"
    # nginx daemonises itself (daemon on) and writes its pid file.
    "${nginx_cmd[@]}" || kehu_die "nginx failed to start, see $KEHU_LOG_DIR/nginx-error.log"
    for _ in {1..50}; do
        if kehu_pidfile_alive "$pidfile" >/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    kehu_die "nginx did not write $pidfile"
}

stop() {
    local pid
    pid="$(kehu_pidfile_alive "$pidfile")" || { rm -f "$pidfile"; return 0; }
    kill -QUIT "$pid" # graceful: finish in-flight requests
    for _ in {1..100}; do
        kehu_alive "$pid" || { rm -f "$pidfile"; return 0; }
        sleep 0.1
    done
    kill -TERM "$pid" 2>/dev/null || true
    sleep 1
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

reload() {
    local pid
    pid="$(kehu_pidfile_alive "$pidfile")" || kehu_die "nginx is not running"
    render
    kill -HUP "$pid"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    reload) reload ;;
    status)
        if pid="$(kehu_pidfile_alive "$pidfile")"; then
            echo "nginx: running (pid $pid, http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT/)"
        else
            echo "nginx: stopped"
            exit 3
        fi
        ;;
    *)
        echo "usage: $0 start|stop|reload|status" >&2
        exit 2
        ;;
esac
