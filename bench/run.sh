#!/usr/bin/env bash
# kehu benchmarks: wrk against the running stack, each page side by side
# with the hello-world FastCGI ceiling (bench/hello.c) measured in the same
# run, so the ratios hold on a noisy machine.
#
#   KEHU_BENCH=1 make run        # the stack, with hello.fcgi started too
#   bench/run.sh [seconds] [connections]
#
# Prints a Markdown table: req/s, p50 and p99 latency, and req/s as a share
# of hello. Pages are fetched signed in as staff01 (one session check and the
# page's own queries per request).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

secs=${1:-10}
conns=${2:-16}
base="http://$KEHU_HTTP_HOST:$KEHU_HTTP_PORT"
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

command -v wrk >/dev/null || kehu_die "wrk is not installed (make deps)"
code=$(curl -s -o /dev/null -w '%{http_code}' "$base/bench/hello")
[[ $code == 200 ]] || kehu_die "/bench/hello answers $code: start the stack with KEHU_BENCH=1"

# Sign in once; every scenario reuses the session cookie.
csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -b "$jar" -c "$jar" -o /dev/null \
    --data-urlencode "_csrf=$csrf" --data-urlencode "username=staff01" \
    --data-urlencode "password=$KEHU_DEMO_PASSWORD" "$base/login"
session=$(awk '$6 == "kehu_session" { print $7 }' "$jar")
[[ -n $session ]] || kehu_die "could not sign in as staff01"

some_id=$("$KEHU_ROOT/scripts/db.sh" sql -N -e "SELECT MAX(id) DIV 2 FROM customers" "$KEHU_DB_NAME")
last_page=$("$KEHU_ROOT/scripts/db.sh" sql -N -e "SELECT GREATEST(1, LEAST(500, COUNT(*) DIV 20)) FROM customers WHERE status='active'" "$KEHU_DB_NAME")

# "anon:" scenarios are fetched without the session cookie.
scenarios=(
    "hello-world FastCGI|anon:/bench/hello"
    "sign-in page (no session)|anon:/login"
    "customer list, page 1|/customers"
    "customer list, page $last_page|/customers?page=$last_page"
    "search, 2-char Chinese fragment|/customers?q=%E5%8D%8E%E4%B8%9C"
    "search, common 1-char fragment|/customers?q=%E5%8D%8E"
    "customer file|/customers/$some_id"
)

run_one() {
    local path=$1 out cookie=(-H "Cookie: kehu_session=$session")
    if [[ $path == anon:* ]]; then
        path=${path#anon:}
        cookie=()
    fi
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "${cookie[@]}" "$base$path")
    local rps p50 p99 non2xx
    rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $4 }' <<<"$out")
    printf '%s %s %s %s\n' "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "wrk -t2 -c$conns -d${secs}s, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| page | req/s | p50 | p99 | share of hello | non-2xx |"
echo "|---|---|---|---|---|---|"
hello=
for s in "${scenarios[@]}"; do
    name=${s%%|*}
    path=${s#*|}
    read -r rps p50 p99 bad < <(run_one "$path")
    [[ -n $hello ]] || hello=$rps
    share=$(awk -v a="$rps" -v b="$hello" 'BEGIN { printf "%.2f", a / b }')
    echo "| $name | $rps | $p50 | $p99 | $share | $bad |"
done
