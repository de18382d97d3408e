/* kehu-sla: the one-off run that brings complaints written without the
 * business-hour clocks up to date (schema/042, docs/sla-clock.md).
 *
 *   kehu-sla backfill   every complaint lacking a due time or the business
 *                       minutes of a first response or resolution that
 *                       happened, or waiting at step 5 with no pause
 *                       started, gets them from the calendar now stored,
 *                       one row per transaction (db_complaint_clock, the
 *                       programs' own code). Rows from before migration 042
 *                       and rows loaded by LOAD DATA (the demo data) are
 *                       such rows; afterwards the programs keep them.
 *
 * scripts/stack.sh runs it on every start, after the migrations and the
 * demo data; a second run finds nothing to do. Reads KEHU_DB_* like the
 * programs. Exit status: 0 done, 2 a database error. */
#include <stdio.h>
#include <string.h>

#include "db/complaint_clock.h"
#include "db/db.h"
#include "db/workcal.h"

static DB_STMT todo = DB_STMT_INIT(
    "SELECT id FROM complaints WHERE id > ? AND (first_response_due IS NULL"
    " OR resolution_due IS NULL"
    " OR (first_response_at IS NOT NULL AND first_response_bmin IS NULL)"
    " OR (resolved_at IS NOT NULL AND resolution_bmin IS NULL)"
    " OR (status = 'open' AND step = 5 AND waiting_since IS NULL))"
    " ORDER BY id LIMIT 500");

static int report(NEOERR *err)
{
  STRING s;
  string_init(&s);
  nerr_error_string(err, &s);
  fprintf(stderr, "kehu-sla: %s\n", s.buf ? s.buf : "error");
  string_clear(&s);
  nerr_ignore(&err);
  db_rollback();
  db_disconnect();
  return 2;
}

static int backfill(void)
{
  long long last = 0, done = 0, ids[500];
  NEOERR *err = db_connect();
  if (err) return report(err);
  for (;;) {
    int n = 0, more;
    if ((err = db_exec(&todo, "i", last))) return report(err);
    while (!(err = db_next(&todo, &more)) && more) ids[n++] = db_int(&todo, 0);
    db_done(&todo);
    if (err) return report(err);
    if (!n) break;
    for (int i = 0; i < n; i++) {
      if ((err = db_begin()) || (err = db_complaint_clock(ids[i])) || (err = db_commit()))
        return report(err);
    }
    done += n;
    last = ids[n - 1];
  }
  if (done) printf("kehu-sla: %lld complaints given business-hour clocks\n", done);
  db_disconnect();
  return 0;
}

int main(int argc, char **argv)
{
  if (argc == 2 && strcmp(argv[1], "backfill") == 0) return backfill();
  fprintf(stderr, "usage: kehu-sla backfill\n");
  return 2;
}
