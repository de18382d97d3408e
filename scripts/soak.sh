#!/usr/bin/env bash
# kehu: faults under a steady write load (`make soak`; make test runs a
# short one). A throwaway stack like make test's (scripts/throwaway.sh),
# with MariaDB's data directory and $KEHU_VAR/files each on a small tmpfs so
# that the disk can be filled; then tests/soak/soak.py; then the sanitizer
# logs. SOAK_SECONDS (default 600) is how long the load runs; the faults
# repeat until then. The last line is "soak: N passed, M failed".
#
# Mounting needs root (CAP_SYS_ADMIN). Without it the disk-full fault is
# skipped and says so; everything else runs.
set -uo pipefail

KEHU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export KEHU_ROOT
cd "$KEHU_ROOT" || exit 1

# shellcheck source=scripts/throwaway.sh
. "$KEHU_ROOT/scripts/throwaway.sh"

mounts=()
# shellcheck disable=SC2317 # invoked by the EXIT trap
cleanup() {
    local m
    [[ -n "${KEHU_VAR:-}" ]] || return 0
    "$KEHU_ROOT/scripts/stack.sh" stop >/dev/null 2>&1
    for m in "${mounts[@]}"; do
        umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null
    done
    throwaway_remove
}
trap cleanup EXIT
trap 'exit 130' INT TERM
throwaway_setup kehu-soak || exit 1

# Every submission comes from its own loopback address, but retries of one
# come from the same: the per-address submission limit is not what this
# measures. A small buffer pool: the data set is the demo's.
export KEHU_PUBLIC_SUBMIT_LIMIT=1000000
export KEHU_DB_BUFFER_POOL=128M
export SOAK_SECONDS=${SOAK_SECONDS:-600}

# The demo data takes ~150 MB with InnoDB's redo log; SOAK_DB_FS leaves room
# for the load's rows before the fault fills the rest.
small_fs() {
    local dir=$1 size=$2
    mkdir -p "$dir"
    if mount -t tmpfs -o "size=$size,mode=0750" tmpfs "$dir" 2>/dev/null; then
        mounts+=("$dir")
        return 0
    fi
    return 1
}
export SOAK_DISK=0
if small_fs "$KEHU_VAR/mysql" "${SOAK_DB_FS:-400m}" && small_fs "$KEHU_VAR/files" 16m; then
    SOAK_DISK=1
else
    echo "soak: cannot mount a tmpfs here (not root?); the disk-full fault is skipped"
fi

echo "soak: stack in $KEHU_VAR, http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT/, $SOAK_SECONDS s"
if ! "$KEHU_ROOT/scripts/stack.sh" start >"$KEHU_LOG_DIR/stack-start.out" 2>&1; then
    cat "$KEHU_LOG_DIR/stack-start.out"
    echo "soak: the stack did not start"
    echo "soak: 0 passed, 1 failed"
    exit 1
fi

/usr/bin/python3 "$KEHU_ROOT/tests/soak/soak.py" | tee "$KEHU_LOG_DIR/soak.out"
rc=${PIPESTATUS[0]}

# Stopping the workers makes them exit, which is when LeakSanitizer writes.
"$KEHU_ROOT/scripts/stack.sh" stop >/dev/null 2>&1
mapfile -t reports < <(throwaway_reports)
for r in "${reports[@]}"; do
    echo "--- $r"
    cat "$r"
done
if ((rc == 0 && ${#reports[@]} == 0)); then
    echo "soak: 1 passed, 0 failed"
    exit 0
fi
((${#reports[@]} == 0)) || echo "soak: sanitizer reports above"
echo "soak: 0 passed, 1 failed"
exit 1
