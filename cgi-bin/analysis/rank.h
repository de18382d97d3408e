#ifndef KEHU_ANALYSIS_RANK_H
#define KEHU_ANALYSIS_RANK_H
/* The filter the ranked lists (watch list, profitability) share: region,
 * salesperson, ABC class, page and its seek anchors, and each list's own
 * choice (docs/list-kit.md). */
#include "core/app.h"
#include "db/analysis_rank.h"

enum rank_page { RANK_WATCH, RANK_PROFIT };

/* Reads the filter from the request, the regions and salespeople it may
 * name (Regions, Owners: a region outside the user's gives the not-found
 * page), and sets Filter.* and Filter.Query (the filter as a query string,
 * page and anchors left out; Filter.Active). */
NEOERR *rank_filter_parse(struct req *r, enum rank_page which, struct rank_filter *f);
#endif
