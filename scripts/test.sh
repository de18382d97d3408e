#!/usr/bin/env bash
# kehu: body of `make test`. The Makefile has already built everything with
# sanitizers (SAN=1) into build-asan/. This runs a throwaway stack in a
# temporary directory on a free port, then the suites:
#   1. unit        every build-asan/tests/test_* (cmocka)
#   2. http        tests/http/run.py
#   3. browser     tests/browser/run.py
#   4. sanitizers  no ASan/UBSan/LSan report was written by any process
# Each suite ends with "<suite>: N passed, M failed"; the last line of the
# output is "N passed, M failed" (the sums). Exit status 1 if anything
# failed or a suite could not run. KEHU_KEEP=1 keeps the temp directory.
#
# No `set -e`: a failing suite must not stop the others.
set -uo pipefail

KEHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export KEHU_ROOT
cd "$KEHU_ROOT" || exit 1

# Settings derived from KEHU_VAR must come from the new KEHU_VAR, not from
# the caller's environment (a developer shell may point at the real var/).
unset KEHU_VAR KEHU_DB_SOCKET KEHU_LOG_DIR KEHU_DB_PASS KEHU_BENCH

stack() { "$KEHU_ROOT/scripts/stack.sh" "$@"; }

# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
    [[ -n "${KEHU_VAR:-}" ]] || return 0
    stack stop >/dev/null 2>&1
    if [[ "${KEHU_KEEP:-0}" == 1 ]]; then
        echo "test: kept $KEHU_VAR" >&2
    elif [[ "$KEHU_VAR" == /tmp/kehu-test.* ]]; then
        rm -rf "$KEHU_VAR"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export KEHU_BUILD="$KEHU_ROOT/build-asan"
export KEHU_WORKERS=2
# The tests compare the navigation's overdue count with SQL right after
# changing complaints: no per-process caching of it here.
export KEHU_NAV_COUNT_TTL=0
KEHU_VAR="$(mktemp -d /tmp/kehu-test.XXXXXX)" || { echo "test: mktemp failed" >&2; exit 1; }
export KEHU_VAR
# nginx workers run as "nobody" and must reach the sockets in here.
chmod 0755 "$KEHU_VAR"
mkdir -p "$KEHU_VAR/log"

# A free port: KEHU_TEST_PORT (18080 by default) unless something answers
# there; runs side by side give each its own start.
: "${KEHU_HTTP_HOST:=127.0.0.1}"
port_busy() { (exec 3<>"/dev/tcp/$KEHU_HTTP_HOST/$1") 2>/dev/null; }
port=${KEHU_TEST_PORT:-18080}
first=$port
while port_busy "$port"; do
    port=$((port + 1))
    ((port < first + 100)) || { echo "test: no free port in $first-$((first + 99))" >&2; exit 1; }
done
export KEHU_HTTP_PORT=$port

# Sanitizer reports go to files so that the FastCGI workers' reports (their
# stderr is a log file) are found in one place by the "sanitizers" suite.
export ASAN_OPTIONS="log_path=$KEHU_VAR/log/asan:detect_leaks=1:abort_on_error=0"
export UBSAN_OPTIONS="print_stacktrace=1:log_path=$KEHU_VAR/log/ubsan"
export LSAN_OPTIONS="suppressions=$KEHU_ROOT/tests/lsan.supp"
export PYTHONUNBUFFERED=1
# cmocka's plain format, whatever the caller's environment says.
export CMOCKA_MESSAGE_OUTPUT=STDOUT

# shellcheck source=scripts/env.sh
. "$KEHU_ROOT/scripts/env.sh"


total_pass=0
total_fail=0
broken=0 # a suite that could not run (or crashed) makes the run fail

add() { total_pass=$((total_pass + $1)); total_fail=$((total_fail + $2)); }

# --- 1. unit ---------------------------------------------------------------
# cmocka prints "[       OK ] name" / "[  FAILED  ] name" per test on stdout
# and a summary (repeating the failed names) on stderr; only stdout is
# counted, and a "listed below" summary is skipped should it appear there.
count_failed='
    /^\[  FAILED  \] [0-9]+ test\(s\), listed below:/ { summary = 1; next }
    summary && /^\[  FAILED  \] / { next }
    { summary = 0 }
    /^\[  FAILED  \] / { n++ }
    END { print n + 0 }'

