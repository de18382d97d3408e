#ifndef KEHU_ANALYSIS_STORED_H
#define KEHU_ANALYSIS_STORED_H
/* The batch's sums for pages that would otherwise rank or add up every
 * customer at each view (docs/analysis.md, "Stored sums"): profit by
 * tenth of customers (dim 15, a salesperson's dim 18) and its histogram
 * (dim 16), the watch list by reason (dim 17), and every cell summed over
 * the regions (region 0).
 * Pure; tested with a whole run in tests/unit/test_analysis_tenths.c. */
#include "core/analysis_run.h"

/* Adds those cells to out->cells once every customer's row is final
 * (classes, ranks, lifetime values). 0 when out of memory or when the
 * profit ranks are not 1..n. */
int ar_stored_cells(const struct ar_history *h, struct ar_output *out);
#endif
