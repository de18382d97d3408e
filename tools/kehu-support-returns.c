/* kehu-support-returns: runs the support-plan return step of the analysis
 * batch on its own (schema/053, docs/analysis.md "Support-plan return").
 *
 *   kehu-support-returns [YYYY-MM-DD]   the day the results are for
 *                                       (default: today, China time)
 *
 * The nightly batch (tools/kehu-analyse.c) calls the same function; this
 * entry point serves tests and a manual run. Reads KEHU_DB_* like the
 * programs. Exit status: 0 done, 1 bad use, 2 a database error. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/clock.h"
#include "db/analysis_support.h"
#include "db/db.h"

int main(int argc, char **argv)
{
  char today[16];
  if (argc > 2 || (argc == 2 && (strlen(argv[1]) != 10 || argv[1][0] == '-'))) {
    fprintf(stderr, "usage: kehu-support-returns [YYYY-MM-DD]\n");
    return 1;
  }
  china_format("%Y-%m-%d", today, sizeof today);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  struct support_return_stats st;
  NEOERR *err = db_connect();
  if (!err) err = db_support_returns_compute(argc == 2 ? argv[1] : today, &st);
  if (err) {
    STRING s;
    string_init(&s);
    nerr_error_string(err, &s);
    fprintf(stderr, "kehu-support-returns: %s\n", s.buf ? s.buf : "error");
    string_clear(&s);
    nerr_ignore(&err);
    db_disconnect();
    return 2;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("support returns: %lld units in %.2f s\n", st.units,
         (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
  db_disconnect();
  return 0;
}
