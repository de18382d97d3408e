/* Money received (回款) and the statement (对账单) of a customer: the
 * receipt form on the payments tab (POST /customers/{id}/receipts), a
 * receipt removed with a reason (…/receipts/remove), and the statement on
 * screen and as XLSX (/customers/{id}/statement[.xlsx]). The rules are in
 * docs/payments.md; the sums in db/receipt.c and db/statement.c. */
#include "customers/pages.h"
#include "customers/entry_kinds.h"
#include "customers/tabs.h"
#include "core/clock.h"
#include "core/format.h"
#include "core/err.h"
#include "core/export.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "db/customer.h"
#include "db/receipt.h"
#include "db/statement.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* The payments tab again with the receipt form open and its messages. */
static NEOERR *receipt_again(struct req *r, const char *field, const char *msg)
{
  NEOERR *err = field ? form_field_error(r, field, msg) : STATUS_OK;
  if (!err) err = hdf_set_value(r->hdf, "Form.entry", "receipt");
  if (err) return nerr_pass(err);
  r->status = 422;
  return nerr_pass(customers_show_tab(r, "payments"));
}

/* The alloc_<item id> fields: checked, echoed in Form, into in->a. */
static void read_allocations(struct req *r, struct form *f, struct receipt_in *in)
{
  char buf[64];
  for (HDF *q = hdf_obj_child(hdf_get_obj(r->hdf, "Query")); q; q = hdf_obj_next(q)) {
    const char *name = hdf_obj_name(q);
    if (strncmp(name, "alloc_", 6) != 0) continue;
    char *end;
    long long item = strtoll(name + 6, &end, 10);
    if (*end || item <= 0 || item > REQ_ID_MAX || in->n >= RECEIPT_MAX_ITEMS) continue;
    int before = f->errors;
    form_checked(f, name, 0, 16, valid_amount, "Valid.Amount", buf, sizeof buf);
    if (f->errors != before || !*buf) continue;
    in->a[in->n].item = item;
    in->a[in->n++].cents = money_cents(buf);
  }
}

