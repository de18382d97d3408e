#ifndef KEHU_DASHBOARD_PAGES_H
#define KEHU_DASHBOARD_PAGES_H
/* The dealer dashboard's handlers and the filter they share. */
#include "core/app.h"
#include "db/dashboard.h"

NEOERR *dash_overview(struct req *r);
NEOERR *dash_export_csv(struct req *r);
NEOERR *dash_export_xlsx(struct req *r);
NEOERR *dash_settings_form(struct req *r);
NEOERR *dash_settings_save(struct req *r);

/* Region, sort and page from the query string, checked: a region the user
 * may not see is a 404. Sets the scoped region list under Regions and
 * Filter.* as the list kit writes it (docs/list-kit.md: region, sort, dir,
 * Next, Query without sort and page, QuerySorted with the sort). */
NEOERR *dash_filter_parse(struct req *r, struct dash_filter *f);
#endif
