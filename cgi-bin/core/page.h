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
/* The one pager of the list pages (docs/list-kit.md). page=1..max from
 * the request, else 1. */
int page_number(struct req *r, int max);
/* Pager.* for `total` rows counted exactly, `per` a page: Total, Capped (0),
 * Page (brought into 1..Pages), Pages, From, To, Prev, Next, and the
 * numbered Links (page, or gap). */
NEOERR *page_pager(struct req *r, long long total, int page, int per);
/* The same for a count that stops at a cap (capped: total is the cap, not
 * the count), where `more` says whether rows follow this page: past the
 * cap the pages run on one at a time. Page is taken as it is. */
NEOERR *page_pager_capped(struct req *r, long long total, int capped, int page, int per,
                          int more);
/* Seek paging (a ranked list at a million rows): the Prev and Next links
 * (and the numbered links of those two pages) carry the sort key of this
 * page's first and last row as before= and after=, so the list reads its
 * next page from the key on instead of skipping every row before it.
 * After page_pager; a key of 0 leaves the link as page= alone. */
NEOERR *page_pager_anchors(struct req *r, long long first, long long last);
/* The page draws charts from its tables marked data-chart: Chart.js
 * (Debian's libjs-chart.js) and static/charts.js as Page.Scripts. */
NEOERR *page_charts(struct req *r);
#endif
