/* The ranked lists' filter (analysis/rank.h) as a list-kit table. */
#include "analysis/rank.h"
#include "core/analysis_signal.h"
#include "core/list_filter.h"
#include "core/page.h"
#include "db/customer.h"
#include <string.h>

#define PER_PAGE 50
#define MAX_PAGE 100000

static const char *const classes[] = { "A", "B", "C", NULL };
/* The customer list's words for the reasons (the shared contract of
 * /customers?watch=), and their flags in the same order. */
static const char *const reasons[] = { "late", "orders", "contacts", "complaints", NULL };
static const unsigned reason_flags[] = { SIGNAL_LATE_RISING, SIGNAL_ORDERS_FALLING,
                                         SIGNAL_CONTACTS_UNANSWERED, SIGNAL_COMPLAINTS_RECURRING };

/* reason is the watch list's, tail profitability's: each page drops the
 * other's. after/before are the pager's seek anchors (a rank), left out
 * of the links' query: the pager adds them to its prev/next links. */
static const struct lf_field fields[] = {
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535, .listed = "Regions",
    .missing = "AnalysisRegion" },
  { .name = "owner", .kind = LF_ID, .min = 1, .max = 0x7fffffff, .listed = "Owners",
    .missing = "AnalysisOwner" },
  { .name = "class", .kind = LF_CHOICE, .choices = classes },
  { .name = "reason", .kind = LF_CHOICE, .choices = reasons },
  { .name = "tail", .kind = LF_FLAG },
  { .name = "after", .kind = LF_ID, .min = 1, .max = 0xffffffffLL, .opts = LF_NOQS | LF_NOFOLD },
  { .name = "before", .kind = LF_ID, .min = 1, .max = 0xffffffffLL, .opts = LF_NOQS | LF_NOFOLD },
};

NEOERR *rank_filter_parse(struct req *r, enum rank_page which, struct rank_filter *f)
{
  struct list_filter lf;
  NEOERR *err;
  memset(f, 0, sizeof *f);
  if ((err = db_region_list(&r->user, r->hdf, "Regions")) ||
      (err = db_owner_list(r->hdf, "Owners")) ||
      (err = list_filter_parse(r, &lf, fields, (int)(sizeof fields / sizeof fields[0]))))
    return nerr_pass(err);
  lf_set(&lf, which == RANK_WATCH ? "tail" : "reason", NULL);
  f->region_id = (unsigned)lf_num(&lf, "region");
  f->owner_id = (unsigned)lf_num(&lf, "owner");
  f->abc = lf_word(&lf, "class") ? lf_str(&lf, "class")[0] : 0;
  for (int i = 0; reasons[i]; i++)
    if (lf_is(&lf, "reason", reasons[i])) f->reason = reason_flags[i];
  f->tail = lf_num(&lf, "tail") == 1;
  f->after = lf_num(&lf, "after");
  f->before = lf_num(&lf, "before");
  f->page = page_number(r, MAX_PAGE);
  f->per = PER_PAGE;
  return nerr_pass(list_filter_write(r, &lf));
}
