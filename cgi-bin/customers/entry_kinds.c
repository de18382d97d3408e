/* The kinds of entry on a customer file: their fields, rules, screen names
 * and form widgets (see entry_kinds.h). Adding, editing, removing and the
 * change log all go by this one table. */
#include "customers/entry_kinds.h"
#include "core/i18n.h"
#include "core/validate.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Shorthands for the table: free text, checked text, a choice. */
#define TXT(n, req, len, label, type) { n, req, len, NULL, NULL, NULL, label, NULL, type, 0 }
#define CHK(n, req, len, fn, msg, label, type) { n, req, len, fn, msg, NULL, label, NULL, type, 0 }
#define DATE(n, req, label) CHK(n, req, 10, valid_date, "Valid.Date", label, "date")
#define PICK(n, len, list, label, names) { n, 1, len, NULL, NULL, list, label, names, "choice", 0 }
#define END { NULL, 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, 0 }

static const struct entry_field f_person[] = {
  TXT("name", 1, 64, "Customers.Person", "text"),
  PICK("role", 16, roles, "Customers.Position", "ContactRole"),
  TXT("title", 0, 64, "Entry.Title", "text"),
  TXT("authority", 0, 255, "Customers.Authority", "text"),
  CHK("phone", 0, 32, valid_phone, "Valid.Phone", "Customers.Phone", "tel"),
  CHK("email", 0, 128, valid_email, "Valid.Email", "Customers.Email", "email"),
  TXT("personality", 0, 255, "Customers.Personality", "text"),
  DATE("birthday", 0, "Customers.Birthday"),
  TXT("hobbies", 0, 255, "Customers.Hobbies", "text"),
  /* 离职: stays in the file and its history, out of the reminders. */
  { "left_on", 0, 10, valid_date, "Valid.Date", NULL, "Entry.LeftOn", NULL, "date", EF_EDIT_ONLY },
  END,
};
static const struct entry_field f_contact[] = {
  PICK("channel", 16, channels, "Entry.Channel", "Channel"),
  DATE("contacted_on", 1, "Entry.Date"),
  TXT("people", 0, 255, "Entry.People", "text"), TXT("heard", 1, 5000, "Entry.Heard", "area"),
  TXT("next_action", 0, 255, "Entry.NextAction", "text"),
  DATE("next_due", 0, "Entry.NextDue"), END,
};
static const struct entry_field f_needs[] = {
  PICK("category", 32, needs, "Entry.Category", "NeedsCategory"),
  DATE("noted_on", 1, "Entry.Date"), TXT("content", 1, 5000, "Entry.Content", "area"), END,
};
static const struct entry_field f_strategy[] = {
  PICK("category", 32, strategies, "Entry.Category", "StrategyCategory"),
  DATE("noted_on", 1, "Entry.Date"), TXT("content", 1, 5000, "Entry.Content", "area"), END,
};
static const struct entry_field f_quote[] = {
  DATE("quoted_on", 1, "Entry.Date"),
  CHK("product_id", 1, 9, valid_id, "Valid.Choice", "Entry.Product", "product"),
  CHK("quantity", 1, 9, valid_id, "Valid.Count", "Entry.Quantity", "number"),
  CHK("unit_price", 1, 16, valid_amount, "Valid.Amount", "Entry.UnitPrice", "text"),
  DATE("valid_until", 0, "Entry.ValidUntil"),
  PICK("status", 8, quote_states, "Entry.Status", "QuoteStatus"),
  TXT("note", 0, 255, "Entry.Note", "text"), END,
};
static const struct entry_field f_service[] = {
  DATE("served_on", 1, "Entry.Date"),
  CHK("product_id", 0, 9, valid_id, "Valid.Choice", "Entry.Product", "product"),
  PICK("kind", 16, service_kinds, "Entry.Kind", "ServiceKind"),
  TXT("description", 1, 5000, "Entry.Description", "area"),
  TXT("result", 0, 255, "Entry.Result", "text"), END,
};
static const struct entry_field f_incentive[] = {
  PICK("kind", 16, incentive_kinds, "Entry.Kind", "IncentiveKind"),
  DATE("granted_on", 1, "Entry.Date"),
  CHK("amount", 1, 16, valid_amount, "Valid.Amount", "Entry.Amount", "text"),
  TXT("description", 0, 255, "Entry.Description", "text"), END,
};
static const struct entry_field f_finance[] = {
  CHK("year", 1, 4, valid_year, "Valid.Year", "Entry.Year", "number"),
  CHK("current_ratio", 0, 10, valid_ratio, "Valid.Number", "Finance.CurrentRatio", "text"),
  CHK("net_margin", 0, 10, valid_ratio, "Valid.Number", "Finance.NetMargin", "text"),
  CHK("roa", 0, 10, valid_ratio, "Valid.Number", "Finance.Roa", "text"),
  CHK("collection_days", 0, 4, valid_count, "Valid.Count", "Finance.CollectionDays", "number"),
  CHK("inventory_days", 0, 4, valid_count, "Valid.Count", "Finance.InventoryDays", "number"),
  END,
};
/* Orders and payments have their own forms (customers/orders.c,
 * customers/payments.c); here their existing columns can be corrected (an
 * order's total is its lines' sum, not a field). */
