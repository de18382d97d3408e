/* GET /analysis/wake (and .csv, .xlsx): the wake-up list (唤醒名单) of a
 * salesperson, source 001: the sleeping customers (瞌睡 / 半睡 / 沉睡), so
 * that the salesperson "决定是不是对他们进行唤醒,以及用怎样的产品和怎样的方式
 * 去唤醒"; and below it how the decisions of a period turned out. A
 * salesperson (staff) sees their own customers until they choose another;
 * the others start from everyone in their scope. */
#include "analysis/pages.h"
#include "core/clock.h"
#include "core/export.h"
#include "core/list_filter.h"
#include "core/page.h"
#include "core/qs.h"
#include "core/validate.h"
#include "db/analysis_wake.h"
#include "db/customer.h"
#include "db/customer_list.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define PER_PAGE 50

/* The words of the customer list's `sleep` parameter (params17.md), in the
 * order of the states from 瞌睡 (2). */
static const char *const states[] = { "drowsy", "half", "dormant", NULL };
/* In the order of enum wake_status from WAKE_NONE. */
static const char *const statuses[] = { "none", "pending", "woke", "no_response", "let_go", NULL };

/* owner is always in the links: owner= (the menu's 全部) is everyone's
 * list, no owner at all a salesperson's own. Choosing one does not open
 * the fold (the salesperson's list is the usual view). */
static const struct lf_field fields[] = {
  { .name = "owner", .kind = LF_ID, .min = 1, .max = 0x7fffffff, .opts = LF_ALWAYS | LF_NOFOLD },
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535 },
  { .name = "state", .kind = LF_CHOICE, .choices = states },
  { .name = "status", .kind = LF_CHOICE, .choices = statuses },
};

static int word_index(const char *const *words, const char *v)
{
  for (int i = 0; v && words[i]; i++)
    if (!strcmp(words[i], v)) return i;
  return -1;
}

/* Reads the filter; with `write`, puts it back under Filter.* and
 * Filter.Query for the form, the pager and the export links. */
static NEOERR *wake_filter_parse(struct req *r, struct wake_filter *f, int write)
{
  struct list_filter lf;
  NEOERR *err = list_filter_parse(r, &lf, fields, (int)(sizeof fields / sizeof fields[0]));
  if (err) return nerr_pass(err);
  if (!req_param(r, "owner") && r->user.role == ROLE_STAFF) {
    char self[16];
    snprintf(self, sizeof self, "%u", r->user.id);
    lf_set(&lf, "owner", self);
  }
  memset(f, 0, sizeof *f);
  f->per = PER_PAGE;
  f->page = page_number(r, 100000);
  f->owner_id = (unsigned)lf_num(&lf, "owner");
  f->region_id = (unsigned)lf_num(&lf, "region");
  int st = word_index(states, lf_word(&lf, "state"));
  f->state = st < 0 ? 0 : st + 2;
  st = word_index(statuses, lf_word(&lf, "status"));
  f->status = st < 0 ? WAKE_ANY : (enum wake_status)(WAKE_NONE + st);
  return write ? nerr_pass(list_filter_write(r, &lf)) : STATUS_OK;
}

/* The results panel's period: from/to as typed when they are days, else
 * the last twelve months up to today (China). */
static NEOERR *results_period(struct req *r, char *from, char *to, size_t n)
{
  const char *a = req_param(r, "from"), *b = req_param(r, "to");
  china_format("%Y-%m-%d", to, n);
  struct tm tm = china_now();
  tm.tm_year -= 1;
  tm.tm_mday += 1;
  tm.tm_isdst = -1;
  time_t t = timegm(&tm);
  gmtime_r(&t, &tm);
  strftime(from, n, "%Y-%m-%d", &tm);
  if (a && valid_date(a)) snprintf(from, n, "%s", a);
  if (b && valid_date(b)) snprintf(to, n, "%s", b);
  NEOERR *err = hdf_set_value(r->hdf, "Results.from", from);
  if (!err) err = hdf_set_value(r->hdf, "Results.to", to);
  /* The list's pages keep the period beside the filter. */
  STRING q;
  string_init(&q);
  if (!err) err = qs_add(&q, "from", from);
  if (!err) err = qs_add(&q, "to", to);
  if (!err) err = hdf_set_value(r->hdf, "Pager.Extra", q.buf ? q.buf : "");
  string_clear(&q);
  return nerr_pass(err);
}

NEOERR *analysis_wake(struct req *r)
{
  struct wake_filter f;
  HDF *h = r->hdf;
  long long total;
  int capped, more;
  char from[16], to[16];
  NEOERR *err;
  if ((err = hdf_set_value(h, "Page.Section", "analysis")) ||
      (err = hdf_set_value(h, "Page.Sub", "wake")) ||
      (err = wake_filter_parse(r, &f, 1)) ||
      (err = results_period(r, from, to, sizeof from)) ||
      (err = db_customer_list_owners(h, "Owners")) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_wake_list(&r->user, &f, h, "Wake", &total, &capped, &more)) ||
      (err = page_pager_capped(r, total, capped, f.page, PER_PAGE, more)) ||
      (err = db_wake_results(&r->user, &f, from, to, h, "Results")) ||
      (err = page_charts(r)))
    return nerr_pass(err);
  r->template = "analysis/wake.cs";
  return STATUS_OK;
}

enum { C_CODE, C_NAME, C_STATE, C_DAYS, C_INTERVAL, C_LAST, C_REVENUE, C_CLASS, C_OWNER,
       C_DECISION, C_APPROACH, C_PRODUCT, C_OUTCOME, C_DECIDED };

static const struct export_col cols[] = {
  { "Code", C_CODE, 0, NULL, 0 }, { "Name", C_NAME, 0, NULL, 0 },
  { "State", C_STATE, 0, "Wake.State", 0 }, { "Days", C_DAYS, 0, NULL, 1 },
  { "Interval", C_INTERVAL, 0, NULL, 1 }, { "Last", C_LAST, 0, NULL, 0 },
  { "Revenue", C_REVENUE, 0, NULL, 1 }, { "Class", C_CLASS, 0, NULL, 0 },
  { "Owner", C_OWNER, 0, NULL, 0 }, { "Decision", C_DECISION, 0, "Wake.Decision", 0 },
  { "Approach", C_APPROACH, 0, "Wake.Approach", 0 }, { "Product", C_PRODUCT, 0, NULL, 0 },
  { "Outcome", C_OUTCOME, 0, "Wake.Outcome", 0 }, { "Decided", C_DECIDED, 0, NULL, 0 },
};

/* Download names: 唤醒名单-YYYYMMDD.csv / .xlsx. */
static const struct export_spec spec = {
  .stem = "唤醒名单", .head_prefix = "Wake.Col", .title = "Wake.Title",
  .cols = cols, .ncols = (int)(sizeof cols / sizeof cols[0]), .csv_bare = 1,
};

static NEOERR *rows(const struct user *u, void *f, export_each_fn each, void *each_ctx)
{
  return nerr_pass(db_wake_export(u, f, each, each_ctx));
}

static NEOERR *wake_export(struct req *r, int xlsx)
{
  struct wake_filter f;
  NEOERR *err = wake_filter_parse(r, &f, 0);
  if (!err) err = export_list(r, &spec, xlsx, rows, &f);
  return nerr_pass(err);
}

NEOERR *analysis_wake_csv(struct req *r) { return wake_export(r, 0); }
NEOERR *analysis_wake_xlsx(struct req *r) { return wake_export(r, 1); }
