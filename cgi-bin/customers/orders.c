/* Order entry on the customer file (docs/orders.md): the order form (new,
 * and an existing order's page with its lines, delivery and cancelling).
 * Lines are numbered fields (product_N, qty_N, price_N, discount_N), a
 * fixed number of rows so the form works without JavaScript; "add lines"
 * sends the form back with five more rows and every value echoed. */
#include "customers/pages.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "db/customer.h"
#include "db/customer_entries.h"
#include "db/order.h"
#include "db/order_write.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROWS_MIN 5
#define ROWS_MORE 5

/* A discount in per cent: an amount (two decimals) of at most 100. */
static int valid_discount(const char *s)
{
  if (!valid_amount(s)) return 0;
  size_t whole = strcspn(s, ".");
  if (whole < 3) return 1;
  if (whole > 3 || strncmp(s, "100", 3) != 0) return 0;
  for (s += 3; *s; s++)
    if (*s != '.' && *s != '0') return 0;
  return 1;
}

static int may_confirm(const struct req *r)
{
  return (r->user.role & (ROLE_LEADER | ROLE_ADMIN)) != 0;
}

/* Rows.N.{product,qty,price,discount}: the field names of row N, which
 * the template hands to the form macros (values and messages stay under
 * Form.<name> like every form's). */
static NEOERR *set_rows(struct req *r, int rows)
{
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.rows", rows);
  for (int i = 0; !err && i < rows; i++) {
    err = hdf_set_valuef(r->hdf, "Rows.%d.product=product_%d", i, i);
    if (!err) err = hdf_set_valuef(r->hdf, "Rows.%d.qty=qty_%d", i, i);
    if (!err) err = hdf_set_valuef(r->hdf, "Rows.%d.price=price_%d", i, i);
    if (!err) err = hdf_set_valuef(r->hdf, "Rows.%d.discount=discount_%d", i, i);
    if (!err) err = hdf_set_valuef(r->hdf, "Rows.%d.no=%d", i, i + 1);
  }
  return nerr_pass(err);
}

/* The page around the form: the customer (region scope), the products. */
static NEOERR *page(struct req *r, long long order_id, int *found)
{
  NEOERR *err = db_customer_get(&r->user, r->id, r->hdf, found);
  if (err || !*found) return nerr_pass(err);
  if (order_id && ((err = db_order_get(&r->user, r->id, order_id, r->hdf, "Order", found)) ||
                   !*found))
    return nerr_pass(err);
  if (!err) err = hdf_set_value(r->hdf, "Page.Section", "customers");
  if (!err) err = hdf_set_int_value(r->hdf, "Credit.may_confirm", may_confirm(r));
  if (!err) err = db_product_list(r->hdf, "Products");
  r->template = "customers/order.cs";
  return nerr_pass(err);
}

/* The posted order into in (pointing into buffers that live in `keep`),
 * every value echoed under Form.*; *bad counts the fields in error; rowof[]
 * maps each line back to its row. */
struct posted {
  char head[3][600];
  char cells[ORDER_MAX_LINES][4][32];
  char reason[2048];
  int rowof[ORDER_MAX_LINES];
};

