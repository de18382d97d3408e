/* The ranked lists' filter (analysis/rank.h). */
#include "analysis/rank.h"
#include "core/analysis_signal.h"
#include "core/listed.h"
#include "core/qs.h"
#include "db/customer.h"
#include <stdio.h>
#include <string.h>

#define PER_PAGE 50
#define MAX_PAGE 100000

/* The customer list's words for the reasons (the shared contract of
 * /customers?watch=), and their flags. */
static const struct { const char *word; unsigned flag; } reasons[] = {
  { "late", SIGNAL_LATE_RISING }, { "orders", SIGNAL_ORDERS_FALLING },
  { "contacts", SIGNAL_CONTACTS_UNANSWERED }, { "complaints", SIGNAL_COMPLAINTS_RECURRING },
};

static NEOERR *set_query(struct req *r, const struct rank_filter *f, const char *reason)
{
  char region[16] = "", owner[16] = "", abc[2] = { f->abc, 0 };
  if (f->region_id) snprintf(region, sizeof region, "%u", f->region_id);
  if (f->owner_id) snprintf(owner, sizeof owner, "%u", f->owner_id);
  STRING s;
  string_init(&s);
  NEOERR *err;
  if (!(err = qs_add(&s, "region", region)) && !(err = qs_add(&s, "owner", owner)) &&
      !(err = qs_add(&s, "class", abc)) && !(err = qs_add(&s, "reason", reason)) &&
      !(err = qs_add(&s, "tail", f->tail ? "1" : NULL)))
    err = hdf_set_value(r->hdf, "Filter.Query", s.buf ? s.buf : "");
  string_clear(&s);
  return nerr_pass(err);
}

NEOERR *rank_filter_parse(struct req *r, enum rank_page which, struct rank_filter *f)
{
  HDF *h = r->hdf;
  NEOERR *err;
  const char *reason = NULL;
  memset(f, 0, sizeof *f);
  f->region_id = (unsigned)req_param_int(r, "region", 0, 0, 65535);
  f->owner_id = (unsigned)req_param_int(r, "owner", 0, 0, 0x7fffffff);
  const char *abc = req_param(r, "class");
  if (abc && (!strcmp(abc, "A") || !strcmp(abc, "B") || !strcmp(abc, "C"))) f->abc = abc[0];
  const char *word = req_param(r, "reason");
  for (size_t i = 0; which == RANK_WATCH && word && i < sizeof reasons / sizeof reasons[0]; i++)
    if (!strcmp(word, reasons[i].word)) { f->reason = reasons[i].flag; reason = reasons[i].word; }
  f->tail = which == RANK_PROFIT && req_param_int(r, "tail", 0, 0, 1) == 1;
  f->page = (int)req_param_int(r, "page", 1, 1, MAX_PAGE);
  f->per = PER_PAGE;
  char abc_s[2] = { f->abc, 0 };
  if ((err = db_region_list(&r->user, h, "Regions")) ||
      (err = listed_check(r, "Regions", f->region_id, "AnalysisRegion")) ||
      (err = db_owner_list(h, "Owners")) ||
      (err = listed_check(r, "Owners", f->owner_id, "AnalysisOwner")) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)f->region_id)) ||
      (err = hdf_set_int_value(h, "Filter.owner", (int)f->owner_id)) ||
      (err = hdf_set_value(h, "Filter.class", abc_s)) ||
      (err = hdf_set_value(h, "Filter.reason", reason ? reason : "")) ||
      (err = hdf_set_int_value(h, "Filter.tail", f->tail)) ||
      (err = hdf_set_int_value(h, "Filter.active", f->region_id || f->owner_id || f->abc ||
                                                       f->reason || f->tail)))
    return nerr_pass(err);
  return nerr_pass(set_query(r, f, reason));
}
