#ifndef KEHU_DB_SUPPORT_RETURN_H
#define KEHU_DB_SUPPORT_RETURN_H
/* Reading the support-plan return (支援效果, schema/053) for the pages,
 * within the user's regions. Money in yuan (2 decimals), changes in per
 * cent (1 decimal), absent figures left out of the row. */
#include "core/req.h"
#include "db/dashboard.h"

/* prefix.N per category of the plan: category_id, name_zh, name_en,
 * support_month (YYYY-MM), cost, sales_before, sales_after, margin_before,
 * margin_after, peers, peer_sales_before, peer_sales_after, change,
 * peer_change, uplift, margin_change, extra_margin, pays, status (0 done,
 * 1 too early, 2 no base, 3 no peers), as_of. */
NEOERR *db_support_return_plan(const struct user *u, long long plan_id, HDF *hdf,
                               const char *prefix);

/* The same rows for every plan of one dealer (with year and plan_id),
 * latest year first. */
NEOERR *db_support_return_customer(const struct user *u, long long customer_id, HDF *hdf,
                                   const char *prefix);

/* The dashboard's panel, by category (all five) over the plans of this
 * year and last year in the filter's regions: category_id, name_zh,
 * name_en, supported, done, too_early, paid, uplift (average over done),
 * paid_share (per cent of done), cost, extra_margin. */
NEOERR *db_dash_support_returns(const struct user *u, const struct dash_filter *f, HDF *hdf,
                                const char *prefix);
#endif
