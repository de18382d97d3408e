#ifndef KEHU_COMPLAINT_STATS_PAGES_H
#define KEHU_COMPLAINT_STATS_PAGES_H
/* The complaints overview's handlers and the filter they share. */
#include "core/app.h"
#include "db/complaint_stats.h"

NEOERR *stats_overview(struct req *r);
NEOERR *stats_export_csv(struct req *r);
NEOERR *stats_export_xlsx(struct req *r);

/* The period (whole months) and region from the query string, checked:
 * a region the user may not see is a 404. Sets Filter.* in the HDF (the
 * months as YYYY-MM, the query string for the export links) and the
 * scoped region list under Regions. */
NEOERR *stats_filter_parse(struct req *r, struct stats_filter *f);
#endif