NEOERR *customers_receipt(struct req *r)
{
  const struct entry_kind *k = entry_kind_find("receipt");
  int bad;
  NEOERR *err = entry_read_fields(r, k, 0, &bad);
  if (err) return nerr_pass(err);
  static struct receipt_in in;
  memset(&in, 0, sizeof in);
  HDF *v = hdf_get_obj(r->hdf, "Form");
  in.received_on = hdf_get_value(v, "received_on", "");
  in.method = hdf_get_value(v, "method", "");
  in.reference = hdf_get_value(v, "reference", "");
  in.cents = money_cents(hdf_get_value(v, "amount", ""));
  in.advance = req_param_int(r, "advance", 0, 0, 1) == 1;
  in.use_advance = req_param_int(r, "use_advance", 0, 0, 1) == 1;
  struct form f = { .r = r };
  read_allocations(r, &f, &in);
  /* Money coming in needs its method; nothing coming in needs the advance. */
  if (!hdf_get_obj(v, "Errors.amount")) {
    if (in.cents > 0 && !*in.method && !hdf_get_obj(v, "Errors.method"))
      form_error(&f, "method", "Valid.Required");
    if (in.cents == 0 && !in.use_advance) form_error(&f, "amount", "Receipt.AmountNeeded");
  }
  if ((err = form_finish(&f)) ||
      (err = hdf_set_int_value(r->hdf, "Form.advance", in.advance)) ||
      (err = hdf_set_int_value(r->hdf, "Form.use_advance", in.use_advance)))
    return nerr_pass(err);
  if (bad || f.errors) return nerr_pass(receipt_again(r, NULL, NULL));
  enum receipt_outcome o;
  long long item;
  if ((err = db_receipt_record(&r->user, r->ip, r->id, &in, &o, &item))) return nerr_pass(err);
  char name[48];
  snprintf(name, sizeof name, "alloc_%lld", item);
  switch (o) {
  case RECEIPT_NOT_FOUND: return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  case RECEIPT_NOT_OPEN: return nerr_pass(receipt_again(r, name, "Receipt.NotOpen"));
  case RECEIPT_OVER_ITEM: return nerr_pass(receipt_again(r, name, "Receipt.OverItem"));
  case RECEIPT_OVER_RECEIVED: return nerr_pass(receipt_again(r, "amount", "Receipt.OverReceived"));
  case RECEIPT_REMAINDER: return nerr_pass(receipt_again(r, "advance", "Receipt.Remainder"));
  case RECEIPT_NOTHING: return nerr_pass(receipt_again(r, "amount", "Receipt.AmountNeeded"));
  default: break;
  }
  if ((err = req_flash(r, "ReceiptSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=payments", r->id));
}

NEOERR *customers_receipt_remove(struct req *r)
{
  long long rid = req_param_int(r, "receipt_id", 0, 1, REQ_ID_MAX);
  if (!rid) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char reason[2048];
  form_text(&f, "reason", 1, 500, reason, sizeof reason);
  NEOERR *err = form_finish(&f);
  if (!err) err = hdf_set_valuef(r->hdf, "Form.remove_receipt=%lld", rid);
  if (err) return nerr_pass(err);
  if (f.errors) {
    r->status = 422;
    return nerr_pass(customers_show_tab(r, "payments"));
  }
  enum receipt_outcome o;
  if ((err = db_receipt_remove(&r->user, r->ip, r->id, rid, reason, &o))) return nerr_pass(err);
  if (o != RECEIPT_OK) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  if ((err = req_flash(r, "EntryRemoved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=payments", r->id));
}

/* The payments tab's extra data: the receipt form's items and advance,
 * the receipts, today for the date field. */
NEOERR *customers_payments_tab(struct req *r)
{
  char today[16];
  china_format("%Y-%m-%d", today, sizeof today);
  NEOERR *err = db_receipt_form(r->id, r->hdf, "Receipt");
  /* ?remove_receipt=N: that receipt's removal form under the list. */
  long long rid = req_param_int(r, "remove_receipt", 0, 1, REQ_ID_MAX);
  if (!err && rid) err = hdf_set_valuef(r->hdf, "Form.remove_receipt=%lld", rid);
  if (!err) err = db_receipt_list(r->id, r->hdf, "Receipts");
  if (!err && !*hdf_get_value(r->hdf, "Form.received_on", ""))
    err = hdf_set_value(r->hdf, "Form.received_on", today);
  return nerr_pass(err);
}

/* The period from ?from= and ?to= (default: this year to today), checked
 * like form fields; *ok 0 when either is bad or from is after to. */
static NEOERR *period(struct req *r, char *from, char *to, int *ok)
{
  struct form f = { .r = r };
  char today[16], first[16];
  china_format("%Y-%m-%d", today, sizeof today);
  china_format("%Y-01-01", first, sizeof first);
  form_checked(&f, "from", 0, 10, valid_date, "Valid.Date", from, 16);
  form_checked(&f, "to", 0, 10, valid_date, "Valid.Date", to, 16);
  if (!*from && !hdf_get_obj(r->hdf, "Form.Errors.from")) snprintf(from, 16, "%s", first);
  if (!*to && !hdf_get_obj(r->hdf, "Form.Errors.to")) snprintf(to, 16, "%s", today);
  if (!f.errors && strcmp(from, to) > 0) form_error(&f, "to", "Statement.ToBeforeFrom");
  NEOERR *err = form_finish(&f);
  if (!err) err = hdf_set_value(r->hdf, "Form.from", from);
  if (!err) err = hdf_set_value(r->hdf, "Form.to", to);
  *ok = !f.errors;
  return nerr_pass(err);
}

/* The customer (scope) and the statement of the period under Statement;
 * *ok 0 when the period is bad (the page shows why, the download is a bad
 * request); a customer the user may not see is the 404 error. */
static NEOERR *load(struct req *r, char *from, char *to, int *ok)
{
  int found;
  NEOERR *err = db_customer_get(&r->user, r->id, r->hdf, &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(app_fail(r, KERR_NOT_FOUND, "CustomerNotFound"));
  if ((err = period(r, from, to, ok)) || !*ok) return nerr_pass(err);
  return nerr_pass(db_statement(r->id, from, to, r->hdf, "Statement"));
}

NEOERR *customers_statement(struct req *r)
{
  char from[16], to[16];
  int ok;
  NEOERR *err = load(r, from, to, &ok);
  if (err) return nerr_pass(err);
  if (!ok) r->status = 422;
  if ((err = hdf_set_value(r->hdf, "Page.Section", "customers"))) return nerr_pass(err);
  r->template = "customers/statement.cs";
  return STATUS_OK;
}

NEOERR *customers_statement_xlsx(struct req *r)
{
  char from[16], to[16];
  int ok;
  NEOERR *err = load(r, from, to, &ok);
  if (err) return nerr_pass(err);
  if (!ok) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  static const char *const keys[] = { "Statement.Date", "Statement.Item", "Statement.Doc",
                                       "Statement.Charge", "Statement.Receipt",
                                       "Statement.Balance" };
  const char *head[6];
  for (int i = 0; i < 6; i++) head[i] = i18n_get(r->lang, keys[i]);
  struct xlsx_out x;
  if ((err = export_xlsx_begin(&x, i18n_get(r->lang, "Statement.Title"), head, 6)))
    return nerr_pass(err);
  HDF *s = hdf_get_obj(r->hdf, "Statement");
  char title[400], kind[64];
  snprintf(title, sizeof title, "%s %s — %s", hdf_get_value(r->hdf, "Customer.name", ""), from, to);
  err = xlsx_text(&x, 1, title, 1);
  xlsx_next_row(&x);
  if (!err) err = xlsx_text(&x, 0, from, 0);
  if (!err) err = xlsx_text(&x, 1, i18n_get(r->lang, "Statement.Opening"), 0);
  if (!err) err = xlsx_number(&x, 5, strtod(hdf_get_value(s, "opening", "0"), NULL));
  xlsx_next_row(&x);
  for (HDF *l = hdf_obj_child(hdf_get_obj(s, "Lines")); l && !err; l = hdf_obj_next(l)) {
    snprintf(kind, sizeof kind, "Statement.Kind.%s", hdf_get_value(l, "kind", ""));
    err = xlsx_text(&x, 0, hdf_get_value(l, "on", ""), 0);
    if (!err) err = xlsx_text(&x, 1, i18n_get(r->lang, kind), 0);
    if (!err) err = xlsx_text(&x, 2, hdf_get_value(l, "doc", ""), 0);
    const char *c = hdf_get_value(l, "charge", NULL), *p = hdf_get_value(l, "receipt", NULL);
    if (!err && c) err = xlsx_number(&x, 3, strtod(c, NULL));
    if (!err && p) err = xlsx_number(&x, 4, strtod(p, NULL));
    if (!err) err = xlsx_number(&x, 5, strtod(hdf_get_value(l, "balance", "0"), NULL));
    xlsx_next_row(&x);
  }
  if (!err) err = xlsx_text(&x, 0, to, 0);
  if (!err) err = xlsx_text(&x, 1, i18n_get(r->lang, "Statement.Closing"), 0);
  if (!err) err = xlsx_number(&x, 3, strtod(hdf_get_value(s, "charges", "0"), NULL));
  if (!err) err = xlsx_number(&x, 4, strtod(hdf_get_value(s, "receipts", "0"), NULL));
  if (!err) err = xlsx_number(&x, 5, strtod(hdf_get_value(s, "closing", "0"), NULL));
  xlsx_next_row(&x);
  char stem[128];
  snprintf(stem, sizeof stem, "%s-%s", i18n_get(r->lang, "Statement.Title"),
           hdf_get_value(r->hdf, "Customer.code", ""));
  return nerr_pass(export_xlsx_end(&x, err, r, stem));
}
