#!/usr/bin/env bash
# The public submit under load: build/kehu-submit (bench/submit.c) at a
# fixed rate against the running stack, then the database check that every
# acknowledged tracking number is there, belongs to its form's token, and
# that nothing was registered twice.
#
#   KEHU_HTTP_PORT=8081 bench/submit.sh [rate] [seconds] [extra kehu-submit options]
#
# Each submission comes from its own loopback address (127.N.x.y), so the
# per-address limits (nginx 5 r/s burst 20; the program's 20 submissions
# per 10 minutes) stay as they are. --net N picks another 127.N range for
# a second run within 10 minutes.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"

rate=${1:-200}
secs=${2:-60}
shift 2 || true
acks=$(mktemp)
trap 'rm -f "$acks"' EXIT
sql() { "$KEHU_ROOT/scripts/db.sh" sql "$@"; }

start=$(sql -N -e "SELECT NOW()" "$KEHU_DB_NAME")
"$KEHU_BUILD/kehu-submit" --port "$KEHU_HTTP_PORT" --rate "$rate" --seconds "$secs" \
    --out "$acks" "$@" || echo "(kehu-submit reported errors)"
echo
echo "database check (complaints registered since $start):"
sql --local-infile=1 -t "$KEHU_DB_NAME" <<SQL
CREATE TEMPORARY TABLE ack (tracking_no VARCHAR(20) NOT NULL, idem CHAR(32) NOT NULL);
LOAD DATA LOCAL INFILE '$acks' INTO TABLE ack (tracking_no, idem);
CREATE TEMPORARY TABLE run AS
  SELECT id, tracking_no, idem_key, contact_phone, description FROM complaints
  WHERE received_at >= '$start' AND submit_ip LIKE '127.%' AND submit_ip <> '127.0.0.1';
SELECT
  (SELECT COUNT(*) FROM ack) AS acknowledged,
  (SELECT COUNT(DISTINCT tracking_no) FROM ack) AS distinct_numbers,
  (SELECT COUNT(*) FROM ack a LEFT JOIN complaints c
     ON c.tracking_no = a.tracking_no AND c.idem_key = a.idem WHERE c.id IS NULL) AS missing,
  (SELECT COUNT(*) FROM run) AS registered,
  (SELECT COUNT(*) FROM run r LEFT JOIN ack a ON a.idem = r.idem_key WHERE a.idem IS NULL)
    AS registered_unacknowledged,
  (SELECT COUNT(*) FROM (SELECT 1 FROM run GROUP BY contact_phone, description
     HAVING COUNT(*) > 1) d) AS duplicated;
SQL
