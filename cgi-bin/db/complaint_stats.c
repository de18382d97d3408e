/* The complaints overview's figures. Everything but "overdue now" is a sum
 * over complaint_month_stats, _products and _hist (schema/010, maintained
 * by triggers): the same figures summed over the complaints table grow
 * with every complaint ever received. The percentiles are computed here in C from the
 * summed histogram (hist_percentile), exact to its 0.1 h / 1 h / 10 h
 * steps. "Overdue now" depends on the clock, so it is counted on the
 * complaints table through the response_due index (first_response_at IS
 * NULL, then first_response_due): only unanswered complaints are read. */
#include "db/complaint_stats.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Parameters: from, to, region, region, scope flag, user. */
#define S_WHERE                                                              \
  " WHERE s.month >= ? AND s.month <= ? AND (? = 0 OR s.region_key = ?)"    \
  " AND " CUSTOMER_SCOPE("s.region_key")

static DB_STMT totals = DB_STMT_INIT(
    "SELECT COALESCE(SUM(n), 0) AS n, COALESCE(SUM(closed), 0) AS closed,"
    " COALESCE(SUM(n - closed), 0) AS open,"
    " COALESCE(SUM(responded), 0) AS responded, COALESCE(SUM(in_sla), 0) AS in_sla,"
    " COALESCE(SUM(rated), 0) AS rated, COALESCE(SUM(sat_sum), 0) AS sat_sum,"
    " COALESCE(SUM(open1), 0) AS open1, COALESCE(SUM(open2), 0) AS open2,"
    " COALESCE(SUM(open3), 0) AS open3, COALESCE(SUM(open4), 0) AS open4,"
    " COALESCE(SUM(open5), 0) AS open5, COALESCE(SUM(open6), 0) AS open6,"
    " COALESCE(SUM(open7), 0) AS open7"
    " FROM complaint_month_stats s" S_WHERE);

static DB_STMT by_month = DB_STMT_INIT(
    "SELECT DATE_FORMAT(s.month, '%Y-%m') AS month, s.kind, SUM(s.n) AS n"
    " FROM complaint_month_stats s" S_WHERE
    " GROUP BY s.month, s.kind HAVING n > 0 ORDER BY s.month, s.kind");

static DB_STMT by_reason = DB_STMT_INIT(
    "SELECT s.reason, SUM(s.n) AS n FROM complaint_month_stats s" S_WHERE
    " GROUP BY s.reason HAVING n > 0 ORDER BY n DESC, s.reason");

/* Names are joined to the few groups, not to every summary row: a join
 * per summary row grows with the months and products. */
static DB_STMT by_product = DB_STMT_INIT(
    "SELECT g.k AS `key`, p.name, g.n FROM (SELECT s.product_key AS k, SUM(s.n) AS n"
    " FROM complaint_month_products s" S_WHERE " GROUP BY s.product_key HAVING n > 0) g"
    " LEFT JOIN products p ON p.id = g.k ORDER BY g.n DESC, g.k");

static DB_STMT by_region = DB_STMT_INIT(
    "SELECT g.k AS `key`, r.name_zh, r.name_en, g.n FROM (SELECT s.region_key AS k, SUM(s.n) AS n"
    " FROM complaint_month_stats s" S_WHERE " GROUP BY s.region_key HAVING n > 0) g"
    " LEFT JOIN regions r ON r.id = g.k ORDER BY r.sort IS NULL, r.sort, g.k");

/* Parameters: from (a date), end (the month after the last), region,
 * region, scope flag, user. */
static DB_STMT overdue = DB_STMT_INIT(
    "SELECT COALESCE(SUM(c.status = 'open'), 0) AS overdue, COUNT(*) AS late"
    " FROM complaints c FORCE INDEX (response_due)"
    " WHERE c.first_response_at IS NULL AND c.first_response_due < NOW()"
    " AND c.received_at >= ? AND c.received_at < ? AND (? = 0 OR c.region_id = ?)"
    " AND " CUSTOMER_SCOPE("c.region_id"));

/* Parameters: metric, then those of S_WHERE. */
static DB_STMT hist = DB_STMT_INIT(
    "SELECT s.bucket, SUM(s.n) AS n FROM complaint_month_hist s"
    " WHERE s.metric = ? AND s.month >= ? AND s.month <= ? AND (? = 0 OR s.region_key = ?)"
    " AND " CUSTOMER_SCOPE("s.region_key")
    " GROUP BY s.bucket HAVING n > 0 ORDER BY s.bucket");

