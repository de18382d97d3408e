# shellcheck shell=bash
# kehu: a throwaway stack on a free port with a temporary data directory and
# the sanitizer build, shared by scripts/test.sh (make test) and
# scripts/soak.sh (make soak). Source it, then:
#   throwaway_setup NAME   KEHU_VAR=/tmp/NAME.XXXXXX, a free port from
#                          KEHU_TEST_PORT (18080), sanitizer reports into
#                          $KEHU_VAR/log, scripts/env.sh sourced
#   throwaway_remove       stop the stack, then delete (or with KEHU_KEEP=1
#                          keep) the directory
#   throwaway_reports      the sanitizer reports written so far, one a line
#
# KEHU_ROOT must be set (the repository root).

throwaway_setup() {
    local name=$1 port first
    # Settings derived from KEHU_VAR must come from the new KEHU_VAR, not
    # from the caller's environment (a developer shell may point at the
    # real var/).
    unset KEHU_VAR KEHU_DB_SOCKET KEHU_LOG_DIR KEHU_DB_PASS KEHU_BENCH
    export KEHU_BUILD="$KEHU_ROOT/build-asan"
    export KEHU_WORKERS=2
    # The tests compare the navigation's overdue count with SQL right after
    # changing complaints: no per-process caching of it here.
    export KEHU_NAV_COUNT_TTL=0
    KEHU_VAR="$(mktemp -d "/tmp/$name.XXXXXX")" || { echo "$name: mktemp failed" >&2; return 1; }
    export KEHU_VAR
    THROWAWAY_NAME=$name
    # Who may enter what in here is set by the stack's scripts (scripts/owners.sh).
    mkdir -p "$KEHU_VAR/log"

    # A free port: KEHU_TEST_PORT (18080 by default) unless something
    # answers there; runs side by side give each its own start.
    : "${KEHU_HTTP_HOST:=127.0.0.1}"
    port=${KEHU_TEST_PORT:-18080}
    first=$port
    while (exec 3<>"/dev/tcp/$KEHU_HTTP_HOST/$port") 2>/dev/null; do
        port=$((port + 1))
        ((port < first + 100)) || { echo "$name: no free port in $first-$((first + 99))" >&2; return 1; }
    done
    export KEHU_HTTP_PORT=$port
    throwaway_mail_sink || return 1

    # Sanitizer reports go to files so that the FastCGI workers' reports
    # (their stderr is a log file) are found in one place.
    export ASAN_OPTIONS="log_path=$KEHU_VAR/log/asan:detect_leaks=1:abort_on_error=0"
    export UBSAN_OPTIONS="print_stacktrace=1:log_path=$KEHU_VAR/log/ubsan"
    export LSAN_OPTIONS="suppressions=$KEHU_ROOT/tests/lsan.supp"
    export PYTHONUNBUFFERED=1
    # The analysis runner takes requests at once and leaves nightly runs out.
    export KEHU_ANALYSE_POLL=1 KEHU_ANALYSE_NIGHTLY=0

    # shellcheck source=scripts/env.sh
    . "$KEHU_ROOT/scripts/env.sh"
}

# Mail never leaves a test run: the outbox's sender talks to a local SMTP
# sink (tests/smtp_sink.py) on a free port, which writes each message to
# $KEHU_MAIL_SINK_DIR; it polls every second, retries after 1, 2, 3 and 4 s,
# and queues digests only when a test asks (kehu-notify --digest).
throwaway_mail_sink() {
    local port=$((KEHU_HTTP_PORT + 500)) first
    first=$port
    while (exec 3<>"/dev/tcp/$KEHU_HTTP_HOST/$port") 2>/dev/null; do
        port=$((port + 1))
        ((port < first + 100)) || { echo "no free port for the mail sink" >&2; return 1; }
    done
    export KEHU_SMTP_HOST=$KEHU_HTTP_HOST KEHU_SMTP_PORT=$port
    export KEHU_MAIL_SINK_DIR="$KEHU_VAR/mail-sink" KEHU_MAIL_SINK_PID="$KEHU_VAR/mail-sink.pid"
    export KEHU_NOTIFY_POLL=1 KEHU_NOTIFY_BACKOFF=1,2,3,4 KEHU_DIGEST_HOUR=24
    setsid python3 "$KEHU_ROOT/tests/smtp_sink.py" --host "$KEHU_SMTP_HOST" --port "$port" \
        --dir "$KEHU_MAIL_SINK_DIR" --pidfile "$KEHU_MAIL_SINK_PID" \
        >>"$KEHU_VAR/log/mail-sink.log" 2>&1 </dev/null &
}

throwaway_remove() {
    [[ -n "${KEHU_VAR:-}" && -n "${THROWAWAY_NAME:-}" ]] || return 0
    "$KEHU_ROOT/scripts/stack.sh" stop >/dev/null 2>&1
    if [[ -r "${KEHU_MAIL_SINK_PID:-}" ]]; then
        kill "$(<"$KEHU_MAIL_SINK_PID")" 2>/dev/null || true
    fi
    if [[ "${KEHU_KEEP:-0}" == 1 ]]; then
        echo "$THROWAWAY_NAME: kept $KEHU_VAR" >&2
    elif [[ "$KEHU_VAR" == "/tmp/$THROWAWAY_NAME".* ]]; then
        rm -rf "$KEHU_VAR"
    fi
}

# A report can also land on a program's stderr (UBSan's, when it aborts
# under ASan's runtime), so the program logs are searched too.
throwaway_reports() {
    local f
    shopt -s nullglob
    for f in "$KEHU_VAR"/log/asan.* "$KEHU_VAR"/log/ubsan.*; do
        printf '%s\n' "$f"
    done
    for f in "$KEHU_VAR"/log/*.log; do
        if grep -qE 'runtime error:|(Address|Leak|UndefinedBehavior)Sanitizer' "$f"; then
            printf '%s\n' "$f"
        fi
    done
    shopt -u nullglob
}