static const struct entry_field f_order[] = {
  TXT("order_no", 1, 32, "Entry.OrderNo", "text"), DATE("ordered_on", 1, "Entry.Date"),
  DATE("delivered_on", 0, "Entry.Delivered"), END,
};
/* A due item's paid_on and paid_amount follow from the money received
 * (customers/payments.c, schema/038): only what is owed and when. */
static const struct entry_field f_payment[] = {
  CHK("amount", 1, 16, valid_amount, "Valid.Amount", "Entry.Amount", "text"),
  DATE("due_on", 1, "Entry.Due"), END,
};
static const char *const receipt_methods[] = { "transfer", "cheque", "cash", "acceptance", NULL };
/* Money received (回款): amount and method are needed only when money
 * comes in (applying the advance alone takes neither), which
 * customers/payments.c checks. */
static const struct entry_field f_receipt[] = {
  DATE("received_on", 1, "Receipt.Date"),
  CHK("amount", 0, 16, valid_amount, "Valid.Amount", "Receipt.Amount", "text"),
  { "method", 0, 16, NULL, NULL, receipt_methods, "Receipt.Method", "ReceiptMethod", "choice", 0 },
  TXT("reference", 0, 255, "Receipt.Reference", "text"), END,
};

static const struct entry_kind kinds[] = {
  { "person", "people", f_person, NULL, 1 }, { "contact", "contacts", f_contact, NULL, 1 },
  { "needs", "needs", f_needs, NULL, 1 }, { "strategy", "strategy", f_strategy, NULL, 1 },
  { "quote", "quotes", f_quote, NULL, 1 }, { "service", "service", f_service, NULL, 1 },
  { "incentive", "incentives", f_incentive, NULL, 1 },
  { "finance", "finance", f_finance, "year", 1 },
  { "order", "orders", f_order, "order_no", 0 }, { "payment", "payments", f_payment, NULL, 0 },
  /* After payment: the payments tab's edit panel is the due item's. */
  { "receipt", "payments", f_receipt, NULL, 0 },
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

const struct entry_kind *entry_kind_find(const char *kind)
{
  for (size_t k = 0; kind && k < NKINDS; k++)
    if (strcmp(kinds[k].kind, kind) == 0) return &kinds[k];
  return NULL;
}

const struct entry_kind *entry_kind_for_tab(const char *tab)
{
  for (size_t k = 0; tab && k < NKINDS; k++)
    if (strcmp(kinds[k].tab, tab) == 0) return &kinds[k];
  return NULL;
}

const struct entry_field *entry_field_find(const struct entry_kind *k, const char *name)
{
  for (const struct entry_field *e = k->fields; e->name; e++)
    if (strcmp(e->name, name) == 0) return e;
  return NULL;
}

static int chosen(const char *const *choices, const char *v)
{
  for (; *choices; choices++)
    if (strcmp(*choices, v) == 0) return 1;
  return 0;
}

NEOERR *entry_read_fields(struct req *r, const struct entry_kind *k, int editing, int *bad)
{
  struct form f = { .r = r };
  char buf[20000];
  for (const struct entry_field *e = k->fields; e->name; e++) {
    if ((e->flags & EF_EDIT_ONLY) && !editing) continue;
    int before = f.errors;
    if (e->check) form_checked(&f, e->name, e->required, e->maxlen, e->check, e->msg_key, buf, sizeof buf);
    else form_text(&f, e->name, e->required, e->maxlen, buf, sizeof buf);
    if (f.errors == before && *buf && e->choices && !chosen(e->choices, buf))
      form_error(&f, e->name, "Valid.Choice");
  }
  *bad = f.errors;
  return nerr_pass(form_finish(&f));
}

NEOERR *entry_describe(const struct entry_kind *k, const char *lang, HDF *hdf)
{
  NEOERR *err = hdf_set_value(hdf, "Edit.kind", k->kind);
  int n = 0;
  for (const struct entry_field *e = k->fields; !err && e->name; e++, n++) {
    HDF *node;
    char key[64];
    snprintf(key, sizeof key, "Edit.Fields.%d", n);
    if ((err = hdf_get_node(hdf, key, &node))) break;
    err = hdf_set_value(node, "name", e->name);
    if (!err) err = hdf_set_value(node, "label", i18n_get(lang, e->label));
    if (!err) err = hdf_set_value(node, "type", e->type);
    if (!err) err = hdf_set_int_value(node, "required", e->required);
    for (const char *const *c = e->choices; !err && c && *c; c++) {
      char name[64], choice[80];
      snprintf(name, sizeof name, "%s.%s", e->value_names, *c);
      snprintf(choice, sizeof choice, "Choices.%s", *c);
      err = hdf_set_value(node, choice, i18n_get(lang, name));
    }
  }
  return nerr_pass(err);
}
