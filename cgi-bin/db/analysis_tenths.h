#ifndef KEHU_DB_ANALYSIS_TENTHS_H
#define KEHU_DB_ANALYSIS_TENTHS_H
/* Profit by tenth of customers from the cells the batch stored (dims 15
 * and 16, core/analysis_stored.h) instead of ranking the filter's
 * customers at each view (docs/analysis.md, "Stored sums"). */
#include "db/analysis_rank.h"

struct profit_tenth { long long tenth, customers, cents; };

/* The non-empty tenths of the filter's customers (the tail ignored),
 * best first, into out; *n how many, or -1 (and *how TENTHS_LIVE) when
 * the filter names a salesperson for a manager of several regions (no
 * region chosen), or the latest run stored no tenths. */
NEOERR *db_profit_tenths(const struct user *u, const struct rank_filter *f,
                         struct profit_tenth out[10], int *n, enum tenths_how *how);
#endif
