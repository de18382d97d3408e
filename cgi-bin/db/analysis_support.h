#ifndef KEHU_DB_ANALYSIS_SUPPORT_H
#define KEHU_DB_ANALYSIS_SUPPORT_H
/* The support-plan return step of the nightly analysis batch (schema/053,
 * docs/analysis.md "Support-plan return"). */
#include <ClearSilver.h>

#include "core/analysis_run.h"
#include "db/analysis_batch.h"

struct support_return_stats {
  long long units;           /* plan × category rows written */
};

/* Recomputes support_returns and support_return_cells for h->as_of:
 * executions done on or before it, sales and cost of goods from h's
 * orders (not cancelled, on or before as_of). Runs after the classes are
 * written (the peers are dealers of one class); reads on the batch's
 * connection b, writes in one transaction on db.h's (the old rows stay
 * visible until the new ones commit). */
NEOERR *db_support_returns_compute(struct db_batch *b, const struct ar_history *h,
                                   struct support_return_stats *st);
#endif
