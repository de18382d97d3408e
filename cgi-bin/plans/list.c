/* The plans (支援计划): one row per dealer and year, filtered by year,
 * region, status, who created it, and for leaders what awaits their
 * decision; budget in force, spending and overspend on every row. */
#include "plans/pages.h"
#include "core/page.h"
#include "db/customer.h"
#include "db/plan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PER_PAGE 50

static const char *const statuses[] = {
  "draft", "submitted", "approved", "returned", "in_progress", "closed", NULL,
};

int plans_this_year(void)
{
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

static const char *pick_status(const char *v)
{
  for (const char *const *s = statuses; v && *s; s++)
    if (strcmp(*s, v) == 0) return *s;
  return NULL;
}

NEOERR *plans_list(struct req *r)
{
  struct plan_filter f = { .per = PER_PAGE };
  const char *year = req_param(r, "year");
  /* year=all lists every year; no year at all means this one. */
  f.year = year && strcmp(year, "all") == 0 ? 0
         : (int)req_param_int(r, "year", plans_this_year(), 2000, 2100);
  f.region_id = (unsigned)req_param_int(r, "region", 0, 1, 65535);
  f.status = pick_status(req_param(r, "status"));
  const char *who = req_param(r, "created");
  if (who && strcmp(who, "mine") == 0) f.created_by = r->user.id;
  f.needs_decision = r->user.role == ROLE_LEADER && req_param_int(r, "decide", 0, 0, 1) == 1;
  f.page = (int)req_param_int(r, "page", 1, 1, 100000);
  HDF *h = r->hdf;
  long long total;
  NEOERR *err;
  char query[160], ystr[8] = "all";
  if (f.year) snprintf(ystr, sizeof ystr, "%d", f.year);
  snprintf(query, sizeof query, "year=%s&region=%u&status=%s&created=%s&decide=%d", ystr,
           f.region_id, f.status ? f.status : "", f.created_by ? "mine" : "", f.needs_decision);
  if ((err = hdf_set_value(h, "Page.Section", "plans")) ||
      (err = hdf_set_int_value(h, "Filter.year", f.year)) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)f.region_id)) ||
      (err = hdf_set_value(h, "Filter.status", f.status ? f.status : "")) ||
      (err = hdf_set_value(h, "Filter.created", f.created_by ? "mine" : "")) ||
      (err = hdf_set_int_value(h, "Filter.decide", f.needs_decision)) ||
      (err = hdf_set_value(h, "Filter.Query", query)) ||
      (err = hdf_set_int_value(h, "ThisYear", plans_this_year())) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_plan_list(&r->user, &f, h, &total)) ||
      (err = page_pager(r, total, f.page, PER_PAGE)))
    return nerr_pass(err);
  r->template = "plans/list.cs";
  return STATUS_OK;
}