static NEOERR *read_order(struct req *r, int rows, struct order_in *in, struct posted *p,
                          int *bad)
{
  struct form f = { .r = r };
  memset(in, 0, sizeof *in);
  in->ordered_on = form_checked(&f, "ordered_on", 1, 10, valid_date, "Valid.Date",
                                p->head[0], sizeof p->head[0]);
  in->expected_on = form_checked(&f, "expected_on", 0, 10, valid_date, "Valid.Date",
                                 p->head[1], sizeof p->head[1]);
  if (!f.errors && *in->expected_on && strcmp(in->expected_on, in->ordered_on) < 0)
    form_error(&f, "expected_on", "Valid.ExpectedBefore");
  in->note = form_text(&f, "note", 0, 500, p->head[2], sizeof p->head[2]);
  for (int i = 0; i < rows && i < ORDER_MAX_LINES; i++) {
    char n[4][24];
    snprintf(n[0], sizeof n[0], "product_%d", i);
    snprintf(n[1], sizeof n[1], "qty_%d", i);
    snprintf(n[2], sizeof n[2], "price_%d", i);
    snprintf(n[3], sizeof n[3], "discount_%d", i);
    char (*c)[32] = p->cells[in->nlines];
    form_text(&f, n[0], 0, 9, c[0], sizeof c[0]);
    form_text(&f, n[1], 0, 9, c[1], sizeof c[1]);
    form_text(&f, n[2], 0, 12, c[2], sizeof c[2]);
    form_text(&f, n[3], 0, 6, c[3], sizeof c[3]);
    if (!*c[0] && !*c[1] && !*c[2] && !*c[3]) continue;   /* an empty row */
    if (!*c[0]) form_error(&f, n[0], "Valid.Required");
    else if (!valid_id(c[0])) form_error(&f, n[0], "Valid.Choice");
    if (!*c[1]) form_error(&f, n[1], "Valid.Required");
    else if (!valid_id(c[1])) form_error(&f, n[1], "Valid.OrderQuantity");
    if (*c[2] && !valid_amount(c[2])) form_error(&f, n[2], "Valid.Amount");
    if (*c[3] && !valid_discount(c[3])) form_error(&f, n[3], "Valid.OrderDiscount");
    p->rowof[in->nlines] = i;
    in->lines[in->nlines++] = (struct order_line_in){ c[0], c[1], c[2], c[3] };
  }
  if (in->nlines == 0) form_error(&f, "product_0", "Valid.OrderNeedLine");
  in->may_confirm = may_confirm(r);
  /* Only a leader's reason is read: staff cannot go over the limit. */
  in->credit_reason = in->may_confirm
      ? form_text(&f, "credit_reason", 0, 500, p->reason, sizeof p->reason) : "";
  *bad = f.errors;
  return nerr_pass(form_finish(&f));
}

/* How many rows the form posted, and five more when "add lines" was used. */
static int posted_rows(struct req *r)
{
  int rows = (int)req_param_int(r, "rows", ROWS_MIN, 1, ORDER_MAX_LINES);
  if (req_param(r, "more")) rows += ROWS_MORE;
  return rows > ORDER_MAX_LINES ? ORDER_MAX_LINES : rows;
}

/* The warning of an order over the limit: both figures and the new
 * balance; a leader is asked for a reason (again, with a message, when
 * the reason field was already shown and left empty). */
static NEOERR *over_limit(struct req *r, const struct order_result *res)
{
  NEOERR *err = hdf_set_value(r->hdf, "Credit.limit", res->limit);
  if (!err) err = hdf_set_value(r->hdf, "Credit.balance", res->balance);
  if (!err) err = hdf_set_value(r->hdf, "Credit.new_balance", res->new_balance);
  if (!err) err = hdf_set_value(r->hdf, "Credit.over", "1");
  if (!err && may_confirm(r) && req_param(r, "credit_asked"))
    err = form_field_error(r, "credit_reason", "Valid.Required");
  r->status = 422;
  return nerr_pass(err);
}

/* A refusal from the database, shown on the form; 1 in *shown when it was. */
static NEOERR *refused(struct req *r, const struct order_result *res, const struct posted *p,
                       int *shown)
{
  char name[24];
  *shown = 1;
  switch (res->outcome) {
  case ORDER_NOT_FOUND: return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  case ORDER_BAD_PRODUCT:
    snprintf(name, sizeof name, "product_%d", p->rowof[res->bad_line]);
    r->status = 422;
    return nerr_pass(form_field_error(r, name, "Valid.OrderRetired"));
  case ORDER_OVER_LIMIT: return nerr_pass(over_limit(r, res));
  case ORDER_NOT_OPEN: return app_fail(r, KERR_CONFLICT, "OrderNotOpen");
  case ORDER_PAID: return app_fail(r, KERR_CONFLICT, "OrderPartlyPaid");
  default: *shown = 0; return STATUS_OK;
  }
}

