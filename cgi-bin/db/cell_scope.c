/* Which regions' report cells a user reads (db/cell_scope.h). */
#include "db/cell_scope.h"
#include "db/scope.h"

void cell_scope(struct query *q, const struct user *u, unsigned region_id, const char *col,
                int per_region)
{
  if (region_id) {
    query_cond(q, scope_allows(u, region_id) ? "%s = ?" : "0 = 1 AND %s = ?", col);
    query_arg(q, DB_INT(region_id));
  } else if (scope_limited(u)) {
    scope_regions_cond(q, u, col);
  } else {
    query_cond(q, per_region ? "%s > 0" : "%s = 0", col);
  }
}
