#ifndef KEHU_DB_DASHBOARD_H
#define KEHU_DB_DASHBOARD_H
/* The dealer dashboard (/dashboard): figures read from the summaries of
 * schema/014 (dash_dealers, dash_region_sales, dash_region_support, maintained by
 * triggers). Scoped here: every statement carries the region condition and
 * CUSTOMER_SCOPE, so a regional manager's rows, charts and exports only
 * ever cover their own regions, whatever the URL says. */
#include "core/req.h"

/* Sort keys of the dealer table (URL words in dashboard/filter.c). */
enum dash_sort {
  DS_NAME, DS_CLASS, DS_YTD, DS_LY, DS_GROWTH, DS_ATTAIN, DS_BUDGET, DS_SPEND,
  DS_COMPLAINTS, DS_OVERDUE, DS_CONTACT, DS_PURCHASE, DS_COUNT
};

struct dash_filter {
  unsigned region_id;        /* 0: every region the user may see */
  enum dash_sort sort;
  int desc;
  int page, per;
};

/* The day the figures are for (dash_state.as_of: moved by the timer event through
 * dash_day_change, schema/045; the dashboard never moves it) and whether that is today. */
struct dash_day {
  char as_of[16];            /* YYYY-MM-DD, "" before the first refresh */
  int today;
};

/* The day, and the sum of the revisions (schema/014 dash_region_rev) of
 * the regions in the filter's scope: it changes whenever any figure of
 * those regions does, so what was computed at one revision can be kept. */
NEOERR *db_dash_revision(const struct user *u, const struct dash_filter *f, long long *rev,
                         struct dash_day *day);

/* Number of dealers in the filter's scope. */
NEOERR *db_dash_count(const struct user *u, const struct dash_filter *f, long long *n);

/* One page of the dealer table under prefix.N.{id, name, abc_class, ytd,
 * ly, target, budget, spend, open_complaints, overdue, last_contact,
 * last_purchase, idle_days, sleep_state}; NULL columns left out. sleep_state
 * is customer_analysis.sleep_state (the batch's, on the customer's own
 * rhythm), read for the page's rows only. */
NEOERR *db_dash_dealers(const struct user *u, const struct dash_filter *f, HDF *hdf,
                        const char *prefix);

/* Every dealer of the filter's scope in its order (page ignored), 1,000 at
 * a time. row() gets the columns of db_dash_dealers in that order:
 *   id, name, abc_class, ytd, ly, target, budget, spend, open_complaints,
 *   overdue, last_contact, last_purchase, idle_days, sleep_state
 * (NULL for SQL NULL), valid during the call; a non-OK return stops. */
#define DASH_COLS 14
typedef NEOERR *(*dash_row_fn)(void *ctx, const char *const *cols);
NEOERR *db_dash_export(const struct user *u, const struct dash_filter *f, dash_row_fn row,
                       void *ctx);

/* The region the statements filter on: the one asked for, or a regional
 * manager's only region (an equality the (region_id, column) indexes can
 * use), or 0 for every region in scope. Used by cgi-bin/db/dashboard*.c;
 * CUSTOMER_SCOPE stays in every statement whatever this says. */
long long dash_region_of(const struct user *u, const struct dash_filter *f);
/* The scope flag of CUSTOMER_SCOPE for the statements: 0 when that region
 * is one of the user's (checked here against the session's regions, read
 * from user_regions at sign-in of the request), so the per-row subquery
 * folds away; otherwise scope_limited(u), and a region outside the scope
 * matches no row. */
long long dash_scope_flag(const struct user *u, const struct dash_filter *f);

/* Where a user lands after signing in without a page asked for: regional
 * managers on their dashboard, everyone else on the home page. */
NEOERR *db_dash_landing(unsigned user_id, const char **path);
#endif