suite_unit() {
    local pass=0 fail=0 t name out rc ok failed
    local tests=()
    shopt -s nullglob
    for t in "$KEHU_BUILD"/tests/test_*; do
        [[ -f "$t" && -x "$t" ]] && tests+=("$t")
    done
    shopt -u nullglob
    echo "=== unit (${#tests[@]} binaries)"
    for t in "${tests[@]}"; do
        name="${t##*/}"
        echo "--- $name"
        out="$KEHU_VAR/log/unit-$name"
        timeout -k 10 300 "$t" >"$out.out" 2>"$out.err"
        rc=$?
        cat "$out.out" "$out.err"
        ok="$(grep -c '^\[       OK \] ' "$out.out")"
        failed="$(awk "$count_failed" "$out.out")"
        if ((rc != 0 && failed == 0)); then
            # Crashed, timed out, or exited non-zero without a failed
            # test (e.g. LeakSanitizer's exit status): one failure.
            if ((rc == 124)); then
                echo "unit: $name timed out"
            elif ((rc > 128)); then
                echo "unit: $name killed by signal $((rc - 128))"
            else
                echo "unit: $name exited with status $rc"
            fi
            failed=1
        fi
        pass=$((pass + ok))
        fail=$((fail + failed))
    done
    echo "unit: $pass passed, $fail failed"
    add "$pass" "$fail"
}

# --- 2./3. Python runners ----------------------------------------------------
suite_python() {
    local name=$1 runner=$2 limit=$3 out rc last p f
    echo "=== $name"
    if [[ ! -f "$KEHU_ROOT/$runner" ]]; then
        echo "$name: skipped ($runner does not exist yet)"
        return 0
    fi
    if ((stack_ok == 0)); then
        echo "$name: not run, the stack did not start"
        broken=1
        return 0
    fi
    out="$KEHU_VAR/log/suite-$name.out"
    # Debian's python3 explicitly: it has python3-selenium; another python3
    # may come first in PATH.
    timeout -k 10 "$limit" /usr/bin/python3 "$KEHU_ROOT/$runner" 2>&1 | tee "$out"
    rc=${PIPESTATUS[0]}
    last="$(grep -v '^[[:space:]]*$' "$out" | tail -n 1)"
    if [[ "$last" =~ :\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        p=${BASH_REMATCH[1]}
        f=${BASH_REMATCH[2]}
        if ((rc != 0 && f == 0)); then
            echo "$name: runner exited with status $rc although nothing failed; counted as one failure"
            f=1
            broken=1
        fi
        add "$p" "$f"
    else
        ((rc == 124)) && echo "$name: timed out after $limit s"
        echo "$name: runner ended (status $rc) without a summary line; counted as one failure"
        add 0 1
        broken=1
    fi
}

# --- 4. sanitizers -----------------------------------------------------------
suite_sanitizers() {
    local reports=() r
    echo "=== sanitizers"
    shopt -s nullglob
    reports=("$KEHU_VAR"/log/asan.* "$KEHU_VAR"/log/ubsan.*)
    # A report can also land on a program's stderr (UBSan's, when it aborts
    # under ASan's runtime), so the program logs are searched too.
    local log
    for log in "$KEHU_VAR"/log/*.log; do
        if grep -qE 'runtime error:|(Address|Leak|UndefinedBehavior)Sanitizer' "$log"; then
            reports+=("$log")
        fi
    done
    shopt -u nullglob
    if ((${#reports[@]} == 0)); then
        echo "sanitizers: 1 passed, 0 failed"
        add 1 0
        return 0
    fi
    for r in "${reports[@]}"; do
        echo "--- $r"
        cat "$r"
    done
    echo "sanitizers: 0 passed, 1 failed"
    add 0 1
}

# --- run -------------------------------------------------------------------
echo "test: stack in $KEHU_VAR, http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT/"
stack_ok=1
if ! stack start; then
    stack_ok=0
    broken=1
    # The failing step has printed its reason (and log tail) above.
    echo "test: the stack failed to start (KEHU_KEEP=1 keeps $KEHU_LOG_DIR)"
    echo "stack: 0 passed, 1 failed"
    add 0 1
fi

suite_unit
suite_python http tests/http/run.py 2400
suite_python browser tests/browser/run.py 1800

# Stopping the workers makes them exit, which is when LeakSanitizer writes.
echo "=== stopping the stack"
stack stop || broken=1
suite_sanitizers

echo "$total_pass passed, $total_fail failed"
if ((total_fail > 0 || broken)); then
    exit 1
fi
exit 0
