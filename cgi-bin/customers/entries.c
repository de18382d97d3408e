/* Entries added to a customer file: key people, contact log, needs and
 * strategy dynamics, quotes, service, rebates and promotions, financials.
 * One form per kind, posted to /customers/{id}/entries with `entry`. */
#include "customers/pages.h"
#include "customers/tabs.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "db/customer_entries.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry_field {
  const char *name;
  int required;
  size_t maxlen;
  int (*check)(const char *);
  const char *msg_key;
  const char *const *choices;
};

/* A ratio or percentage: optional minus, up to 6 digits, 2 decimals. */
static int valid_ratio(const char *s)
{
  if (*s == '-') s++;
  return strlen(s) <= 9 && valid_amount(s);
}

static int valid_year(const char *s)
{
  return strlen(s) == 4 && valid_count(s) && atoi(s) >= 1990 && atoi(s) <= 2100;
}

static const char *const roles[] = { "purchasing", "finance", "sales", "logistics", "gm",
                                     "chairman", "other", NULL };
static const char *const channels[] = { "visit", "meeting", "call", "hotline",
                                        "received_visit", NULL };
static const char *const needs[] = { "product_range", "channel", "personnel",
                                     "downstream_orders", "inventory", "capital",
                                     "competitor", "profit_target", NULL };
static const char *const strategies[] = { "annual_plan", "sales_strategy",
                                          "programme_execution", NULL };
static const char *const quote_states[] = { "open", "won", "lost", NULL };
static const char *const service_kinds[] = { "install", "repair", "maintenance", "training",
                                             "other", NULL };
static const char *const incentive_kinds[] = { "rebate", "promotion", NULL };

#define END { NULL, 0, 0, NULL, NULL, NULL }
static const struct entry_field f_person[] = {
  { "name", 1, 64, NULL, NULL, NULL }, { "role", 1, 16, NULL, NULL, roles },
  { "title", 0, 64, NULL, NULL, NULL }, { "authority", 0, 255, NULL, NULL, NULL },
  { "phone", 0, 32, valid_phone, "Valid.Phone", NULL },
  { "email", 0, 128, valid_email, "Valid.Email", NULL },
  { "personality", 0, 255, NULL, NULL, NULL },
  { "birthday", 0, 10, valid_date, "Valid.Date", NULL },
  { "hobbies", 0, 255, NULL, NULL, NULL }, END,
};
static const struct entry_field f_contact[] = {
  { "channel", 1, 16, NULL, NULL, channels },
  { "contacted_on", 1, 10, valid_date, "Valid.Date", NULL },
  { "people", 0, 255, NULL, NULL, NULL }, { "heard", 1, 5000, NULL, NULL, NULL },
  { "next_action", 0, 255, NULL, NULL, NULL },
  { "next_due", 0, 10, valid_date, "Valid.Date", NULL }, END,
};
static const struct entry_field f_needs[] = {
  { "category", 1, 32, NULL, NULL, needs },
  { "noted_on", 1, 10, valid_date, "Valid.Date", NULL },
  { "content", 1, 5000, NULL, NULL, NULL }, END,
};
static const struct entry_field f_strategy[] = {
  { "category", 1, 32, NULL, NULL, strategies },
  { "noted_on", 1, 10, valid_date, "Valid.Date", NULL },
  { "content", 1, 5000, NULL, NULL, NULL }, END,
};
static const struct entry_field f_quote[] = {
  { "quoted_on", 1, 10, valid_date, "Valid.Date", NULL },
  { "product_id", 1, 9, valid_id, "Valid.Choice", NULL },
  { "quantity", 1, 9, valid_id, "Valid.Count", NULL },
  { "unit_price", 1, 16, valid_amount, "Valid.Amount", NULL },
  { "valid_until", 0, 10, valid_date, "Valid.Date", NULL },
  { "status", 1, 8, NULL, NULL, quote_states }, { "note", 0, 255, NULL, NULL, NULL }, END,
};
static const struct entry_field f_service[] = {
  { "served_on", 1, 10, valid_date, "Valid.Date", NULL },
  { "product_id", 0, 9, valid_id, "Valid.Choice", NULL },
  { "kind", 1, 16, NULL, NULL, service_kinds },
  { "description", 1, 5000, NULL, NULL, NULL }, { "result", 0, 255, NULL, NULL, NULL }, END,
};
static const struct entry_field f_incentive[] = {
  { "kind", 1, 16, NULL, NULL, incentive_kinds },
  { "granted_on", 1, 10, valid_date, "Valid.Date", NULL },
  { "amount", 1, 16, valid_amount, "Valid.Amount", NULL },
  { "description", 0, 255, NULL, NULL, NULL }, END,
};
static const struct entry_field f_finance[] = {
  { "year", 1, 4, valid_year, "Valid.Year", NULL },
  { "current_ratio", 0, 10, valid_ratio, "Valid.Number", NULL },
  { "net_margin", 0, 10, valid_ratio, "Valid.Number", NULL },
  { "roa", 0, 10, valid_ratio, "Valid.Number", NULL },
  { "collection_days", 0, 4, valid_count, "Valid.Count", NULL },
  { "inventory_days", 0, 4, valid_count, "Valid.Count", NULL }, END,
};

