#ifndef KEHU_DB_COMPLAINT_STATS_H
#define KEHU_DB_COMPLAINT_STATS_H
/* The complaints overview (投诉统计): figures for a period of whole months
 * and a region, read from the monthly summary of schema/010, and the
 * period's complaint rows for export. Scoped here: a regional manager's
 * figures and rows only ever cover their own regions, and complaints that
 * name no region are counted for office staff only. */
#include "core/req.h"

struct stats_filter {
  char from[11];             /* "YYYY-MM-01": the first month of the period */
  char to[11];               /* "YYYY-MM-01": the last month of the period */
  char end[11];              /* "YYYY-MM-01": the month after the last */
  unsigned region_id;        /* 0: every region the user may see */
};

/* The figures, into hdf under prefix:
 *   .Totals.{n, closed, open, responded, in_sla, rated, sat_sum, open1..open7,
 *            overdue (open, no first response, past due now),
 *            late (no first response, past due now, open or not)}
 *   .Months.N.{month (YYYY-MM), kind, n}       received, by month and kind
 *   .Reasons.N.{reason, n}                     most first
 *   .Products.N.{key, name, n}                 key: product id; 0 none named;
 *                                              -1 typed by the customer
 *   .Regions.N.{key, name_zh, name_en, n}      key 0: none named
 * Percentiles come from db_complaint_hours. */
NEOERR *db_complaint_stats(const struct user *u, const struct stats_filter *f, HDF *hdf,
                           const char *prefix);

/* A histogram of durations: value in tenths of an hour, n of them. */
struct hist_bin {
  long long value;
  long long n;
};

/* The p-quantile (0 <= p <= 1) of the values in bins, sorted by value,
 * with linear interpolation between the two nearest ranks (as SQL's
 * PERCENTILE_CONT): rank p * (N - 1) of N values counted from 0. Returns
 * -1 when the bins hold no values. Pure: no database. */
double hist_percentile(const struct hist_bin *bins, int nbins, double p);

/* Median and 90th percentile, in hours, of the time to first response
 * (metric 1) and to close (metric 2) of the period's complaints: under
 * prefix.{first_p50, first_p90, close_p50, close_p90}, one decimal; left
 * out when there is nothing to measure. */
#define STATS_METRIC_FIRST 1
#define STATS_METRIC_CLOSE 2
NEOERR *db_complaint_hours(const struct user *u, const struct stats_filter *f, HDF *hdf,
                           const char *prefix);

/* Every complaint received in the period, newest first, fetched 1,000 at a
 * time (keyset on received_at, id), so memory stays flat. row() gets, NULL
 * for SQL NULL:
 *   tracking_no, received_at, kind, reason, product (name, or the text the
 *   customer typed), region_zh, region_en, step, status, first response
 *   hours, close hours, satisfaction
 * The strings are valid during the call only; a non-OK return stops. */
#define COMPLAINT_EXPORT_COLS 12
typedef NEOERR *(*complaint_row_fn)(void *ctx, const char *const *cols);
NEOERR *db_complaint_export(const struct user *u, const struct stats_filter *f,
                            complaint_row_fn row, void *ctx);
#endif
