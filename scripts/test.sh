#!/usr/bin/env bash
# kehu: body of `make test`. The Makefile has already built everything with
# sanitizers (SAN=1) into build-asan/. This runs a throwaway stack in a
# temporary directory on a free port, then the suites:
#   1. unit        every build-asan/tests/test_* (cmocka)
#   2. http        tests/http/run.py
#   3. browser     tests/browser/run.py
#   4. sanitizers  no ASan/UBSan/LSan report was written by any process
#   5. soak        scripts/soak.sh on a stack of its own, SOAK_SECONDS=75:
#                  each fault once under a write load (see make soak)
# Each suite ends with "<suite>: N passed, M failed"; the last line of the
# output is "N passed, M failed" (the sums). Exit status 1 if anything
# failed or a suite could not run. KEHU_KEEP=1 keeps the temp directory.
#
# No `set -e`: a failing suite must not stop the others.
set -uo pipefail

KEHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export KEHU_ROOT
cd "$KEHU_ROOT" || exit 1

# shellcheck source=scripts/throwaway.sh
. "$KEHU_ROOT/scripts/throwaway.sh"
trap throwaway_remove EXIT
trap 'exit 130' INT TERM
throwaway_setup kehu-test || exit 1
stack() { "$KEHU_ROOT/scripts/stack.sh" "$@"; }
# cmocka's plain format, whatever the caller's environment says.
export CMOCKA_MESSAGE_OUTPUT=STDOUT


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
    mapfile -t reports < <(throwaway_reports)
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

# --- 5. soak ------------------------------------------------------------------
# Its own stack (small filesystems under the database), started after this
# one stopped; it prints its figures and "soak: N passed, M failed".
suite_soak() {
    local out="$KEHU_VAR/log/suite-soak.out" rc last
    echo "=== soak"
    SOAK_SECONDS=${SOAK_SECONDS:-75} timeout -k 10 900 "$KEHU_ROOT/scripts/soak.sh" 2>&1 | tee "$out"
    rc=${PIPESTATUS[0]}
    last="$(grep -v '^[[:space:]]*$' "$out" | tail -n 1)"
    if [[ "$last" =~ ^soak:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        add "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
    else
        echo "soak: ended (status $rc) without a summary line; counted as one failure"
        add 0 1
        broken=1
    fi
}
suite_soak

echo "$total_pass passed, $total_fail failed"
if ((total_fail > 0 || broken)); then
    exit 1
fi
exit 0