/* Entry kind → its fields and the tab that shows it. */
static const struct {
  const char *kind, *tab;
  const struct entry_field *fields;
} kinds[] = {
  { "person", "people", f_person }, { "contact", "contacts", f_contact },
  { "needs", "needs", f_needs }, { "strategy", "strategy", f_strategy },
  { "quote", "quotes", f_quote }, { "service", "service", f_service },
  { "incentive", "incentives", f_incentive }, { "finance", "finance", f_finance },
};

static int chosen(const char *const *choices, const char *v)
{
  for (; *choices; choices++)
    if (strcmp(*choices, v) == 0) return 1;
  return 0;
}

/* Reads and checks the kind's fields into Form.*; *bad counts bad ones. */
static NEOERR *read_fields(struct req *r, const struct entry_field *fields, int *bad)
{
  struct form f = { .r = r };
  char buf[20000];
  for (const struct entry_field *e = fields; e->name; e++) {
    int before = f.errors;
    if (e->check) form_checked(&f, e->name, e->required, e->maxlen, e->check, e->msg_key, buf, sizeof buf);
    else form_text(&f, e->name, e->required, e->maxlen, buf, sizeof buf);
    if (f.errors == before && *buf && e->choices && !chosen(e->choices, buf))
      form_error(&f, e->name, "Valid.Choice");
  }
  *bad = f.errors;
  return nerr_pass(form_finish(&f));
}

static NEOERR *mark_done(struct req *r)
{
  long long entry = req_param_int(r, "entry_id", 0, 1, 0x7fffffffffffLL);
  if (!entry) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  enum entry_outcome outcome;
  NEOERR *err = db_contact_done(&r->user, r->ip, r->id, entry, &outcome);
  if (err) return nerr_pass(err);
  if (outcome != ENTRY_OK) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = req_flash(r, "ActionDone"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=contacts", r->id));
}

NEOERR *customers_add_entry(struct req *r)
{
  const char *kind = req_param(r, "entry");
  if (kind && strcmp(kind, "done") == 0) return mark_done(r);
  size_t k;
  for (k = 0; kind && k < sizeof kinds / sizeof kinds[0]; k++)
    if (strcmp(kinds[k].kind, kind) == 0) break;
  if (!kind || k == sizeof kinds / sizeof kinds[0])
    return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  int bad;
  NEOERR *err = read_fields(r, kinds[k].fields, &bad);
  if (err) return nerr_pass(err);
  if (bad) {
    /* The same page again, the form open and filled in, messages at the
     * fields; nothing was saved. */
    r->status = 422;
    if ((err = hdf_set_value(r->hdf, "Form.entry", kind))) return nerr_pass(err);
    return nerr_pass(customers_show_tab(r, kinds[k].tab));
  }
  const char *names[16];
  size_t n = 0;
  for (const struct entry_field *e = kinds[k].fields; e->name && n < 15; e++) names[n++] = e->name;
  names[n] = NULL;
  enum entry_outcome outcome;
  err = db_entry_add(&r->user, r->ip, r->id, kind, hdf_get_obj(r->hdf, "Form"), names, &outcome);
  if (err) return nerr_pass(err);
  if (outcome == ENTRY_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if (outcome == ENTRY_BAD_REFERENCE) {
    struct form f = { .r = r };
    form_error(&f, "product_id", "Valid.Choice");
    if ((err = form_finish(&f)) || (err = hdf_set_value(r->hdf, "Form.entry", kind)))
      return nerr_pass(err);
    r->status = 422;
    return nerr_pass(customers_show_tab(r, kinds[k].tab));
  }
  if ((err = req_flash(r, "EntrySaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=%s", r->id, kinds[k].tab));
}
