#!/usr/bin/env bash
# kehu benchmarks: a separate stack with the issue's volume (1,000,000
# customers, ~3,000,000 key people, ~10,000,000 order lines), beside the
# demo stack and never touching it.
#
#   bench/load-volume.sh [start|stop|status] [customers]
#
# start: creates $KEHU_VAR (default ./var-bench), starts MariaDB, applies the
# migrations, generates the data with build/kehu-gen, loads it, rebuilds the
# search index (scripts/reindex.sql, via scripts/seed.sh), then starts the
# programs and nginx on port 8090 with hello.fcgi (KEHU_BENCH=1). Loading
# takes a few minutes the first time; later starts reuse the data.
# Then: KEHU_VAR=$PWD/var-bench KEHU_HTTP_PORT=8090 bench/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
# Everything derived from KEHU_VAR must follow the bench directory, not a
# value the caller's shell inherited from the demo stack.
unset KEHU_DB_SOCKET KEHU_LOG_DIR KEHU_DB_PASS
export KEHU_VAR="${KEHU_BENCH_VAR:-$root/var-bench}"
export KEHU_HTTP_PORT="${KEHU_BENCH_PORT:-8090}"
export KEHU_BENCH=1
export KEHU_DEMO_CUSTOMERS="${2:-1000000}"
export KEHU_BUILD="${KEHU_BUILD:-$root/build}"

case "${1:-start}" in
    start)
        [[ -x "$KEHU_BUILD/kehu-gen" ]] || { echo "load-volume: build first (make all)" >&2; exit 1; }
        mkdir -p "$KEHU_VAR"
        chmod 0755 "$KEHU_VAR"
        t0=$SECONDS
        "$root/scripts/stack.sh" start
        # The generated TSV files are only needed for the load.
        rm -rf "$KEHU_VAR/seed"
        echo "load-volume: ready after $((SECONDS - t0)) s on http://127.0.0.1:$KEHU_HTTP_PORT/"
        "$root/scripts/db.sh" sql -N -e "SELECT 'customers', COUNT(*) FROM customers
            UNION ALL SELECT 'customer_search', COUNT(*) FROM customer_search
            UNION ALL SELECT 'customer_contacts', COUNT(*) FROM customer_contacts
            UNION ALL SELECT 'order_lines', COUNT(*) FROM order_lines" kehu
        ;;
    stop | status)
        "$root/scripts/stack.sh" "$1"
        ;;
    *)
        echo "usage: $0 [start|stop|status] [customers]" >&2
        exit 2
        ;;
esac
