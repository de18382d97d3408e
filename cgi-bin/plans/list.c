/* The plans (支援计划): one row per dealer and year, filtered by year,
 * region, status, who created it, and for leaders what awaits their
 * decision; budget in force, spending and overspend on every row. */
#include "plans/pages.h"
#include "core/list_filter.h"
#include "core/page.h"
#include "db/customer.h"
#include "db/plan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PER_PAGE 50
#define MAX_PAGE 100000

static const char *const statuses[] = {
  "draft", "submitted", "approved", "returned", "in_progress", "closed", NULL,
};
static const char *const all[] = { "all", NULL };
static const char *const mine[] = { "mine", NULL };

/* year=all lists every year; no year at all means this one (set below,
 * so the links spell it out). */
static const struct lf_field fields[] = {
  { .name = "year", .kind = LF_ID, .choices = all, .min = 2000, .max = 2100, .opts = LF_NOFOLD },
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535 },
  { .name = "status", .kind = LF_CHOICE, .choices = statuses },
  { .name = "created", .kind = LF_CHOICE, .choices = mine },
  { .name = "decide", .kind = LF_FLAG },
};

int plans_this_year(void)
{
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  return tm.tm_year + 1900;
}

NEOERR *plans_list(struct req *r)
{
  struct list_filter lf;
  NEOERR *err = list_filter_parse(r, &lf, fields, (int)(sizeof fields / sizeof fields[0]));
  if (err) return nerr_pass(err);
  char year[8];
  snprintf(year, sizeof year, "%d", plans_this_year());
  if (!lf_word(&lf, "year")) lf_set(&lf, "year", year);
  /* What awaits a decision is a leader's view only. */
  if (r->user.role != ROLE_LEADER) lf_set(&lf, "decide", NULL);
  struct plan_filter f = {
    .year = (int)lf_num(&lf, "year"), .region_id = (unsigned)lf_num(&lf, "region"),
    .status = lf_word(&lf, "status"), .created_by = lf_word(&lf, "created") ? r->user.id : 0,
    .needs_decision = (int)lf_num(&lf, "decide"), .page = page_number(r, MAX_PAGE),
    .per = PER_PAGE,
  };
  HDF *h = r->hdf;
  long long total;
  if ((err = hdf_set_value(h, "Page.Section", "plans")) || (err = list_filter_write(r, &lf)) ||
      (err = hdf_set_int_value(h, "ThisYear", plans_this_year())) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_plan_list(&r->user, &f, h, &total)) ||
      (err = page_pager(r, total, f.page, PER_PAGE)))
    return nerr_pass(err);
  r->template = "plans/list.cs";
  return STATUS_OK;
}
