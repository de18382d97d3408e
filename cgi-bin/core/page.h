#ifndef KEHU_PAGE_H
#define KEHU_PAGE_H
/* What every page's layout needs: who is signed in, the navigation their
 * role may see, the CSRF token for its forms, the one-time flash message.
 * `section` overrides the handler's Page.Section (used by the error page). */
#include "core/req.h"

NEOERR *page_fill(struct req *r, const char *section);
/* The navigation's figure beside the complaints entry (complaints past
 * their first-response time in the user's scope) comes from the layer
 * below: app_main registers the program's counter here (core/ never
 * includes db/). Without one, no figure. */
typedef NEOERR *(*page_count_fn)(const struct user *u, int *n);
void page_nav_count(page_count_fn count);
/* Pagination data under Pager.* for `total` rows, `per` a page. */
NEOERR *page_pager(struct req *r, long long total, int page, int per);
/* The page draws charts from its tables marked data-chart: Chart.js
 * (Debian's libjs-chart.js) and static/charts.js as Page.Scripts. */
NEOERR *page_charts(struct req *r);
#endif
