/* The customer list: search, filters, sorting, pages; export to CSV and
 * XLSX with the same filters and the same region scope. */
#include "customers/pages.h"
#include "core/err.h"
#include "core/page.h"
#include "core/qs.h"
#include "core/export.h"
#include "core/analysis_signal.h"
#include "core/validate.h"
#include "db/customer.h"
#include "db/customer_entries.h"
#include "db/customer_facets.h"
#include "db/customer_list.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PER_PAGE 20
#define MAX_PAGE 1000000

static const char *kinds[] = { "dealer", "end_customer", "organisation" };
static const char *stages[] = { "target", "potential", "one_time", "loyal" };
static const char *classes[] = { "A", "B", "C" };
static const char *sizes[] = { "large", "medium", "small", "micro" };
static const char *loyalties[] = { "loyal", "switcher", "none" };
static const char *noncusts[] = { "quasi", "refusing", "unexplored" };
/* Words of the analysis filters (the reports' drill-down links use them,
 * /tmp contract of issue 17) and their stored codes. */
struct word_code { const char *word; int code; };
static const struct word_code sleep_words[] = {
  { "drowsy", 2 }, { "half", 3 }, { "dormant", 4 }, { "any", CUSTOMER_SLEEP_ANY },
};
static const struct word_code watch_words[] = {
  { "any", CUSTOMER_WATCH_ANY }, { "late", SIGNAL_LATE_RISING },
  { "orders", SIGNAL_ORDERS_FALLING }, { "contacts", SIGNAL_CONTACTS_UNANSWERED },
  { "complaints", SIGNAL_COMPLAINTS_RECURRING },
};
/* URL word -> sort key; anything else is the default order. */
static const char *sort_words[SORT_COUNT] = {
  [SORT_NEWEST] = "", [SORT_CODE] = "code", [SORT_NAME] = "name",
  [SORT_REGION] = "region", [SORT_LIFECYCLE] = "lifecycle",
  [SORT_CLASS] = "class", [SORT_PURCHASE] = "purchase",
};

#define N(a) (sizeof a / sizeof a[0])

struct filter_bufs {
  char q[256], city[96], postal[8], from[16], to[16];
};

static const char *pick(const char *v, const char **allowed, size_t n)
{
  for (size_t i = 0; v && i < n; i++)
    if (strcmp(v, allowed[i]) == 0) return allowed[i];
  return NULL;
}

/* A truncated copy must not end inside a UTF-8 sequence. */
static void utf8_cut(char *s)
{
  size_t len = strlen(s);
  size_t i = len;
  while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80) i--;
  if (i > 0 && (unsigned char)s[i - 1] >= 0xC0) {
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (len - (i - 1) < need) s[i - 1] = '\0';
  }
}

static int code_of(const struct word_code *t, size_t n, const char *word)
{
  for (size_t i = 0; word && i < n; i++)
    if (strcmp(word, t[i].word) == 0) return t[i].code;
  return 0;
}

static const char *word_of(const struct word_code *t, size_t n, int code)
{
  for (size_t i = 0; i < n; i++)
    if (t[i].code == code) return t[i].word;
  return NULL;
}

/* A date of the bought_* range: a real day, else ignored. */
static const char *day_param(struct req *r, const char *name, char *buf, size_t n)
{
  req_param_trim(r, name, buf, n);
  if (*buf && !valid_date(buf)) buf[0] = '\0';
  return buf;
}

/* Issue 17's filters; values that are not offered are ignored, as for the
 * others. */
static void parse_analysis(struct req *r, struct customer_filter *f, struct filter_bufs *b)
{
  f->size = pick(req_param(r, "size"), sizes, N(sizes));
  f->loyalty = pick(req_param(r, "loyalty"), loyalties, N(loyalties));
  f->noncust = pick(req_param(r, "noncust"), noncusts, N(noncusts));
  f->sleep = code_of(sleep_words, N(sleep_words), req_param(r, "sleep"));
  f->watch = code_of(watch_words, N(watch_words), req_param(r, "watch"));
  f->rfm = (int)req_param_int(r, "rfm", 0, 1, 8);
  f->bought_product = (unsigned)req_param_int(r, "bought_product", 0, 0, 0x7fffffff);
  f->bought_category = (unsigned)req_param_int(r, "bought_category", 0, 0, 65535);
  f->bought_from = day_param(r, "bought_from", b->from, sizeof b->from);
  f->bought_to = day_param(r, "bought_to", b->to, sizeof b->to);
}

