#!/usr/bin/env bash
# kehu: private nginx in front of the FastCGI programs.
#   nginx.sh start    render the config and start (if running: reload when it changed)
#   nginx.sh stop     graceful stop
#   nginx.sh reload   re-render, check and reload the running server
#   nginx.sh status
#   nginx.sh render DIR   render the configuration into DIR and check it (tests)
set -euo pipefail
# shellcheck source=scripts/env.sh
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
# shellcheck source=scripts/owners.sh
. "$KEHU_ROOT/scripts/owners.sh"

prefix="$KEHU_VAR/nginx"
conf="$prefix/nginx.conf"
pidfile="$prefix/nginx.pid"
nginx_cmd=(nginx -p "$prefix" -c "$conf")

# The lines kehu_render puts into the templates.
KEHU_NGINX_USER_LINE="# no user directive: nginx runs as $(id -un), its workers too"
if ((EUID == 0)); then
    kehu_ensure_user "$KEHU_WEB_USER" "nginx workers"
    KEHU_NGINX_USER_LINE="user $KEHU_WEB_USER $(kehu_group_of "$KEHU_WEB_USER");"
fi
KEHU_HSTS_LINE="# no Strict-Transport-Security: KEHU_HSTS is not 1"
# shellcheck disable=SC2089,SC2090 # text for the file, not for a command
[[ "$KEHU_HSTS" != 1 ]] ||
    KEHU_HSTS_LINE='add_header Strict-Transport-Security "max-age=31536000" always;'
# shellcheck disable=SC2090
export KEHU_NGINX_USER_LINE KEHU_HSTS_LINE

# nginx.conf and the file it includes, into DIR with SUFFIX (".new": to be
# checked before replacing a working configuration).
render_into() {
    local dir=$1 suffix=$2
    kehu_render "$KEHU_ROOT/conf/nginx.conf.in" "$dir/nginx.conf$suffix"
    kehu_render "$KEHU_ROOT/conf/nginx-static-headers.conf.in" "$dir/static-headers.conf$suffix"
}

# nginx -t on DIR's files, which must be named as nginx.conf includes them.
check_config() {
    local dir=$1
    if ! nginx -p "$dir" -c "$dir/nginx.conf" -t -q 2>"$dir/check.log"; then
        cat "$dir/check.log" >&2
        kehu_die "nginx config check failed ($dir/nginx.conf)"
    fi
}

# Renders into a scratch directory, checks, then replaces the working
# configuration only if the check passed. -t writes nothing else.
render() {
    local check="$prefix/check"
    mkdir -p "$prefix/tmp" "$check"
    kehu_var_base
    render_into "$check" ""
    check_config "$check"
    mv -f "$check/static-headers.conf" "$prefix/static-headers.conf"
    mv -f "$check/nginx.conf" "$conf"
}

# Warn early instead of serving 403s for every stylesheet.
check_readable() {
    local probe="$KEHU_ROOT/static/unavailable.html"
    if ((EUID == 0)) && command -v setpriv >/dev/null &&
        ! setpriv --reuid="$KEHU_WEB_USER" --regid="$(kehu_group_of "$KEHU_WEB_USER")" \
            --init-groups test -r "$probe" 2>/dev/null; then
        echo "nginx: warning: workers run as '$KEHU_WEB_USER' and cannot read $probe;" >&2
        echo "nginx: static files will fail until $KEHU_ROOT and its parents are world-readable (chmod a+rX)" >&2
    fi
}

# True when the running configuration differs from a fresh rendering.
changed() {
    local cmp="$prefix/cmp" rc=1
    mkdir -p "$cmp"
    render_into "$cmp" ""
    if ! cmp -s "$cmp/nginx.conf" "$conf" ||
        ! cmp -s "$cmp/static-headers.conf" "$prefix/static-headers.conf"; then
        rc=0
    fi
    rm -rf "$cmp"
    return "$rc"
}

start() {
    local pid
    if pid="$(kehu_pidfile_alive "$pidfile")"; then
        # Running: reload only if conf/nginx*.conf.in (or a setting in
        # them) changed since, so `make run` after an edit serves the new
        # routes.
        if changed; then
            echo "nginx: configuration changed, reloading"
            render
            kill -HUP "$pid"
        fi
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
    render)
        [[ -n "${2:-}" && -d "$2" ]] || kehu_die "usage: $0 render DIR (an existing directory)"
        render_into "$2" ""
        check_config "$2"
        ;;
    status)
        if pid="$(kehu_pidfile_alive "$pidfile")"; then
            echo "nginx: running (pid $pid, http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT/)"
        else
            echo "nginx: stopped"
            exit 3
        fi
        ;;
    *)
        echo "usage: $0 start|stop|reload|status|render DIR" >&2
        exit 2
        ;;
esac