static NEOERR *exec_where(DB_STMT *s, const struct user *u, const struct stats_filter *f)
{
  long long reg = f->region_id;
  return nerr_pass(db_exec(s, "ssiiii", f->from, f->to, reg, reg,
                           (long long)scope_limited(u), (long long)u->id));
}

static NEOERR *rows_under(DB_STMT *s, const struct user *u, const struct stats_filter *f,
                          HDF *hdf, const char *prefix, const char *name)
{
  char key[128];
  snprintf(key, sizeof key, "%s.%s", prefix, name);
  NEOERR *err = exec_where(s, u, f);
  if (!err) err = db_rows_to_hdf(s, hdf, key, NULL);
  return nerr_pass(err);
}

NEOERR *db_complaint_stats(const struct user *u, const struct stats_filter *f, HDF *hdf,
                           const char *prefix)
{
  char key[128];
  NEOERR *err;
  snprintf(key, sizeof key, "%s.Totals", prefix);
  if ((err = exec_where(&totals, u, f)) || (err = db_row_to_hdf(&totals, hdf, key, NULL)))
    return nerr_pass(err);
  long long reg = f->region_id;
  if ((err = db_exec(&overdue, "ssiiii", f->from, f->end, reg, reg,
                     (long long)scope_limited(u), (long long)u->id)) ||
      (err = db_row_to_hdf(&overdue, hdf, key, NULL)))
    return nerr_pass(err);
  if ((err = rows_under(&by_month, u, f, hdf, prefix, "Months")) ||
      (err = rows_under(&by_reason, u, f, hdf, prefix, "Reasons")) ||
      (err = rows_under(&by_product, u, f, hdf, prefix, "Products")))
    return nerr_pass(err);
  return nerr_pass(rows_under(&by_region, u, f, hdf, prefix, "Regions"));
}

double hist_percentile(const struct hist_bin *bins, int nbins, double p)
{
  long long total = 0;
  for (int i = 0; i < nbins; i++)
    if (bins[i].n > 0) total += bins[i].n;
  if (total == 0) return -1;
  if (p < 0) p = 0;
  if (p > 1) p = 1;
  double rank = p * (double)(total - 1);
  long long lo = (long long)rank;          /* rank >= 0: truncation is floor */
  double frac = rank - (double)lo;
  /* The values at ranks lo and lo + 1, walking the bins once. */
  double vlo = 0, vhi = 0;
  long long seen = 0;
  int have_lo = 0;
  for (int i = 0; i < nbins; i++) {
    if (bins[i].n <= 0) continue;
    long long next = seen + bins[i].n;     /* ranks seen .. next-1 are this value */
    if (!have_lo && lo < next) { vlo = (double)bins[i].value; have_lo = 1; }
    if (have_lo && lo + 1 < next) { vhi = (double)bins[i].value; break; }
    seen = next;
    vhi = (double)bins[i].value;           /* lo is the last rank */
  }
  return vlo + frac * (vhi - vlo);
}

/* The summed histogram of one metric, into a growing array. */
static NEOERR *read_hist(const struct user *u, const struct stats_filter *f, int metric,
                         struct hist_bin **bins, int *n)
{
  long long reg = f->region_id;
  int cap = 0, more;
  *n = 0;
  NEOERR *err = db_exec(&hist, "issiiii", (long long)metric, f->from, f->to, reg, reg,
                        (long long)scope_limited(u), (long long)u->id);
  while (!err && !(err = db_next(&hist, &more)) && more) {
    if (*n == cap) {
      int ncap = cap ? cap * 2 : 256;
      struct hist_bin *b = realloc(*bins, (size_t)ncap * sizeof *b);
      if (!b) { err = nerr_raise(NERR_NOMEM, "histogram"); break; }
      *bins = b;
      cap = ncap;
    }
    (*bins)[*n].value = db_int(&hist, 0);
    (*bins)[(*n)++].n = db_int(&hist, 1);
  }
  db_done(&hist);
  return nerr_pass(err);
}

