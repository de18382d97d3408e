#ifndef KEHU_DB_DASHBOARD_H
#define KEHU_DB_DASHBOARD_H
/* The dealer dashboard (/dashboard): figures read from the summaries of
 * schema/014 (dash_dealers, dash_region_sales, dash_region_support, kept by
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

/* The dashboard's settings (schema/014 dashboard_settings). */
struct dash_settings {
  int doze_days, half_days, deep_days;   /* sleep status thresholds */
  int visit_days;                        /* "not visited" warning */
  int falling_pct;                       /* "orders falling" warning */
  int behind_pct;                        /* "plan behind" warning */
};
/* Kept for a minute per process (read on every dashboard request). */
NEOERR *db_dash_settings(struct dash_settings *s);
/* Read now, for the settings form (the process that shows it after a
 * save may not be the one that saved). */
NEOERR *db_dash_settings_fresh(struct dash_settings *s);
/* Stores s (checked by the caller), audits what changed and puts s in
 * this process's cache; *changed says whether anything did. Other
 * processes take the new values within a minute. */
NEOERR *db_dash_settings_save(const struct user *u, const char *ip,
                              const struct dash_settings *s, int *changed);

/* The day the figures are for (dash_state.as_of: moved by a timer, see
 * schema/015; the dashboard never moves it) and whether that is today. */
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
 * last_purchase, idle_days}; NULL columns left out. */
NEOERR *db_dash_dealers(const struct user *u, const struct dash_filter *f, HDF *hdf,
                        const char *prefix);

/* The charts' numbers:
 *   prefix.Months.N.{month (1..12), year (this|last), amount}
 *   prefix.Categories.N.{name_zh, name_en, ty, ly}   this year, and last year's same months
 *   prefix.Support.N.{category_id, name_zh, name_en, budget, spend}
 *   prefix.Reasons.N.{reason, n}                      complaints received this year
 *   prefix.Top.N.{id, name, growth}     up to ten that grew (growth > 0), highest first
 *   prefix.Bottom.N.{id, name, growth}  the ten lowest growths (declines first) of the
 *                                       dealers not in Top (N may skip numbers)
 *   prefix.NoGrowth.0.n                 dealers without last year's sales (no growth) */
NEOERR *db_dash_charts(const struct user *u, const struct dash_filter *f, HDF *hdf,
                       const char *prefix);

/* Warnings: prefix.{Falling, Late, Unvisited, Behind}.N.{id, name, v}
 * (ten each, worst first; v: trend %, overdue amount, last contact, spend %
 * of due) and prefix.Counts.{falling, late, unvisited, behind}. */
NEOERR *db_dash_warnings(const struct user *u, const struct dash_filter *f,
                         const struct dash_settings *s, HDF *hdf, const char *prefix);

/* Every dealer of the filter's scope in its order (page ignored), 1,000 at
 * a time. row() gets the columns of db_dash_dealers in that order:
 *   id, name, abc_class, ytd, ly, target, budget, spend, open_complaints,
 *   overdue, last_contact, last_purchase, idle_days
 * (NULL for SQL NULL), valid during the call; a non-OK return stops. */
#define DASH_COLS 13
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
