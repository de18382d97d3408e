#ifndef KEHU_DB_ANALYSIS_RANK_H
#define KEHU_DB_ANALYSIS_RANK_H
/* The analysis pages that rank customers or sum report cells (issue 17):
 * the hidden-dissatisfaction watch list (预警名单), profitability (客户
 * 盈利能力), churn (客户流失率) and lifetime value (客户终身价值). They read
 * what the batch stored (customer_analysis, analysis_cells), within the
 * user's regions: a regional manager's statements carry their regions,
 * so a region outside them gives no rows. */
#include "core/analysis_cells.h"
#include "core/export.h"
#include "core/req.h"

struct rank_filter {
  unsigned region_id;        /* 0: every region the user may see */
  unsigned owner_id;         /* 0: any salesperson */
  char abc;                  /* 'A', 'B', 'C' or 0 */
  unsigned reason;           /* watch list: one SIGNAL_* flag, 0 any */
  int tail;                  /* profitability: the worst tail only */
  long long tail_after;      /* profitability: profit_rank above this is the worst tail */
  int page, per;
  long long after, before;   /* seek anchors (a rank, 0 none): the rows after it, or the
                                page before it; after wins. The page is then worked out. */
  long long run_id;          /* the latest run (0 none): a first page's count is kept for
                                it, since customer_analysis changes only with a run */
};

/* Where a page landed: its number (from the anchor when there is one) and
 * the rank of its first and last row, the anchors of the links to the
 * pages before and after it (page_pager_anchors). */
struct rank_at {
  int page;
  long long first, last;
};

/* How many customers have a profit rank (the largest profit_rank). */
NEOERR *db_profit_ranked(long long *n);

/* The watch list's page under prefix.N (seek: its watch_rank): id, name, region_id, region_zh,
 * region_en, owner_id, owner, abc_class, revenue (yuan), watch_score,
 * r_late, r_orders, r_contacts, r_complaints (0/1), late_earlier,
 * late_recent (days, one decimal), orders_earlier, orders_recent (yuan),
 * unanswered, complaints_recent, seek; ordered by watch_rank (score,
 * revenue, id). The page is f->page, or the one an anchor names; any page
 * costs the filter's count and one page of rows (docs/analysis.md). */
NEOERR *db_watch_page(const struct user *u, const struct rank_filter *f, HDF *hdf,
                      const char *prefix, long long *total, struct rank_at *at);
/* Every row of the filter (page ignored), columns in the order above (not
 * seek); a non-OK return from each stops. */
#define WATCH_COLS 20
NEOERR *db_watch_export(const struct user *u, const struct rank_filter *f, export_each_fn each,
                        void *ctx);

/* Profitability, best first: id, name, region_id, region_zh, region_en,
 * owner_id, owner, abc_class, revenue, cost_of_goods, rebates_promotions,
 * support, compensation, profit (yuan), margin_pct (one decimal, NULL
 * without revenue), profit_rank, tail (0/1), seek; paged as the watch list. */
NEOERR *db_profit_page(const struct user *u, const struct rank_filter *f, HDF *hdf,
                       const char *prefix, long long *total, struct rank_at *at);
#define PROFIT_COLS 17
NEOERR *db_profit_export(const struct user *u, const struct rank_filter *f,
                         export_each_fn each, void *ctx);
/* The filter's customers (tail ignored) in ten equal groups best to worst:
 * prefix.N.{decile (1-10), customers, profit (yuan), profit_cents}. From
 * the batch's stored tenths (how: TENTHS_EXACT or TENTHS_MERGED); a
 * salesperson's across a manager's several regions ranked at the view
 * (TENTHS_LIVE) and kept per worker while run_id (the last finished run,
 * 0: none) holds. */
enum tenths_how {
  TENTHS_LIVE = 0,       /* ranked at the view: a salesperson's in several regions */
  TENTHS_EXACT,          /* stored: the company's, or one region's */
  TENTHS_MERGED          /* several regions' histograms added up */
};
NEOERR *db_profit_deciles(const struct user *u, const struct rank_filter *f, long long run_id,
                          HDF *hdf, const char *prefix, enum tenths_how *how);

/* The watch list by reason as the latest run left it (period_kind 0, dim
 * 17), over the user's regions or region_id: prefix.<flag> = customers,
 * flag the SIGNAL_* bit (1 late, 2 orders, 4 contacts, 8 complaints). */
NEOERR *db_watch_reason_counts(const struct user *u, unsigned region_id, HDF *hdf,
                               const char *prefix);

/* Report cells (dimensions: core/analysis_cells.h). kind: 1 month,
 * 2 quarter, 3 year. */
/* The last n periods of churn over the user's regions (or region_id):
 * prefix.N.{period (YYYY-MM-DD), label, active_before, lost, churn_pct
 * (one decimal, NULL when none were active)}, oldest first. */
NEOERR *db_churn_series(const struct user *u, unsigned region_id, int kind, int n, HDF *hdf,
                        const char *prefix);
/* Churn by segment in one period: prefix.N.{key, active_before, lost,
 * churn_pct}, by key. */
NEOERR *db_churn_segments(const struct user *u, unsigned region_id, int kind,
                          const char *period, enum cell_dim dim, HDF *hdf, const char *prefix);
/* Lifetime value by segment, as the latest run left it (period_kind 0):
 * prefix.N.{key, customers, total (yuan), average (yuan, NULL without
 * customers)}, by key. */
NEOERR *db_clv_segments(const struct user *u, unsigned region_id, enum cell_dim dim, HDF *hdf,
                        const char *prefix);
#endif
