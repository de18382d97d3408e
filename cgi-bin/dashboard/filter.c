/* The dashboard's filter: a region (or every region the user may see),
 * the dealer table's sort and page. */
#include "dashboard/pages.h"
#include "core/list_filter.h"
#include "core/page.h"
#include "db/customer.h"

#define PER_PAGE 50
#define MAX_PAGE 100000

/* A region the page did not offer (another's, by guessing) is not found;
 * region= always, so every link has a query string to extend. */
static const struct lf_field fields[] = {
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535, .opts = LF_ALWAYS,
    .listed = "Regions", .missing = "DashRegion" },
};

/* Sort words, and the direction a first click gives. */
static const struct lf_sort sorts[DS_COUNT] = {
  [DS_NAME] = { "name", 0 }, [DS_CLASS] = { "class", 0 }, [DS_YTD] = { "ytd", 1 },
  [DS_LY] = { "ly", 1 }, [DS_GROWTH] = { "growth", 1 }, [DS_ATTAIN] = { "attain", 1 },
  [DS_BUDGET] = { "budget", 1 }, [DS_SPEND] = { "spend", 1 },
  [DS_COMPLAINTS] = { "complaints", 1 }, [DS_OVERDUE] = { "overdue", 1 },
  [DS_CONTACT] = { "contact", 0 }, [DS_PURCHASE] = { "purchase", 0 },
};

NEOERR *dash_filter_parse(struct req *r, struct dash_filter *f)
{
  struct list_filter lf;
  NEOERR *err;
  if ((err = db_region_list(&r->user, r->hdf, "Regions")) ||
      (err = list_filter_parse(r, &lf, fields, 1)))
    return nerr_pass(err);
  list_sort_parse(r, &lf, sorts, DS_COUNT, DS_YTD);
  f->region_id = (unsigned)lf_num(&lf, "region");
  f->sort = (enum dash_sort)lf.sort;
  f->desc = lf.desc;
  f->page = page_number(r, MAX_PAGE);
  f->per = PER_PAGE;
  return nerr_pass(list_filter_write(r, &lf));
}
