/* kehu-analyse: the customer-analysis batch (issue 17, docs/analysis.md
 * "## The batch"). Recomputes every class, score and list from the
 * history and stores what the pages read (customer_analysis,
 * analysis_cells, customers.abc_class and .lifecycle).
 *
 *   kehu-analyse --once [--reason manual|import|settings|nightly]
 *                [--as-of YYYY-MM-DD]
 *       one full run now (default reason manual, as_of yesterday in China
 *       time: the last whole day); exit 0 done, 1 failed, 3 another run
 *       holds the lock
 *   kehu-analyse --serve
 *       the runner, under the programs' supervisor (scripts/fcgi.sh): takes
 *       requested runs oldest first (polling every KEHU_ANALYSE_POLL
 *       seconds, default 5) and starts a nightly run once a day from
 *       analysis_settings.run_at
 *
 * One run at a time: a GET_LOCK held for the run. A run that fails is
 * marked failed with its error; what the pages read stays as the last run
 * left it (docs/analysis.md says which phases write what). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/analysis_cells.h"
#include "core/analysis_run.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/log.h"
#include "db/analysis_batch.h"
#include "db/analysis_settings.h"
#include "db/analysis_support.h"
#include "db/db.h"

static volatile sig_atomic_t stopping;

static void on_term(int sig)
{
  (void)sig;
  stopping = 1;
}

static double now_s(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static long peak_kb(void)
{
  FILE *f = fopen("/proc/self/status", "r");
  char line[256];
  long kb = 0;
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, "VmHWM:", 6) == 0) kb = atol(line + 6);
  if (f) fclose(f);
  return kb;
}

/* Yesterday in China: the last day whose history is complete. */
static int32_t default_as_of(void)
{
  struct tm t = china_now();
  return cell_day(t.tm_year + 1900, t.tm_mon + 1, t.tm_mday) - 1;
}

static int parse_day(const char *s, int32_t *day)
{
  int y, m, d;
  char tail;
  if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  *day = cell_day(y, m, d);
  int y2, m2, d2;
  cell_ymd(*day, &y2, &m2, &d2);
  return y2 == y && m2 == m && d2 == d;
}

