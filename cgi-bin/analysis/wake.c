/* GET /analysis/wake (and .csv, .xlsx): the wake-up list (唤醒名单) of a
 * salesperson, source 001: the sleeping customers (瞌睡 / 半睡 / 沉睡), so
 * that the salesperson "决定是不是对他们进行唤醒,以及用怎样的产品和怎样的方式
 * 去唤醒"; and below it how the decisions of a period turned out. A
 * salesperson (staff) sees their own customers until they choose another;
 * the others start from everyone in their scope. */
#include "analysis/pages.h"
#include "core/clock.h"
#include "core/export.h"
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

/* The words of the customer list's `sleep` parameter (params17.md). */
static const char *const states[] = { "drowsy", "half", "dormant", NULL };
static const char *const statuses[] = {
  [WAKE_NONE] = "none", [WAKE_PENDING] = "pending", [WAKE_WOKE] = "woke",
  [WAKE_NO_RESPONSE] = "no_response", [WAKE_LET_GO] = "let_go",
};

static int word_index(const char *const *words, int from, int to, const char *v)
{
  for (int i = from; v && i <= to; i++)
    if (words[i] && !strcmp(words[i], v)) return i;
  return -1;
}

/* Reads the filter; with `h` set, writes it back under Filter.* and the
 * list's query string (Filter.Query) for the pager and export links. */
static NEOERR *wake_filter_parse(struct req *r, struct wake_filter *f, HDF *h)
{
  memset(f, 0, sizeof *f);
  f->per = PER_PAGE;
  f->page = (int)req_param_int(r, "page", 1, 1, 100000);
  f->region_id = (unsigned)req_param_int(r, "region", 0, 1, 65535);
  int s = word_index(states, 0, 2, req_param(r, "state"));
  f->state = s < 0 ? 0 : s + 2;
  int st = word_index(statuses, WAKE_NONE, WAKE_LET_GO, req_param(r, "status"));
  f->status = st < 0 ? WAKE_ANY : (enum wake_status)st;
  /* No owner parameter at all: a salesperson's own list. An empty one
   * (the menu's 全部) is everyone's. */
  if (req_param(r, "owner")) f->owner_id = (unsigned)req_param_int(r, "owner", 0, 1, 0x7fffffff);
  else if (r->user.role == ROLE_STAFF) f->owner_id = r->user.id;
  if (!h) return STATUS_OK;
  char num[16];
  STRING q;
  string_init(&q);
  snprintf(num, sizeof num, "%u", f->owner_id);
  NEOERR *err = qs_add(&q, "owner", f->owner_id ? num : "");
  /* qs_add skips an empty value: the list of everyone says owner= itself. */
  if (!err && !f->owner_id) err = string_append(&q, q.len ? "&owner=" : "owner=");
  snprintf(num, sizeof num, "%u", f->region_id);
  if (!err) err = qs_add(&q, "region", f->region_id ? num : "");
  if (!err) err = qs_add(&q, "state", f->state ? states[f->state - 2] : "");
  if (!err) err = qs_add(&q, "status", f->status ? statuses[f->status] : "");
  if (!err) err = hdf_set_value(h, "Filter.Query", q.buf ? q.buf : "");
  string_clear(&q);
  if (!err) err = hdf_set_int_value(h, "Filter.owner", (int)f->owner_id);
  if (!err) err = hdf_set_int_value(h, "Filter.region", (int)f->region_id);
  if (!err) err = hdf_set_value(h, "Filter.state", f->state ? states[f->state - 2] : "");
  if (!err) err = hdf_set_value(h, "Filter.status", f->status ? statuses[f->status] : "");
  return nerr_pass(err);
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
  return nerr_pass(err);
}

NEOERR *analysis_wake(struct req *r)
{
  struct wake_filter f;
  HDF *h = r->hdf;
  long long total;
  char from[16], to[16];
  NEOERR *err;
  if ((err = hdf_set_value(h, "Page.Section", "analysis")) ||
      (err = hdf_set_value(h, "Page.Sub", "wake")) ||
      (err = wake_filter_parse(r, &f, h)) ||
      (err = results_period(r, from, to, sizeof from)) ||
      (err = db_customer_list_owners(h, "Owners")) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_wake_list(&r->user, &f, h, "Wake", &total)) ||
      (err = page_pager(r, total, f.page, PER_PAGE)) ||
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
  NEOERR *err = wake_filter_parse(r, &f, NULL);
  if (!err) err = export_list(r, &spec, xlsx, rows, &f);
  return nerr_pass(err);
}

NEOERR *analysis_wake_csv(struct req *r) { return wake_export(r, 0); }
NEOERR *analysis_wake_xlsx(struct req *r) { return wake_export(r, 1); }
