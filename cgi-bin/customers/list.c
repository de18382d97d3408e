/* The customer list: search, filters, sorting, pages; export to CSV and
 * XLSX with the same filters and the same region scope. */
#include "customers/pages.h"
#include "core/list_filter.h"
#include "core/page.h"
#include "core/export.h"
#include "core/analysis_signal.h"
#include "db/customer.h"
#include "db/customer_entries.h"
#include "db/customer_facets.h"
#include "db/customer_list.h"
#include <string.h>

#define PER_PAGE 20
#define MAX_PAGE 1000000

static const char *const kinds[] = { "dealer", "end_customer", "organisation", NULL };
static const char *const stages[] = { "target", "potential", "one_time", "loyal", NULL };
static const char *const classes[] = { "A", "B", "C", NULL };
static const char *const sizes[] = { "large", "medium", "small", "micro", NULL };
static const char *const loyalties[] = { "loyal", "switcher", "none", NULL };
static const char *const noncusts[] = { "quasi", "refusing", "unexplored", NULL };
/* Words of the analysis filters (the reports' drill-down links use them)
 * and, in the same order, the codes the data layer takes. */
static const char *const sleeps[] = { "drowsy", "half", "dormant", "any", NULL };
static const int sleep_codes[] = { 2, 3, 4, CUSTOMER_SLEEP_ANY };
static const char *const watches[] = { "any", "late", "orders", "contacts", "complaints", NULL };
static const int watch_codes[] = {
  CUSTOMER_WATCH_ANY, SIGNAL_LATE_RISING, SIGNAL_ORDERS_FALLING, SIGNAL_CONTACTS_UNANSWERED,
  SIGNAL_COMPLAINTS_RECURRING,
};

/* In the order of the links' query string: q first and always, so every
 * link has a query string to extend; the search box is outside the fold. */
static const struct lf_field fields[] = {
  { .name = "q", .kind = LF_TEXT, .max = 255, .opts = LF_ALWAYS | LF_NOFOLD },
  { .name = "region", .kind = LF_ID, .min = 1, .max = 65535 },
  { .name = "kind", .kind = LF_CHOICE, .choices = kinds },
  { .name = "stage", .kind = LF_CHOICE, .choices = stages },
  { .name = "class", .kind = LF_CHOICE, .choices = classes },
  { .name = "owner", .kind = LF_ID, .min = 1, .max = 0x7fffffff },
  { .name = "city", .kind = LF_TEXT, .max = 95 },
  { .name = "postal", .kind = LF_DIGITS, .max = 7 },
  { .name = "archived", .kind = LF_FLAG },
  { .name = "over_limit", .kind = LF_FLAG },
  { .name = "size", .kind = LF_CHOICE, .choices = sizes },
  { .name = "loyalty", .kind = LF_CHOICE, .choices = loyalties },
  { .name = "noncust", .kind = LF_CHOICE, .choices = noncusts },
  { .name = "sleep", .kind = LF_CHOICE, .choices = sleeps },
  { .name = "rfm", .kind = LF_ID, .min = 1, .max = 8 },
  { .name = "watch", .kind = LF_CHOICE, .choices = watches },
  { .name = "bought_product", .kind = LF_ID, .min = 1, .max = 0x7fffffff },
  { .name = "bought_category", .kind = LF_ID, .min = 1, .max = 65535 },
  { .name = "bought_from", .kind = LF_DATE },
  { .name = "bought_to", .kind = LF_DATE },
};

/* Newest first by default; a chosen column ascending on a first click. */
static const struct lf_sort sorts[SORT_COUNT] = {
  [SORT_NEWEST] = { "", 1 }, [SORT_CODE] = { "code", 0 }, [SORT_NAME] = { "name", 0 },
  [SORT_REGION] = { "region", 0 }, [SORT_LIFECYCLE] = { "lifecycle", 0 },
  [SORT_CLASS] = { "class", 0 }, [SORT_PURCHASE] = { "purchase", 0 },
};

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* The code of the field's word (words[i] is codes[i]); 0 unset. */
static int code_of(const struct list_filter *lf, const char *name, const char *const *words,
                   const int *codes)
{
  for (int i = 0; words[i]; i++)
    if (lf_is(lf, name, words[i])) return codes[i];
  return 0;
}

/* The request's filter, sort and page as the data layer's filter, whose
 * strings point into lf. */
static NEOERR *parse_filter(struct req *r, struct list_filter *lf, struct customer_filter *f)
{
  NEOERR *err = list_filter_parse(r, lf, fields, N(fields));
  if (err) return nerr_pass(err);
  list_sort_parse(r, lf, sorts, N(sorts), SORT_NEWEST);
  memset(f, 0, sizeof *f);
  f->q = lf_str(lf, "q");
  f->region_id = (unsigned)lf_num(lf, "region");
  f->kind = lf_word(lf, "kind");
  f->stage = lf_word(lf, "stage");
  f->abc = lf_word(lf, "class");
  f->owner_id = (unsigned)lf_num(lf, "owner");
  f->city = lf_str(lf, "city");
  f->postal = lf_str(lf, "postal");
  f->archived = lf_num(lf, "archived") == 1;
  f->over_limit = lf_num(lf, "over_limit") == 1;
  f->size = lf_word(lf, "size");
  f->loyalty = lf_word(lf, "loyalty");
  f->noncust = lf_word(lf, "noncust");
  f->sleep = code_of(lf, "sleep", sleeps, sleep_codes);
  f->rfm = (int)lf_num(lf, "rfm");
  f->watch = code_of(lf, "watch", watches, watch_codes);
  f->bought_product = (unsigned)lf_num(lf, "bought_product");
  f->bought_category = (unsigned)lf_num(lf, "bought_category");
  f->bought_from = lf_str(lf, "bought_from");
  f->bought_to = lf_str(lf, "bought_to");
  f->sort = (enum customer_sort)lf->sort;
  f->desc = lf->desc;
  f->page = page_number(r, MAX_PAGE);
  f->per = PER_PAGE;
  return STATUS_OK;
}

NEOERR *customers_list(struct req *r)
{
  struct list_filter lf;
  struct customer_filter f;
  HDF *h = r->hdf;
  NEOERR *err;
  long long total;
  int capped, more;
  if ((err = parse_filter(r, &lf, &f)) ||
      (err = hdf_set_value(h, "Page.Section", "customers")) ||
      (err = list_filter_write(r, &lf)) ||
      (err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_customer_list_owners(h, "Owners")) ||
      (err = db_product_list(h, "Products")) ||
      (err = db_customer_list_categories(h, "Categories")) ||
      (err = db_customer_facets(&r->user, h, "Facets")) ||
      (err = db_customer_list(&r->user, &f, h, &total, &capped, &more)) ||
      (err = page_pager_capped(r, total, capped, f.page, PER_PAGE, more)))
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
  .cols = xcols, .ncols = N(xcols),
};

static NEOERR *export_rows(const struct user *u, void *f, export_each_fn each, void *each_ctx)
{
  return nerr_pass(db_customer_export(u, f, each, each_ctx));
}

static NEOERR *customers_export(struct req *r, int xlsx)
{
  struct list_filter lf;
  struct customer_filter f;
  NEOERR *err = parse_filter(r, &lf, &f);
  if (err) return nerr_pass(err);
  return nerr_pass(export_list(r, &export_spec, xlsx, export_rows, &f));
}

NEOERR *customers_export_csv(struct req *r) { return customers_export(r, 0); }
NEOERR *customers_export_xlsx(struct req *r) { return customers_export(r, 1); }
