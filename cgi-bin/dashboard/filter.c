/* The dashboard's filter: a region (or every region the user may see),
 * the dealer table's sort and page. */
#include "dashboard/pages.h"
#include "core/err.h"
#include "core/listed.h"
#include "db/customer.h"
#include <stdio.h>
#include <string.h>

#define PER_PAGE 50
#define MAX_PAGE 100000

/* URL word -> sort key, and the direction a first click gives. */
static const struct { const char *word; int desc; } sorts[DS_COUNT] = {
  [DS_NAME] = { "name", 0 }, [DS_CLASS] = { "class", 0 }, [DS_YTD] = { "ytd", 1 },
  [DS_LY] = { "ly", 1 }, [DS_GROWTH] = { "growth", 1 }, [DS_ATTAIN] = { "attain", 1 },
  [DS_BUDGET] = { "budget", 1 }, [DS_SPEND] = { "spend", 1 },
  [DS_COMPLAINTS] = { "complaints", 1 }, [DS_OVERDUE] = { "overdue", 1 },
  [DS_CONTACT] = { "contact", 0 }, [DS_PURCHASE] = { "purchase", 0 },
};

NEOERR *dash_filter_parse(struct req *r, struct dash_filter *f)
{
  HDF *h = r->hdf;
  NEOERR *err;
  memset(f, 0, sizeof *f);
  f->region_id = (unsigned)req_param_int(r, "region", 0, 0, 65535);
  f->sort = DS_YTD;
  f->desc = 1;
  const char *sort = req_param(r, "sort"), *dir = req_param(r, "dir");
  for (int i = 0; sort && i < DS_COUNT; i++)
    if (!strcmp(sort, sorts[i].word)) { f->sort = (enum dash_sort)i; f->desc = sorts[i].desc; }
  if (dir && !strcmp(dir, "asc")) f->desc = 0;
  else if (dir && !strcmp(dir, "desc")) f->desc = 1;
  f->page = (int)req_param_int(r, "page", 1, 1, MAX_PAGE);
  f->per = PER_PAGE;
  if ((err = db_region_list(&r->user, h, "Regions")) ||
      (err = listed_check(r, "Regions", f->region_id, "DashRegion")))
    return nerr_pass(err);
  char qs[96], base[32];
  snprintf(base, sizeof base, "region=%u", f->region_id);
  snprintf(qs, sizeof qs, "%s&sort=%s&dir=%s", base, sorts[f->sort].word, f->desc ? "desc" : "asc");
  if ((err = hdf_set_int_value(h, "Filter.region", (int)f->region_id)) ||
      (err = hdf_set_value(h, "Filter.sort", sorts[f->sort].word)) ||
      (err = hdf_set_value(h, "Filter.dir", f->desc ? "desc" : "asc")) ||
      (err = hdf_set_value(h, "Filter.Base", base)) || (err = hdf_set_value(h, "Filter.Query", qs)))
    return nerr_pass(err);
  /* The direction a click on each header gives. */
  char key[64];
  for (int i = 0; i < DS_COUNT; i++) {
    int next = i == (int)f->sort ? !f->desc : sorts[i].desc;
    snprintf(key, sizeof key, "Filter.Next.%s", sorts[i].word);
    if ((err = hdf_set_value(h, key, next ? "desc" : "asc"))) return nerr_pass(err);
  }
  return STATUS_OK;
}
