#!/usr/bin/env bash
# kehu benchmarks: one large export, its time and the worker's memory.
#
#   KEHU_VAR=$PWD/var-bench KEHU_HTTP_PORT=8090 bench/export.sh [query] [format]
#
# Default query "class=A" (~120,000 rows at 1,000,000 customers), formats csv and
# xlsx. Prints rows, bytes, seconds, and the largest resident set of any
# customers.fcgi worker sampled every 20 ms during the download (and its
# RSS before), so flat memory shows as a small difference.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

query=${1:-class=A}
formats=${2:-csv xlsx}
base="http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT"
jar=$(mktemp)
out=$(mktemp)
trap 'rm -f "$jar" "$out"' EXIT
csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" \
    --data-urlencode "username=staff01" --data-urlencode "password=$KEHU_DEMO_PASSWORD" "$base/login"

sup=$(<"$KEHU_VAR/run/customers.pid")
workers() { awk -v p="$sup" '$4 == p { print $1 }' /proc/[0-9]*/stat 2>/dev/null; }
rss_max() { # largest VmRSS (kB) among the workers now
    local w m=0 v
    for w in $(workers); do
        v=$(awk '/^VmRSS/ { print $2 }' "/proc/$w/status" 2>/dev/null || echo 0)
        ((v > m)) && m=$v
    done
    echo "$m"
}

echo "| export | rows | bytes | seconds | worker RSS before | peak during |"
echo "|---|---|---|---|---|---|"
for fmt in $formats; do
    before=$(rss_max)
    peak_file=$(mktemp)
    (peak=0; while :; do v=$(rss_max); ((v > peak)) && { peak=$v; echo "$peak" >"$peak_file"; }; sleep 0.02; done) &
    sampler=$!
    t0=$(date +%s.%N)
    curl -s -b "$jar" -o "$out" "$base/customers/export.$fmt?$query"
    t1=$(date +%s.%N)
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
    peak=$(<"$peak_file"); rm -f "$peak_file"
    if [[ $fmt == csv ]]; then
        rows=$(($(wc -l <"$out") - 1))
    else
        rows=$(/usr/bin/python3 -c "
import sys, zipfile, re
x = zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml')
print(len(re.findall(rb'<row ', x)) - 1)" "$out")
    fi
    echo "| $fmt ?$query | $rows | $(stat -c %s "$out") | $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') | $((before / 1024)) MB | $((peak / 1024)) MB |"
done