static void parse_filter(struct req *r, struct customer_filter *f, struct filter_bufs *b)
{
  memset(f, 0, sizeof *f);
  f->q = req_param_trim(r, "q", b->q, sizeof b->q);
  utf8_cut(b->q);
  f->region_id = (unsigned)req_param_int(r, "region", 0, 0, 65535);
  f->kind = pick(req_param(r, "kind"), kinds, N(kinds));
  f->stage = pick(req_param(r, "stage"), stages, N(stages));
  f->abc = pick(req_param(r, "class"), classes, N(classes));
  f->owner_id = (unsigned)req_param_int(r, "owner", 0, 0, 0x7fffffff);
  f->city = req_param_trim(r, "city", b->city, sizeof b->city);
  utf8_cut(b->city);
  /* A postal code prefix: digits only, else ignored. */
  req_param_trim(r, "postal", b->postal, sizeof b->postal);
  for (const char *p = b->postal; *p; p++)
    if (!isdigit((unsigned char)*p)) { b->postal[0] = '\0'; break; }
  f->postal = b->postal;
  f->archived = req_param_int(r, "archived", 0, 0, 1) == 1;
  f->over_limit = req_param_int(r, "over_limit", 0, 0, 1) == 1;
  parse_analysis(r, f, b);
  const char *sort = req_param(r, "sort");
  f->sort = SORT_NEWEST;
  for (int i = 1; sort && i < SORT_COUNT; i++)
    if (strcmp(sort, sort_words[i]) == 0) f->sort = (enum customer_sort)i;
  const char *dir = req_param(r, "dir");
  /* Newest first by default; a chosen column ascending unless asked. */
  if (f->sort == SORT_NEWEST) f->desc = !(dir && strcmp(dir, "asc") == 0);
  else f->desc = dir && strcmp(dir, "desc") == 0;
  f->page = (int)req_param_int(r, "page", 1, 1, MAX_PAGE);
  f->per = PER_PAGE;
}

static NEOERR *num_qs(STRING *s, const char *name, long long v)
{
  char num[24];
  if (!v) return STATUS_OK;
  snprintf(num, sizeof num, "%lld", v);
  return nerr_pass(qs_add(s, name, num));
}

/* Issue 17's filters in the links. */
static NEOERR *analysis_qs(STRING *s, const struct customer_filter *f)
{
  const char *sleep = word_of(sleep_words, N(sleep_words), f->sleep);
  const char *watch = word_of(watch_words, N(watch_words), f->watch);
  NEOERR *err = qs_add(s, "size", f->size);
  if (!err) err = qs_add(s, "loyalty", f->loyalty);
  if (!err) err = qs_add(s, "noncust", f->noncust);
  if (!err) err = qs_add(s, "sleep", sleep);
  if (!err) err = num_qs(s, "rfm", f->rfm);
  if (!err) err = qs_add(s, "watch", watch);
  if (!err) err = num_qs(s, "bought_product", f->bought_product);
  if (!err) err = num_qs(s, "bought_category", f->bought_category);
  if (!err) err = qs_add(s, "bought_from", f->bought_from);
  if (!err) err = qs_add(s, "bought_to", f->bought_to);
  return nerr_pass(err);
}

/* ... and as Filter.* for the form. */
static NEOERR *analysis_values(HDF *h, const struct customer_filter *f)
{
  const char *sleep = word_of(sleep_words, N(sleep_words), f->sleep);
  const char *watch = word_of(watch_words, N(watch_words), f->watch);
  NEOERR *err;
  if ((err = hdf_set_value(h, "Filter.size", f->size ? f->size : "")) ||
      (err = hdf_set_value(h, "Filter.loyalty", f->loyalty ? f->loyalty : "")) ||
      (err = hdf_set_value(h, "Filter.noncust", f->noncust ? f->noncust : "")) ||
      (err = hdf_set_value(h, "Filter.sleep", sleep ? sleep : "")) ||
      (err = hdf_set_int_value(h, "Filter.rfm", f->rfm)) ||
      (err = hdf_set_value(h, "Filter.watch", watch ? watch : "")) ||
      (err = hdf_set_int_value(h, "Filter.bought_product", (int)f->bought_product)) ||
      (err = hdf_set_int_value(h, "Filter.bought_category", (int)f->bought_category)) ||
      (err = hdf_set_value(h, "Filter.bought_from", f->bought_from)) ||
      (err = hdf_set_value(h, "Filter.bought_to", f->bought_to)))
    return nerr_pass(err);
  return STATUS_OK;
}

