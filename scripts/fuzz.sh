#!/usr/bin/env bash
# kehu: body of `make fuzz`. Builds the libFuzzer harnesses of tests/fuzz/
# with clang-14 (installed here when missing: make test does not need it)
# into build-fuzz/, then runs each for FUZZ_SECONDS (default 60), starting
# from its seed corpus tests/fuzz/<target>/ plus what earlier runs found
# (build-fuzz/corpus/<target>/, not in git). A crash leaves its input in
# build-fuzz/crashes/<target>/ and makes the run fail; fix it and copy the
# input into tests/fuzz/<target>/ so make test replays it from then on.
# FUZZ_TARGETS="request csv" runs a subset.
set -uo pipefail

KEHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export KEHU_ROOT
cd "$KEHU_ROOT" || exit 1

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-request fields csv xlsx template}

missing=()
for pkg in clang-14 libclang-rt-14-dev; do
    status="$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)"
    [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "fuzz: installing ${missing[*]}"
    sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get -o DPkg::Lock::Timeout=600 install -y "${missing[@]}" || exit 1
fi

make --no-print-directory FUZZ=1 fuzzers || exit 1

# The harnesses' own sanitizer settings: a report stops the run with the
# input saved; leaks count (a worker lives for many requests).
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$KEHU_ROOT/tests/lsan.supp"

failed=0
summary=()
for t in $targets; do
    corpus="build-fuzz/corpus/$t" crashes="build-fuzz/crashes/$t"
    mkdir -p "$corpus" "$crashes"
    log="build-fuzz/$t.log"
    echo "=== fuzz $t (${seconds} s)"
    "build-fuzz/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$crashes/" \
        "$corpus" "tests/fuzz/$t" >"$log" 2>&1
    rc=$?
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    found="$(find "$crashes" -type f | wc -l)"
    tail -n 3 "$log"
    if ((rc != 0 || found > 0)); then
        failed=1
        summary+=("$t: ${execs:-?} executions, FAILED (status $rc, $found inputs in $crashes, log $log)")
    else
        summary+=("$t: ${execs:-?} executions, no crash")
    fi
done
echo "=== fuzz summary (${seconds} s each)"
printf '%s\n' "${summary[@]}"
exit "$failed"
