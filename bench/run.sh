#!/usr/bin/env bash
# kehu benchmarks: wrk against the running stack, each page side by side
# with the hello-world FastCGI ceiling (bench/hello.c) measured in the same
# run, so the ratios hold on a noisy machine.
#
#   KEHU_BENCH=1 make run        # the demo stack, with hello.fcgi started too
#   bench/run.sh [seconds] [connections]
#
#   bench/load-volume.sh         # or the 1,000,000-customer stack on :8090
#   KEHU_VAR=$PWD/var-bench KEHU_HTTP_PORT=8090 bench/run.sh
#
# Prints a Markdown table: req/s, p50 and p99 latency, and req/s as a share
# of hello. Pages are fetched signed in as staff01 (sees every region; one
# session check and the page's own queries per request), the "RM" rows as
# rm_huadong (regional manager, one region). Search texts can be changed
# with BENCH_COMMON (a fragment in many names), BENCH_CITY, BENCH_RARE.
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

# Sign in once per user; every scenario reuses the session cookie.
sign_in() {
    local user=$1 csrf
    rm -f "$jar"
    csrf=$(curl -s -c "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    curl -s -b "$jar" -c "$jar" -o /dev/null \
        --data-urlencode "_csrf=$csrf" --data-urlencode "username=$user" \
        --data-urlencode "password=$KEHU_DEMO_PASSWORD" "$base/login"
    awk '$6 == "kehu_session" { print $7 }' "$jar"
}
staff=$(sign_in staff01)
[[ -n $staff ]] || kehu_die "could not sign in as staff01"
rm=$(sign_in rm_huadong)
[[ -n $rm ]] || kehu_die "could not sign in as rm_huadong"

sql() { "$KEHU_ROOT/scripts/db.sh" sql -N -e "$1" "$KEHU_DB_NAME"; }
urlenc() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n' | sed 's/../%&/g'; }
some_id=$(sql "SELECT MAX(id) DIV 2 FROM customers")
active=$(sql "SELECT COUNT(*) FROM (SELECT 1 FROM customers WHERE status='active' LIMIT 10000) t")
deep=$((active / 20))
((deep >= 1)) || deep=1
common=$(urlenc "${BENCH_COMMON:-电器}")
city=$(urlenc "${BENCH_CITY:-长沙}")
rare=$(urlenc "${BENCH_RARE:-鑫旺}")
region=$(sql "SELECT id FROM regions WHERE code = 'huanan'")
code=$(sql "SELECT LEFT(code, 6) FROM customers ORDER BY id DESC LIMIT 1")

# "anon:" scenarios are fetched without a session, "rm:" as rm_huadong.
scenarios=(
    "hello-world FastCGI|anon:/bench/hello"
    "sign-in page (no session)|anon:/login"
    "customer list, page 1|/customers"
    "customer list, page $deep|/customers?page=$deep"
    "search, 2-char fragment in many names (${BENCH_COMMON:-电器})|/customers?q=$common"
    "search, 2-char city (${BENCH_CITY:-长沙})|/customers?q=$city"
    "search, 2-char fragment in few names (${BENCH_RARE:-鑫旺})|/customers?q=$rare"
    "search, code prefix ($code)|/customers?q=$code"
    "filter: class A|/customers?class=A"
    "filter: region + lifecycle|/customers?region=$region&stage=loyal"
    "sorted by name, page 1|/customers?sort=name"
    "sorted by last purchase, page $deep|/customers?sort=purchase&dir=desc&page=$deep"
    "RM: own region, page 1|rm:/customers"
    "RM: own region, page $deep|rm:/customers?page=$deep"
    "RM: search ${BENCH_COMMON:-电器}|rm:/customers?q=$common"
    "customer file|/customers/$some_id"
)

# --- complaints (issue 5): BENCH_SET=complaints runs the staff queue and the
# complaint page instead, on a database loaded with complaints (see README).
if [[ ${BENCH_SET:-customers} == complaints ]]; then
    rm2=$(sign_in rm_central)
    [[ -n $rm2 ]] || kehu_die "could not sign in as rm_central"
    complaint=$(sql "SELECT MAX(id) DIV 2 FROM complaints")
    product=$(sql "SELECT product_id FROM complaints WHERE product_id IS NOT NULL ORDER BY id DESC LIMIT 1")
    scenarios=(
        "hello-world FastCGI|anon:/bench/hello"
        "queue: open, newest first (default)|/complaints"
        "queue: page 50|/complaints?page=50"
        "queue: step 3|/complaints?step=3"
        "queue: overdue|/complaints?overdue=1"
        "queue: assignee staff01|/complaints?assignee=mine"
        "queue: oldest due first|/complaints?sort=oldest"
        "RM (one region): queue|rm:/complaints"
        "RM (one region): page 50|rm:/complaints?page=50"
        "RM (two regions): queue|rm2:/complaints"
        "RM (two regions): overdue|rm2:/complaints?overdue=1"
        "queue: a product, page 3|/complaints?product=$product&page=3"
        "complaint page|/complaints/$complaint"
        "customer list (nav count added), page 1|/customers"
    )
fi

# --- dealer dashboard (issue 6): BENCH_SET=dashboard, on the database of
# bench/dashboard-volume.sh (about 5,000 active dealers in 华东, about
# 10,000,000 order lines).
if [[ ${BENCH_SET:-customers} == dashboard ]]; then
    rm2=$(sign_in rm_central)
    [[ -n $rm2 ]] || kehu_die "could not sign in as rm_central"
    scenarios=(
        "hello-world FastCGI|anon:/bench/hello"
        "RM 华东: dashboard (sales this year, desc)|rm:/dashboard"
        "RM 华东: sorted by growth, page 50|rm:/dashboard?sort=growth&dir=asc&page=50"
        "RM 华东: sorted by name, page 100|rm:/dashboard?sort=name&dir=asc&page=100"
        "RM 华东: sorted by last contact|rm:/dashboard?sort=contact"
        "RM (two regions): all of theirs|rm2:/dashboard"
        "staff: all regions|/dashboard"
        "staff: 华东|/dashboard?region=1"
    )
fi

# --- orders and money received (issue 15): BENCH_SET=money, on any volume
# database: the customer with the most due items (the largest payments tab
# and statement), one of its orders, the list's over-credit-limit filter.
if [[ ${BENCH_SET:-customers} == money ]]; then
    payer=$(sql "SELECT customer_id FROM payments GROUP BY customer_id ORDER BY COUNT(*) DESC LIMIT 1")
    order=$(sql "SELECT id FROM orders WHERE customer_id = $payer ORDER BY id DESC LIMIT 1")
    year=$(date +%Y)
    scenarios=(
        "hello-world FastCGI|anon:/bench/hello"
        "customer file, basic information (for comparison)|/customers/$payer"
        "customer file, payments tab ($(sql "SELECT COUNT(*) FROM payments WHERE customer_id = $payer") items)|/customers/$payer?tab=payments"
        "statement, two years|/customers/$payer/statement?from=$((year - 1))-01-01&to=$year-12-31"
        "statement, two years, XLSX|/customers/$payer/statement.xlsx?from=$((year - 1))-01-01&to=$year-12-31"
        "an order's page|/customers/$payer/orders/edit?order=$order"
        "new order form|/customers/$payer/orders/new"
        "list: over credit limit|/customers?over_limit=1"
        "RM: list over credit limit|rm:/customers?over_limit=1"
    )
fi

# --- customer analysis (issue 17): BENCH_SET=analysis, on a volume database
# after a kehu-analyse run: every report page from stored results, as staff
# (all regions, the region-0 sums) and as managers of one and two regions.
if [[ ${BENCH_SET:-customers} == analysis ]]; then
    rm2=$(sign_in rm_central)
    [[ -n $rm2 ]] || kehu_die "could not sign in as rm_central"
    watch_last=$(sql "SELECT COALESCE(MAX(watch_rank), 1) FROM customer_analysis")
    profit_last=$(sql "SELECT COALESCE(MAX(profit_rank), 1) FROM customer_analysis")
    scenarios=(
        "hello-world FastCGI|anon:/bench/hello"
        "Pareto view|/analysis"
        "report: by region (default period)|/analysis/report"
        "report: by product|/analysis/report?dim=product"
        "report: by salesperson, quarter|/analysis/report?dim=owner&kind=quarter"
        "watch list, page 1|/analysis/watch"
        "watch list, last page (seek)|/analysis/watch?after=$((watch_last - 10))"
        "profit ranking + tenths|/analysis/profit"
        "profit, worst tail (seek)|/analysis/profit?after=$((profit_last - 10))"
        "churn and lifetime value|/analysis/churn"
        "wake-up list|/analysis/wake"
        "RM 华东: Pareto view|rm:/analysis"
        "RM 华东: report by product|rm:/analysis/report?dim=product"
        "RM (two regions): profit tenths|rm2:/analysis/profit"
        "RM (two regions): watch list|rm2:/analysis/watch"
    )
fi

run_one() {
    local path=$1 out cookie=(-H "Cookie: kehu_session=$staff")
    if [[ $path == rm2:* ]]; then
        path=${path#rm2:}
        cookie=(-H "Cookie: kehu_session=$rm2")
    elif [[ $path == anon:* ]]; then
        path=${path#anon:}
        cookie=()
    elif [[ $path == rm:* ]]; then
        path=${path#rm:}
        cookie=(-H "Cookie: kehu_session=$rm")
    fi
    # One request first: per-process caches (the capped count, deep-page
    # anchors) and the buffer pool are warm, as they are for a user.
    curl -s -o /dev/null "${cookie[@]}" "$base$path" || true
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "${cookie[@]}" "$base$path")
    local rps p50 p99 non2xx
    rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
    p50=$(awk '$1 == "50%" { print $2 }' <<<"$out")
    p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
    non2xx=$(awk '/Non-2xx/ { print $4 }' <<<"$out")
    printf '%s %s %s %s\n' "$rps" "$p50" "$p99" "${non2xx:-0}"
}

echo "wrk -t2 -c$conns -d${secs}s, $(nproc) cores, $(date -u +%Y-%m-%d), $(sql "SELECT COUNT(*) FROM customers") customers"
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
