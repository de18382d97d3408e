#ifndef KEHU_DB_ANALYSIS_SUPPORT_H
#define KEHU_DB_ANALYSIS_SUPPORT_H
/* The support-plan return step of the nightly analysis batch (schema/053,
 * docs/analysis.md "Support-plan return"). */
#include <ClearSilver.h>

struct support_return_stats {
  long long units;           /* plan × category rows written */
};

/* Recomputes support_returns and support_return_cells for the day as_of
 * (YYYY-MM-DD): executions done on or before it, windows of whole months
 * before it. Set statements over plans, executions, orders and the
 * dealers; the old rows stay visible until the new ones commit. */
NEOERR *db_support_returns_compute(const char *as_of, struct support_return_stats *st);
#endif
