#!/usr/bin/env bash
# kehu benchmarks: the dealer dashboard's volume (issue 6): about 5,000
# active dealers in the largest region (华东) and about 10,000,000 order
# lines in the whole database, in a stack of its own.
#
#   bench/dashboard-volume.sh [start|stop] [customers] [orders-per-customer]
#
# Defaults: 49,000 customers (35% dealers, 30% of them in 华东) and 125
# orders per buying customer (2.7 lines an order). Data in
# $KEHU_BENCH_VAR (default ./var-bench), nginx on $KEHU_BENCH_PORT (8096),
# hello.fcgi started (KEHU_BENCH=1). Then:
#   KEHU_VAR=$PWD/var-bench KEHU_HTTP_PORT=8096 BENCH_SET=dashboard bench/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
unset KEHU_DB_SOCKET KEHU_LOG_DIR KEHU_DB_PASS
export KEHU_VAR="${KEHU_BENCH_VAR:-$root/var-bench}"
export KEHU_HTTP_PORT="${KEHU_BENCH_PORT:-8096}"
export KEHU_BENCH=1
export KEHU_BUILD="${KEHU_BUILD:-$root/build}"
customers="${2:-49000}"
opc="${3:-125}"
# shellcheck source=scripts/env.sh
. "$root/scripts/env.sh"

case "${1:-start}" in
    start)
        [[ -x "$KEHU_BUILD/kehu-gen" ]] || { echo "dashboard-volume: build first (make all)" >&2; exit 1; }
        mkdir -p "$KEHU_VAR"
        chmod 0755 "$KEHU_VAR"
        t0=$SECONDS
        "$root/scripts/db.sh" start
        . "$root/scripts/env.sh"   # the application password now exists
        "$root/scripts/migrate.sh"
        users=$("$root/scripts/db.sh" sql -N -e "SELECT COUNT(*) FROM users" "$KEHU_DB_NAME")
        if [[ $users == 0 ]]; then
            # scripts/seed.sh has no orders-per-customer setting: load here.
            out="$KEHU_VAR/seed"
            rm -rf "$out"
            "$KEHU_BUILD/kehu-gen" --out "$out" --customers "$customers" \
                --orders-per-customer "$opc" --demo-password "$KEHU_DEMO_PASSWORD"
            (cd "$out" && "$root/scripts/db.sh" sql --local-infile=1 "$KEHU_DB_NAME" <load.sql)
            "$root/scripts/db.sh" sql "$KEHU_DB_NAME" <"$root/scripts/reindex.sql"
            rm -rf "$out"
        fi
        "$root/scripts/stack.sh" start
        echo "dashboard-volume: ready after $((SECONDS - t0)) s on http://127.0.0.1:$KEHU_HTTP_PORT/"
        "$root/scripts/db.sh" sql -N -e "SELECT 'order_lines', COUNT(*) FROM order_lines
            UNION ALL SELECT 'active dealers, largest region', MAX(n) FROM
              (SELECT COUNT(*) n FROM customers WHERE kind = 'dealer' AND status = 'active'
               GROUP BY region_id) t" "$KEHU_DB_NAME"
        ;;
    stop)
        "$root/scripts/stack.sh" stop
        ;;
    *)
        echo "usage: $0 [start|stop] [customers] [orders-per-customer]" >&2
        exit 2
        ;;
esac