/* The filters as a query string (without sort and page), for the page
 * links, the sort links and the export links; and as Filter.* values. */
static NEOERR *fill_filter(struct req *r, const struct customer_filter *f)
{
  HDF *h = r->hdf;
  NEOERR *err;
  char num[24];
  STRING s;
  string_init(&s);
  /* q first and always, so every link has a query string to extend. */
  err = string_append(&s, "q=");
  if (!err && *f->q) {
    char *esc = NULL;
    if (!(err = cgi_url_escape(f->q, &esc))) err = string_append(&s, esc);
    free(esc);
  }
  if (!err && f->region_id) {
    snprintf(num, sizeof num, "%u", f->region_id);
    err = qs_add(&s, "region", num);
  }
  if (!err) err = qs_add(&s, "kind", f->kind);
  if (!err) err = qs_add(&s, "stage", f->stage);
  if (!err) err = qs_add(&s, "class", f->abc);
  if (!err && f->owner_id) {
    snprintf(num, sizeof num, "%u", f->owner_id);
    err = qs_add(&s, "owner", num);
  }
  if (!err) err = qs_add(&s, "city", f->city);
  if (!err) err = qs_add(&s, "postal", f->postal);
  if (!err && f->archived) err = qs_add(&s, "archived", "1");
  if (!err && f->over_limit) err = qs_add(&s, "over_limit", "1");
  if (!err) err = analysis_qs(&s, f);
  if (!err) err = hdf_set_value(h, "Filter.Query", s.buf ? s.buf : "q=");
  /* With the sort too: page links and exports keep the order. */
  if (!err && f->sort != SORT_NEWEST) err = qs_add(&s, "sort", sort_words[f->sort]);
  if (!err && (f->sort != SORT_NEWEST) == f->desc)   /* not the default direction */
    err = qs_add(&s, "dir", f->desc ? "desc" : "asc");
  if (!err) err = hdf_set_value(h, "Filter.QuerySorted", s.buf ? s.buf : "q=");
  string_clear(&s);
  if (err) return nerr_pass(err);
  if ((err = hdf_set_value(h, "Filter.q", f->q)) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)f->region_id)) ||
      (err = hdf_set_value(h, "Filter.kind", f->kind ? f->kind : "")) ||
      (err = hdf_set_value(h, "Filter.stage", f->stage ? f->stage : "")) ||
      (err = hdf_set_value(h, "Filter.class", f->abc ? f->abc : "")) ||
      (err = hdf_set_int_value(h, "Filter.owner", (int)f->owner_id)) ||
      (err = hdf_set_value(h, "Filter.city", f->city)) ||
      (err = hdf_set_value(h, "Filter.postal", f->postal)) ||
      (err = hdf_set_int_value(h, "Filter.archived", f->archived)) ||
      (err = hdf_set_int_value(h, "Filter.over_limit", f->over_limit)) ||
      (err = analysis_values(h, f)) ||
      (err = hdf_set_value(h, "Filter.sort", sort_words[f->sort])) ||
      (err = hdf_set_value(h, "Filter.dir", f->desc ? "desc" : "asc")))
    return nerr_pass(err);
  int advanced = f->stage || f->abc || f->owner_id || *f->city || *f->postal || f->archived ||
                 f->over_limit || f->size || f->loyalty || f->noncust || f->sleep || f->rfm ||
                 f->watch || f->bought_product || f->bought_category || *f->bought_from ||
                 *f->bought_to;
  return nerr_pass(hdf_set_int_value(h, "Filter.Advanced", advanced));
}

/* Page links: the pages are known up to the counting cap; past it, a next
 * link appears while rows follow. Numbered links: the first page, two
 * either side of the current one, and the last when it is known. */