static void format_day(int32_t day, char out[16])
{
  int y, m, d;
  cell_ymd(day, &y, &m, &d);
  snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

struct phases { double read, compute, rows, classes, support, cells, wake; };

/* The run itself, after the lock and the run row. */
static NEOERR *analyse(int32_t as_of, unsigned long long run_id, unsigned long long *customers,
                       unsigned long long *lines, struct phases *ph)
{
  struct ar_history h;
  ar_history_init(&h);
  h.as_of = as_of;
  struct ar_output out;
  memset(&out, 0, sizeof out);
  struct db_batch *b = NULL;
  unsigned long long written = 0, changed = 0;
  double t = now_s();
  NEOERR *err = db_analysis_config_fresh(&h.cfg);
  if (!err) err = db_batch_open(&b);
  if (!err) err = db_batch_read(b, &h, lines);
  ph->read = now_s() - t;
  t = now_s();
  const char *why = NULL;
  if (!err && !ar_compute(&h, &out, &why)) err = nerr_raise(NERR_ASSERT, "%s", why);
  ph->compute = now_s() - t;
  t = now_s();
  if (!err) err = db_batch_write_rows(b, &h, &out, run_id, &written);
  ph->rows = now_s() - t;
  t = now_s();
  if (!err) err = db_batch_apply_classes(b, &h, &changed);
  ph->classes = now_s() - t;
  t = now_s();
  /* Support-plan returns compare dealers of one class: after the classes
   * (docs/analysis.md, "Support-plan return"). Their tables are their
   * own: a failure is logged and leaves the last run's rows, without
   * failing the run whose results are written. */
  struct support_return_stats sr = { 0 };
  if (!err) {
    NEOERR *serr = db_support_returns_compute(b, &h, &sr);
    if (serr) log_error(&serr, "support returns");
    else log_msg("info", "support returns: %lld units in %.3f s", sr.units, now_s() - t);
  }
  ph->support = now_s() - t;
  t = now_s();
  if (!err) err = db_batch_write_cells(b, &out.cells);
  ph->cells = now_s() - t;
  t = now_s();
  if (!err) err = db_batch_wake(b, &out);
  ph->wake = now_s() - t;
  if (!err)
    log_msg("info",
            "run %llu: %zu customers, %llu order lines (%zu kept), %llu rows written, %llu customers"
            " changed class or stage, %lld support units, %zu cells, %zu woke; read %.1f s, compute"
            " %.1f s, rows %.1f s, classes %.1f s, support %.1f s, cells %.1f s, wake %.1f s; peak"
            " memory %ld MB",
            run_id, h.customers.n, *lines, h.lines.n, written, changed, sr.units, out.cells.n,
            out.n_woke, ph->read, ph->compute, ph->rows, ph->classes, ph->support, ph->cells,
            ph->wake, peak_kb() / 1024);
  *customers = h.customers.n;
  db_batch_close(&b);
  ar_output_free(&out);
  ar_history_free(&h);
  return nerr_pass(err);
}

/* One run under the lock: 0 done, 1 failed, 3 busy, 2 none waited
 * (take_request and no request). */
static int run_once(int take_request, const char *reason, int32_t as_of)
{
  int got;
  NEOERR *err = db_batch_lock(&got);
  if (err) {
    log_error(&err, "analysis lock");
    return 1;
  }
  if (!got) return 3;
  char day[16];
  format_day(as_of, day);
  unsigned long long id = 0, customers = 0, lines = 0;
  char taken[16];
  err = db_batch_run_start(take_request, reason, day, &id, taken, sizeof taken);
  if (!err && !id) {
    db_batch_unlock();
    return 2;
  }
  double t0 = now_s();
  struct phases ph;
  memset(&ph, 0, sizeof ph);
  if (!err) {
    log_msg("info", "run %llu (%s%s) as of %s started", id, taken,
            take_request ? ", requested" : "", day);
    err = analyse(as_of, id, &customers, &lines, &ph);
  }
  int rc = 0;
  double secs = now_s() - t0;
  if (err && id) {
    char msg[256];
    snprintf(msg, sizeof msg, "%s", err_reason(err));
    NEOERR *mark = db_batch_run_failed(id, msg, secs);
    if (mark) log_error(&mark, "analysis run");
  } else if (!err) {
    err = db_batch_run_done(id, customers, lines, secs);
  }
  if (err) {
    log_error(&err, "analysis run");
    rc = 1;
  } else {
    log_msg("info", "run %llu done in %.1f s", id, secs);
  }
  db_batch_unlock();
  return rc;
}

static int serve(void)
{
  struct sigaction sa = { .sa_handler = on_term };
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  const char *p = getenv("KEHU_ANALYSE_POLL");
  int poll_s = p && atoi(p) > 0 ? atoi(p) : 5;
  /* Test stacks turn the nightly run off (KEHU_ANALYSE_NIGHTLY=0): their
   * runs are the ones the tests ask for. */
  const char *nv = getenv("KEHU_ANALYSE_NIGHTLY");
  int nightly = !(nv && strcmp(nv, "0") == 0);
  log_msg("info", "runner: polling every %d s, nightly run %s", poll_s, nightly ? "on" : "off");
  while (!stopping) {
    int rc = run_once(1, "", default_as_of());
    if (nightly && rc == 2) {
      /* Nothing requested: is tonight's run due? Due from run_at on, unless
       * a run (of any reason: the demo load's, a manual one) started since
       * today's run_at, which has seen last night's history already. */
      struct analysis_config c;
      char since[64];
      struct tm t = china_now();
      NEOERR *err = db_analysis_config_fresh(&c);
      int ran = 1;
      snprintf(since, sizeof since, "%04d-%02d-%02d %02d:%02d:00", t.tm_year + 1900, t.tm_mon + 1,
               t.tm_mday, c.run_at_minutes / 60, c.run_at_minutes % 60);
      if (!err && t.tm_hour * 60 + t.tm_min >= c.run_at_minutes) err = db_batch_ran_since(since, &ran);
      if (err) log_error(&err, "runner");
      else if (!ran) rc = run_once(0, "nightly", default_as_of());
    }
    if (rc == 0) continue;            /* another request may wait */
    for (int s = 0; s < poll_s && !stopping; s++) sleep(1);
  }
  return 0;
}

static int usage(void)
{
  fprintf(stderr, "usage: kehu-analyse --once [--reason manual|import|settings|nightly]"
                  " [--as-of YYYY-MM-DD] | --serve\n");
  return 2;
}

int main(int argc, char **argv)
{
  int once = 0, serving = 0;
  const char *reason = "manual";
  int32_t as_of = default_as_of();
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--once") == 0) once = 1;
    else if (strcmp(argv[i], "--serve") == 0) serving = 1;
    else if (strcmp(argv[i], "--reason") == 0 && i + 1 < argc) reason = argv[++i];
    else if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
      if (!parse_day(argv[++i], &as_of)) return usage();
    } else return usage();
  }
  const char *reasons[] = { "manual", "import", "settings", "nightly" };
  int known = 0;
  for (size_t i = 0; i < sizeof reasons / sizeof *reasons; i++) known |= strcmp(reason, reasons[i]) == 0;
  if (once == serving || !known) return usage();
  /* The pages come first: the batch's own computing yields the CPU to
   * the FastCGI workers (the database's work is cut into short
   * statements instead). */
  if (setpriority(PRIO_PROCESS, 0, 10) != 0) perror("kehu-analyse: setpriority");
  log_init("kehu-analyse");
  NEOERR *err = err_init();
  if (!err) err = db_connect();
  if (err) {
    log_error(&err, "kehu-analyse");
    return 1;
  }
  int rc;
  if (serving) {
    rc = serve();
  } else {
    rc = run_once(0, reason, as_of);
    if (rc == 3) fprintf(stderr, "kehu-analyse: another run is under way\n");
  }
  db_disconnect();
  return rc;
}