NEOERR *customers_order_form(struct req *r)
{
  int found;
  NEOERR *err = page(r, 0, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  return nerr_pass(set_rows(r, ROWS_MIN));
}

/* Sets the back link of the error page to the order. */
static NEOERR *back_to(struct req *r, long long order_id)
{
  NEOERR *err = hdf_set_valuef(r->hdf, "Error.Back=/customers/%lld/orders/edit?order=%lld",
                               r->id, order_id);
  if (!err) err = hdf_set_value(r->hdf, "Error.BackLabel", "Order");
  return nerr_pass(err);
}

/* Form.* from the stored order, for its edit form. */
static NEOERR *order_values(struct req *r)
{
  HDF *h = r->hdf;
  static const char *const head[] = { "ordered_on", "expected_on", "note", "version" };
  NEOERR *err = STATUS_OK;
  char key[64];
  for (size_t i = 0; !err && i < 4; i++) {
    snprintf(key, sizeof key, "Order.%s", head[i]);
    err = hdf_set_valuef(h, "Form.%s=%s", head[i], hdf_get_value(h, key, ""));
  }
  int n = 0;
  for (HDF *l = hdf_get_child(h, "Order.Lines"); !err && l; l = hdf_obj_next(l), n++) {
    err = hdf_set_valuef(h, "Form.product_%d=%s", n, hdf_get_value(l, "product_id", ""));
    if (!err) err = hdf_set_valuef(h, "Form.qty_%d=%s", n, hdf_get_value(l, "quantity", ""));
    if (!err) err = hdf_set_valuef(h, "Form.price_%d=%s", n, hdf_get_value(l, "unit_price", ""));
    if (!err) err = hdf_set_valuef(h, "Form.discount_%d=%s", n, hdf_get_value(l, "discount_pct", ""));
  }
  int rows = n + 2 < ROWS_MIN ? ROWS_MIN : n + 2;
  if (!err) err = set_rows(r, rows > ORDER_MAX_LINES ? ORDER_MAX_LINES : rows);
  return nerr_pass(err);
}

NEOERR *customers_order_show(struct req *r)
{
  long long order_id = req_param_int(r, "order", 0, 1, REQ_ID_MAX);
  int found;
  NEOERR *err;
  if (!order_id) {
    /* No order named: the customer's orders, if the customer is visible. */
    if ((err = page(r, 0, &found))) return nerr_pass(err);
    if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
    return nerr_pass(req_redirect(r, "/customers/%lld?tab=orders", r->id));
  }
  err = page(r, order_id, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  return nerr_pass(order_values(r));
}

/* The posted order id and version; 0 (answered) when malformed. */
static long long posted_order(struct req *r, long long *version)
{
  *version = req_param_int(r, "version", 0, 1, 0x7fffffff);
  long long id = req_param_int(r, "order_id", 0, 1, REQ_ID_MAX);
  return *version ? id : 0;
}

/* Someone saved the order first: theirs beside the user's input, which
 * stays in the form with their version (as for the basic information). */
static NEOERR *conflict(struct req *r, long long order_id, int rows)
{
  int found;
  NEOERR *err = page(r, order_id, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  HDF *theirs;
  if ((err = hdf_get_node(r->hdf, "Order", &theirs)) ||
      (err = hdf_copy(r->hdf, "Theirs", theirs)) ||
      (err = hdf_set_value(r->hdf, "Form.version", hdf_get_value(theirs, "version", ""))))
    return nerr_pass(err);
  r->status = 409;
  return nerr_pass(set_rows(r, rows));
}

/* A new order (order_id 0) or an existing one's lines at version: saved,
 * or the form again with every value (more rows for "add lines", the
 * messages, the credit warning, their version beside the user's). */
static NEOERR *save(struct req *r, long long order_id, long long version)
{
  struct order_in *in = calloc(1, sizeof *in);
  struct posted *p = calloc(1, sizeof *p);
  NEOERR *err = STATUS_OK;
  int rows = posted_rows(r), bad, found, shown = 0;
  struct order_result res = { 0 };
  if (!in || !p) { err = nerr_raise(NERR_NOMEM, "order form"); goto done; }
  if ((err = read_order(r, rows, in, p, &bad))) goto done;
  if (order_id && (err = hdf_set_valuef(r->hdf, "Form.version=%lld", version))) goto done;
  if (req_param(r, "more")) {
    /* More rows, nothing checked yet: the form as it was, longer. */
    if ((err = hdf_remove_tree(r->hdf, "Form.Errors"))) goto done;
  } else if (bad) {
    r->status = 422;
  } else {
    err = order_id ? db_order_update(&r->user, r->ip, r->id, order_id, version, in, &res)
                   : db_order_create(&r->user, r->ip, r->id, in, &res);
    if (err) goto done;
    if (res.outcome == ORDER_CONFLICT) { err = conflict(r, order_id, rows); goto done; }
    if ((res.outcome == ORDER_NOT_OPEN || res.outcome == ORDER_PAID) &&
        (err = back_to(r, order_id)))
      goto done;
    if ((err = refused(r, &res, p, &shown)) || !shown) {
      if (!err && !(err = req_flash(r, "OrderSaved")))
        err = req_redirect(r, "/customers/%lld/orders/edit?order=%lld", r->id, res.order_id);
      goto done;
    }
  }
  if ((err = page(r, order_id, &found))) goto done;
  if (!found) { err = app_fail(r, KERR_NOT_FOUND, order_id ? "EntryNotFound" : "CustomerNotFound"); goto done; }
  err = set_rows(r, rows);
done:
  free(in);
  free(p);
  return nerr_pass(err);
}

NEOERR *customers_order_create(struct req *r)
{
  return nerr_pass(save(r, 0, 0));
}

NEOERR *customers_order_update(struct req *r)
{
  long long version, order_id = posted_order(r, &version);
  if (!order_id) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  return nerr_pass(save(r, order_id, version));
}

/* Deliver or cancel: one dated or reasoned step on an order still open. */
static NEOERR *step(struct req *r, int cancelling)
{
  long long version, order_id = posted_order(r, &version);
  if (!order_id) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char value[2048];
  if (cancelling) form_text(&f, "cancel_reason", 1, 500, value, sizeof value);
  else form_checked(&f, "delivered_on", 1, 10, valid_date, "Valid.Date", value, sizeof value);
  NEOERR *err = form_finish(&f);
  if (err) return nerr_pass(err);
  struct order_result res = { .outcome = ORDER_OK };
  if (!f.errors) {
    if ((err = db_order_step(&r->user, r->ip, r->id, order_id, version, cancelling, value, &res)))
      return nerr_pass(err);
    if (res.outcome == ORDER_OK) {
      if ((err = req_flash(r, cancelling ? "OrderCancelled" : "OrderDelivered")))
        return nerr_pass(err);
      return nerr_pass(req_redirect(r, "/customers/%lld/orders/edit?order=%lld", r->id,
                                    order_id));
    }
    if (res.outcome == ORDER_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
    if (res.outcome == ORDER_BAD_DATE &&
        (err = form_field_error(r, "delivered_on", "Valid.DeliveredBefore")))
      return nerr_pass(err);
    if (res.outcome == ORDER_NOT_OPEN || res.outcome == ORDER_PAID) {
      if ((err = back_to(r, order_id))) return nerr_pass(err);
      return app_fail(r, KERR_CONFLICT,
                      res.outcome == ORDER_PAID ? "OrderPartlyPaid" : "OrderNotOpen");
    }
  }
  /* The order's page again, with the message at the field or the
   * conflict (their version is what the page shows). */
  int found;
  if ((err = page(r, order_id, &found))) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  if (res.outcome == ORDER_CONFLICT) {
    r->status = 409;
    if ((err = hdf_set_value(r->hdf, "Credit.step_conflict", "1"))) return nerr_pass(err);
  } else {
    r->status = 422;
  }
  if ((err = hdf_set_value(r->hdf, "Form.step", cancelling ? "cancel" : "deliver")))
    return nerr_pass(err);
  return nerr_pass(order_values(r));
}

NEOERR *customers_order_deliver(struct req *r)
{
  return nerr_pass(step(r, 0));
}

NEOERR *customers_order_cancel(struct req *r)
{
  return nerr_pass(step(r, 1));
}