static NEOERR *put_hours(HDF *hdf, const char *prefix, const char *name, double tenths)
{
  if (tenths < 0) return STATUS_OK;
  char key[128], v[32];
  snprintf(key, sizeof key, "%s.%s", prefix, name);
  snprintf(v, sizeof v, "%.1f", tenths / 10.0);
  return nerr_pass(hdf_set_value(hdf, key, v));
}

NEOERR *db_complaint_hours(const struct user *u, const struct stats_filter *f, HDF *hdf,
                           const char *prefix)
{
  static const struct { int metric; const char *p50, *p90; } m[] = {
    { STATS_METRIC_FIRST, "first_p50", "first_p90" },
    { STATS_METRIC_CLOSE, "close_p50", "close_p90" },
  };
  struct hist_bin *bins = NULL;
  NEOERR *err = STATUS_OK;
  for (size_t i = 0; i < sizeof m / sizeof m[0] && !err; i++) {
    int n = 0;
    if (!(err = read_hist(u, f, m[i].metric, &bins, &n)) &&
        !(err = put_hours(hdf, prefix, m[i].p50, hist_percentile(bins, n, 0.5))))
      err = put_hours(hdf, prefix, m[i].p90, hist_percentile(bins, n, 0.9));
  }
  free(bins);
  return nerr_pass(err);
}

#define EXPORT_CHUNK 1000
#define STR_(x) #x
#define STR(x) STR_(x)

/* Parameters: from, upper received_at, the same, upper id, region, region,
 * scope flag, user. Reads the received_at index in its order. */
static DB_STMT export_rows = DB_STMT_INIT(
    "SELECT c.id, DATE_FORMAT(c.received_at, '%Y-%m-%d %H:%i:%s') AS at_key,"
    " c.tracking_no, DATE_FORMAT(c.received_at, '%Y-%m-%d %H:%i') AS received,"
    " c.kind, c.reason, COALESCE(p.name, NULLIF(c.product_text, '')) AS product,"
    " r.name_zh, r.name_en, c.step, c.status,"
    /* business hours (schema/042), as the histograms count them; wall
     * clock and the close for a row kehu-sla has not seen */
    " ROUND(COALESCE(c.first_response_bmin * 60,"
    "  TIMESTAMPDIFF(SECOND, c.received_at, c.first_response_at)) / 3600, 1) AS first_h,"
    " IF(c.resolution_bmin IS NOT NULL, ROUND(c.resolution_bmin / 60, 1),"
    "  IF(c.status = 'closed',"
    "   ROUND(TIMESTAMPDIFF(SECOND, c.received_at, c.closed_at) / 3600, 1), NULL)) AS close_h,"
    " c.satisfaction"
    " FROM complaints c FORCE INDEX (received_at)"
    " LEFT JOIN products p ON p.id = c.product_id"
    " LEFT JOIN regions r ON r.id = c.region_id"
    " WHERE c.received_at >= ? AND c.received_at <= ? AND (c.received_at < ? OR c.id < ?)"
    " AND (? = 0 OR c.region_id = ?) AND " CUSTOMER_SCOPE("c.region_id")
    " ORDER BY c.received_at DESC, c.id DESC LIMIT " STR(EXPORT_CHUNK));

NEOERR *db_complaint_export(const struct user *u, const struct stats_filter *f,
                            complaint_row_fn row, void *ctx)
{
  char upper[24];
  long long upper_id = 0, reg = f->region_id;
  NEOERR *err = STATUS_OK;
  /* The first chunk: everything before the month after the last. */
  snprintf(upper, sizeof upper, "%s 00:00:00", f->end);
  for (;;) {
    int n = 0, more;
    const char *cols[COMPLAINT_EXPORT_COLS];
    if ((err = db_exec(&export_rows, "sssiiiii", f->from, upper, upper, upper_id, reg, reg,
                       (long long)scope_limited(u), (long long)u->id)))
      break;
    while (!(err = db_next(&export_rows, &more)) && more) {
      upper_id = db_int(&export_rows, 0);
      const char *at = db_str(&export_rows, 1);
      snprintf(upper, sizeof upper, "%s", at ? at : "");
      for (int i = 0; i < COMPLAINT_EXPORT_COLS; i++) cols[i] = db_str(&export_rows, i + 2);
      if ((err = row(ctx, cols))) break;
      n++;
    }
    db_done(&export_rows);
    if (err || n < EXPORT_CHUNK) break;
  }
  return nerr_pass(err);
}