static NEOERR *fill_pager(struct req *r, long long total, int capped, int page, int more)
{
  HDF *h = r->hdf;
  NEOERR *err;
  char buf[48];
  long long pages = total ? (total + PER_PAGE - 1) / PER_PAGE : 1;
  if (capped && page >= pages) pages = page + (more ? 1 : 0);
  snprintf(buf, sizeof buf, "%lld", total);
  if ((err = hdf_set_value(h, "Pager.Total", buf)) ||
      (err = hdf_set_int_value(h, "Pager.Capped", capped)) ||
      (err = hdf_set_int_value(h, "Pager.Page", page)))
    return nerr_pass(err);
  snprintf(buf, sizeof buf, "%lld", pages);
  if ((err = hdf_set_value(h, "Pager.Pages", buf))) return nerr_pass(err);
  if (page > 1 && (err = hdf_set_int_value(h, "Pager.Prev", page - 1))) return nerr_pass(err);
  if (more && (err = hdf_set_int_value(h, "Pager.Next", page + 1))) return nerr_pass(err);
  long long show[8];
  int ns = 0;
  show[ns++] = 1;
  for (long long p = page - 2; p <= page + 2; p++)
    if (p > 1 && (p <= pages || (p == page + 1 && more))) show[ns++] = p;
  if (!capped && pages > show[ns - 1]) show[ns++] = pages;
  int n = 0;
  for (int i = 0; i < ns && !err; i++) {
    if (i && show[i] > show[i - 1] + 1) {
      snprintf(buf, sizeof buf, "Pager.Links.%d.gap", n++);
      if ((err = hdf_set_value(h, buf, "1"))) break;
    }
    snprintf(buf, sizeof buf, "Pager.Links.%d.page", n++);
    err = hdf_set_int_value(h, buf, (int)show[i]);
  }
  return nerr_pass(err);
}

NEOERR *customers_list(struct req *r)
{
  struct customer_filter f;
  struct filter_bufs b;
  parse_filter(r, &f, &b);
  HDF *h = r->hdf;
  NEOERR *err;
  long long total;
  int capped, more;
  if ((err = hdf_set_value(h, "Page.Section", "customers")) ||
      (err = fill_filter(r, &f)) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_customer_list_owners(h, "Owners")) ||
      (err = db_product_list(h, "Products")) ||
      (err = db_customer_list_categories(h, "Categories")) ||
      (err = db_customer_facets(&r->user, h, "Facets")) ||
      (err = db_customer_list(&r->user, &f, h, &total, &capped, &more)) ||
      (err = fill_pager(r, total, capped, f.page, more)))
    return nerr_pass(err);
  r->template = "customers/list.cs";
  return STATUS_OK;
}

/* --- export (core/export.c) ---------------------------------------------- */

enum { X_CODE, X_NAME, X_KIND, X_REGION_ZH, X_REGION_EN, X_CITY, X_POSTAL, X_ADDRESS,
       X_PHONE, X_OWNER, X_LIFECYCLE, X_CLASS, X_PURCHASE, X_CREDIT };

static const struct export_col xcols[] = {
  { "Code", X_CODE, 0, NULL, 0 }, { "Name", X_NAME, 0, NULL, 0 },
  { "Kind", X_KIND, 0, "Kind", 0 }, { "Region", X_REGION_ZH, X_REGION_EN, NULL, 0 },
  { "City", X_CITY, 0, NULL, 0 }, { "PostalCode", X_POSTAL, 0, NULL, 0 },
  { "Address", X_ADDRESS, 0, NULL, 0 }, { "Phone", X_PHONE, 0, NULL, 0 },
  { "Owner", X_OWNER, 0, NULL, 0 }, { "Lifecycle", X_LIFECYCLE, 0, "Lifecycle", 0 },
  { "Class", X_CLASS, 0, NULL, 0 }, { "LastPurchase", X_PURCHASE, 0, NULL, 0 },
  { "CreditLimit", X_CREDIT, 0, NULL, 1 },
};

/* Download names: 客户档案-YYYYMMDD.csv / .xlsx. */
static const struct export_spec export_spec = {
  .stem = "客户档案", .head_prefix = "Customers", .title = "Customers.Title",
  .cols = xcols, .ncols = (int)N(xcols),
};

static NEOERR *export_rows(const struct user *u, void *f, export_each_fn each, void *each_ctx)
{
  return nerr_pass(db_customer_export(u, f, each, each_ctx));
}

static NEOERR *customers_export(struct req *r, int xlsx)
{
  struct customer_filter f;
  struct filter_bufs b;
  parse_filter(r, &f, &b);
  return nerr_pass(export_list(r, &export_spec, xlsx, export_rows, &f));
}

NEOERR *customers_export_csv(struct req *r) { return customers_export(r, 0); }
NEOERR *customers_export_xlsx(struct req *r) { return customers_export(r, 1); }
