#ifndef KEHU_DB_CUSTOMER_PLAN_H
#define KEHU_DB_CUSTOMER_PLAN_H
/* The customer list's plan: how a search text is matched, which index
 * gives the order, whether the filter's rows are read first, where
 * counting stops; and the FROM ... WHERE of each plan on the SQL builder.
 * The paging (page statement, count, anchors, region branches) is
 * db/customer_list.c's. The shapes of the statements are written out at
 * the top of customer_plan.c. */
#include "db/customer_list.h"
#include "db/query.h"

/* How a search text is matched (see customer_plan.c). */
enum { Q_NONE, Q_HITS, Q_SCAN, Q_BIGRAM };

/* The plan of one search text for filter f: *mode, and the scan plan's
 * count cap. A text's plan on a large table is kept a minute. */
NEOERR *customer_plan_mode(const struct customer_filter *f, int *mode, int *scan_cap);
/* The sort the list really needs (a sort on a column the filter fixes is
 * the id order). */
enum customer_sort customer_plan_sort(const struct customer_filter *f);
/* Where the count stops for a plan. */
int customer_plan_count_cap(int mode, int scan_cap);
/* 1 when the filter's rows are read and sorted rather than walked in the
 * order's index (a filtered list counted exactly, in another order). */
int customer_plan_filter_first(const struct user *u, const struct customer_filter *f, int mode,
                               int capped);
/* The index a statement names (FORCE INDEX), or NULL to leave it to
 * MariaDB with the foreign keys' indexes ignored. */
const char *customer_plan_index(const struct user *u, const struct customer_filter *f, int mode,
                                int for_count, int filter_first);
/* The regions a list is bound to (the region filter, else a regional
 * manager's own) into out; 0 when it spans all. */
int customer_plan_regions(const struct user *u, const struct customer_filter *f, unsigned *out);
/* The (status, region_id, column, id) index of a sort, or NULL. */
const char *customer_plan_region_index(enum customer_sort s);
/* 1 when the count is read from customer_credit alone. */
int customer_plan_credit_count(const struct customer_filter *f, int mode);
/* The column of a sort. */
const char *customer_sort_column(enum customer_sort s);
/* ORDER BY text for a sort on the columns of table t (c, or a derived
 * table carrying the sort column under its own name), into buf. */
const char *customer_plan_order(const char *t, enum customer_sort s, int desc, char *buf,
                                size_t n);

/* One statement of the list: the builder's text and parameters, and what
 * the plan fixed for it. */
struct customer_q {
  struct query q;
  const char *force;         /* an index for the FROM, or NULL */
  int filter_first;          /* see customer_plan_filter_first */
  unsigned branch_region;    /* one region's branch of a region-bound list, or 0 */
  /* Q_BIGRAM: the order of the page (each branch of the hits is read in
   * it), how many rows each branch needs, and whether the customer row is
   * wanted after the hits (not for a count). */
  const char *order;
  long long branch_limit;
  int bare;
  /* storage for the LIKE patterns and the Mroonga query */
  char name_like[700], prefix_like[300], match[700];
  char bigram1[8], bigram2[8];
};

/* " FROM ... WHERE ..." of the plan for mode; after_id > 0 adds the
 * export's keyset condition. The WHERE is open: the caller may add
 * conditions (query_cond), except after Q_BIGRAM's derived table. */
void customer_plan_from(struct customer_q *b, const struct user *u,
                        const struct customer_filter *f, int mode, long long after_id);
/* " WHERE ..." for customers c alone: status, scope, the filters, the scan
 * plan's text condition, the export's keyset. */
void customer_plan_where(struct customer_q *b, const struct user *u,
                         const struct customer_filter *f, int mode, long long after_id);
/* A regional manager's regions as values on col; nothing for the other
 * roles. A condition of the open WHERE. */
void customer_plan_scope(struct query *q, const struct user *u, const char *col);
#endif
