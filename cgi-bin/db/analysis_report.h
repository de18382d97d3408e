#ifndef KEHU_DB_ANALYSIS_REPORT_H
#define KEHU_DB_ANALYSIS_REPORT_H
/* The analysis reports (分析报表) and the Pareto view: sums of the batch's
 * stored cells (schema/047 analysis_cells), never the order history, so a
 * page reads a few hundred rows at most at any size of data. Scoped here:
 * a regional manager's sums cover only their own regions. */
#include "core/req.h"

/* Report dimensions: analysis_cells.dim. */
enum report_dim {
  RDIM_ALL = 0, RDIM_REGION = 1, RDIM_CLASS = 2, RDIM_SIZE = 3, RDIM_CATEGORY = 4,
  RDIM_PRODUCT = 5, RDIM_OWNER = 6, RDIM_POSTAL = 7,
  RDIM_HISTOGRAM = 14           /* period_kind 0: the revenue histogram */
};

/* One report: a dimension over a period and the two it is compared with.
 * Dates are "YYYY-MM-DD", the periods' first days. */
struct report_query {
  int kind;                  /* 1 month, 2 quarter, 3 year */
  const char *start;         /* this period */
  const char *prev;          /* the period before */
  const char *year_ago;      /* the same period a year before (= prev for years) */
  int dim;                   /* enum report_dim, 0..7 */
  unsigned region_id;        /* 0: every region the user may see */
  int limit;                 /* at most this many rows, the largest; 0: all */
};

/* The first days ("YYYY-MM-DD") of the oldest and the newest period of a
 * kind that have cells; both "" when there are none. Two index dives: a
 * list of the distinct periods would read every cell of the kind. */
NEOERR *db_report_span(int kind, char first[11], char last[11]);

/* One row per key of q->dim under prefix.N, largest sales first:
 *   key, name, name_en (regions, categories: the English name; products:
 *   name is the product's name, code its code; salespeople: display name),
 * then for this period, the previous one (p_) and a year before (y_):
 *   sales, margin, customers, active_before, lost (cents and counts),
 * and for this period new_customers, conversions. */
NEOERR *db_report_rows(const struct user *u, const struct report_query *q, HDF *hdf,
                       const char *prefix);

/* The standing figures of a run (period_kind 0, period_start as_of):
 *   prefix.Classes.N.{key (1 A, 2 B, 3 C), customers, sales, margin}
 *   prefix.Buckets.N.{key, customers, sales}, the revenue histogram,
 *   largest revenue first (key 0, revenue <= 0, last). */
NEOERR *db_report_pareto(const struct user *u, const char *as_of, unsigned region_id,
                         HDF *hdf, const char *prefix);
#endif
