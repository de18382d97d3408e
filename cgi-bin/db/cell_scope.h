#ifndef KEHU_DB_CELL_SCOPE_H
#define KEHU_DB_CELL_SCOPE_H
/* Which regions' report cells (analysis_cells) a user's sums read. The
 * batch keeps every cell per region and once more summed over all of
 * them under region 0 (core/analysis_cells.h CELL_ALL_REGIONS), so a user
 * who sees every region reads one row per key instead of adding up the
 * regions at each view. */
#include "core/req.h"
#include "db/query.h"

/* A condition on col: the region asked for (region_id, checked against a
 * regional manager's regions), else a manager's own regions, else region
 * 0; with per_region (sums grouped by region) every real region instead
 * of region 0. */
void cell_scope(struct query *q, const struct user *u, unsigned region_id, const char *col,
                int per_region);
#endif
