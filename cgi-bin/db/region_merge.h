#ifndef KEHU_DB_REGION_MERGE_H
#define KEHU_DB_REGION_MERGE_H
/* The lists that read one index branch per region (the customer list bound
 * to a few regions in another order than the id, the dashboard's dealers
 * over several regions): no index holds several regions in one column's
 * order, so each region is read on its own (region, column) index in the
 * page's order up to the page's last row, and the branches are merged by
 * the statement around them. This writes that merge once:
 *
 *   (<branch r1> ORDER BY <order> LIMIT ?) UNION ALL (<branch r2> ...) ...
 *
 * with the limit as each branch's last parameter. A branch with no order
 * (a count) is read up to the limit in index order. */
#include "db/query.h"

struct region_merge {
  const unsigned *regions;
  int n;
  /* Appends one branch's "SELECT ... FROM ... WHERE ..." for region r,
   * its parameters included. */
  void (*branch)(struct query *q, unsigned region, void *ctx);
  void *ctx;
  const char *order;         /* each branch's ORDER BY, or NULL */
  long long limit;           /* rows each branch reads */
};

/* Appends the UNION ALL of the branches (nothing when n is 0). */
void region_merge(struct query *q, const struct region_merge *m);
#endif
