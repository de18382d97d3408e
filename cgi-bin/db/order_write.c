/* Writing orders entered on a customer file (docs/orders.md). Each write
 * is one transaction: the customer's row locked through the region scope,
 * the order's row locked, the change, its due item, the credit check and
 * the audit row. Amounts are DECIMAL expressions in the statements that
 * write them, so C never holds a money figure as a number. */
#include "db/customer_entry_write.h"
#include "db/customer_write.h"
#include "db/order.h"
#include "db/audit.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/order_write.h"
#include "core/err.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static DB_STMT current = DB_STMT_INIT(
    "SELECT o.status, o.version, o.total, o.order_no,"
    " (SELECT COALESCE(MAX(l.id), 0) FROM order_lines l WHERE l.order_id = o.id) AS last_line,"
    " (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id) AS items,"
    " (SELECT COUNT(*) FROM payments p WHERE p.order_id = o.id AND p.paid_amount > 0) AS paid"
    " FROM orders o WHERE o.id = ? AND o.customer_id = ? FOR UPDATE");
/* A placeholder number until the id is known (see set_no). */
static DB_STMT insert_order = DB_STMT_INIT(
    "INSERT INTO orders (order_no, customer_id, salesperson_id, ordered_on, expected_on, note)"
    " VALUES (CONCAT('~', LEFT(MD5(UUID()), 16)), ?, ?, ?, NULLIF(?, ''), ?)");
static DB_STMT set_no = DB_STMT_INIT(
    "UPDATE orders SET order_no = CONCAT('KH', DATE_FORMAT(ordered_on, '%Y%m%d'), '-',"
    " LPAD(id, 6, '0')) WHERE id = ?");
/* The unit price defaults to the product's list price; the amount is
 * rounded to the fen. A product must be active, or already on this order
 * (a line kept on an old order): lines up to `last` are the order's lines
 * before this change. */
static DB_STMT insert_line = DB_STMT_INIT(
    "INSERT INTO order_lines (order_id, product_id, quantity, unit_price, discount_pct, amount)"
    " SELECT ?, p.id, v.q, COALESCE(v.u, p.list_price), v.d,"
    " ROUND(v.q * COALESCE(v.u, p.list_price) * (100 - v.d) / 100, 2)"
    " FROM products p, (SELECT CAST(? AS UNSIGNED) AS q, CAST(NULLIF(?, '') AS DECIMAL(12,2)) AS u,"
    " CAST(COALESCE(NULLIF(?, ''), '0') AS DECIMAL(5,2)) AS d) v"
    " WHERE p.id = ? AND (p.active = 1 OR EXISTS (SELECT 1 FROM order_lines k"
    " WHERE k.order_id = ? AND k.product_id = p.id AND k.id <= ?))");
static DB_STMT drop_lines = DB_STMT_INIT(
    "DELETE FROM order_lines WHERE order_id = ? AND id <= ?");
static DB_STMT set_total = DB_STMT_INIT(
    "UPDATE orders SET total = (SELECT COALESCE(SUM(amount), 0) FROM order_lines"
    " WHERE order_id = ?) WHERE id = ?");
static DB_STMT set_head = DB_STMT_INIT(
    "UPDATE orders SET ordered_on = ?, expected_on = NULLIF(?, ''), note = ?,"
    " version = version + 1 WHERE id = ?");
/* The due item: the total, due the customer's payment terms after the
 * order date. */
static DB_STMT insert_item = DB_STMT_INIT(
    "INSERT INTO payments (customer_id, order_id, amount, due_on)"
    " SELECT o.customer_id, o.id, o.total, o.ordered_on + INTERVAL c.payment_terms DAY"
    " FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?");
static DB_STMT update_item = DB_STMT_INIT(
    "UPDATE payments p JOIN orders o ON o.id = p.order_id JOIN customers c ON c.id = o.customer_id"
    " SET p.amount = o.total, p.due_on = o.ordered_on + INTERVAL c.payment_terms DAY"
    " WHERE p.order_id = ? AND p.paid_amount = 0");
/* The credit check after the change, from the balance the triggers keep
 * (schema/040): the limit, the balance before and after, and whether
 * this change takes it over a limit that is set. `before` is the order's
 * total before the change ("0" for a new order). */
static DB_STMT credit = DB_STMT_INIT(
    "SELECT c.credit_limit,"
    " COALESCE(t.open_balance, 0) - (o.total - CAST(? AS DECIMAL(14,2))) AS balance,"
    " COALESCE(t.open_balance, 0) AS new_balance, c.credit_limit > 0"
    " AND COALESCE(t.open_balance, 0) > c.credit_limit AND o.total > CAST(? AS DECIMAL(14,2)) AS over_limit"
    " FROM orders o JOIN customers c ON c.id = o.customer_id"
    " LEFT JOIN customer_credit t ON t.customer_id = o.customer_id WHERE o.id = ?");
static DB_STMT confirm = DB_STMT_INIT(
    "UPDATE orders SET credit_reason = ?, credit_by = ? WHERE id = ?");
static DB_STMT deliver = DB_STMT_INIT(
    "UPDATE orders SET status = 'delivered', delivered_on = ?, version = version + 1"
    " WHERE id = ? AND ? >= ordered_on");
static DB_STMT drop_items = DB_STMT_INIT(
    "DELETE FROM payments WHERE order_id = ? AND paid_amount = 0");
/* A cancelled order sells nothing: its lines keep product, quantity,
 * price and discount, their amounts (which the dashboard's sales follow,
 * schema/014) and the total go to zero. */
static DB_STMT zero_lines = DB_STMT_INIT(
    "UPDATE order_lines SET amount = 0 WHERE order_id = ?");
static DB_STMT cancel = DB_STMT_INIT(
    "UPDATE orders SET status = 'cancelled', cancel_reason = ?, total = 0,"
    " version = version + 1 WHERE id = ?");
static DB_STMT total_of = DB_STMT_INIT(
    "SELECT order_no, total FROM orders WHERE id = ?");

/* The order's state as locked: *found 0 when it is not this customer's. */
struct locked {
  char status[16], total[32], no[40];
  long long version, last_line, items, paid;
};

static NEOERR *lock_order(const struct user *u, long long customer_id, long long order_id,
                          struct locked *o, int *found)
{
  NEOERR *err = db_customer_lock(u, customer_id, NULL, 0, found);
  if (err || !*found) return nerr_pass(err);
  if ((err = db_exec(&current, "ii", order_id, customer_id)) ||
      (err = db_next(&current, found)))
    return nerr_pass(err);
  if (*found) {
    snprintf(o->status, sizeof o->status, "%s", db_str(&current, 0));
    o->version = db_int(&current, 1);
    snprintf(o->total, sizeof o->total, "%s", db_str(&current, 2));
    snprintf(o->no, sizeof o->no, "%s", db_str(&current, 3));
    o->last_line = db_int(&current, 4);
    o->items = db_int(&current, 5);
    o->paid = db_int(&current, 6);
  }
  db_done(&current);
  return STATUS_OK;
}

/* The lines of in, after the order's lines up to `last`. */
static NEOERR *put_lines(long long order_id, long long last, const struct order_in *in,
                         struct order_result *res)
{
  for (int i = 0; i < in->nlines; i++) {
    const struct order_line_in *l = &in->lines[i];
    NEOERR *err = db_exec(&insert_line, "isssiii", order_id, l->quantity, l->unit_price,
                          l->discount, (long long)atoll(l->product_id), order_id, last);
    if (err) return nerr_pass(err);
    if (db_affected(&insert_line) == 0) {
      res->outcome = ORDER_BAD_PRODUCT;
      res->bad_line = i;
      return STATUS_OK;
    }
  }
  if (last) {
    NEOERR *err = db_exec(&drop_lines, "ii", order_id, last);
    if (err) return nerr_pass(err);
  }
  return nerr_pass(db_exec(&set_total, "ii", order_id, order_id));
}

/* Over the limit: refused unless a leader gave a reason, which is kept on
 * the order and audited. */
static NEOERR *check_credit(const struct user *u, const char *ip, long long customer_id,
                            long long order_id, const char *before, const struct order_in *in,
                            struct order_result *res)
{
  int more;
  NEOERR *err = db_exec(&credit, "ssi", before, before, order_id);
  if (!err) err = db_next(&credit, &more);
  if (err || !more) { db_done(&credit); return nerr_pass(err); }
  int over = db_int(&credit, 3) != 0;
  snprintf(res->limit, sizeof res->limit, "%s", db_str(&credit, 0));
  snprintf(res->balance, sizeof res->balance, "%s", db_str(&credit, 1));
  snprintf(res->new_balance, sizeof res->new_balance, "%s", db_str(&credit, 2));
  db_done(&credit);
  if (!over) return STATUS_OK;
  if (!in->may_confirm || !in->credit_reason || !*in->credit_reason) {
    res->outcome = ORDER_OVER_LIMIT;
    return STATUS_OK;
  }
  char detail[900];
  snprintf(detail, sizeof detail, "order #%lld limit %s balance %s → %s\n%s", order_id,
           res->limit, res->balance, res->new_balance, in->credit_reason);
  if ((err = db_exec(&confirm, "sii", in->credit_reason, (long long)u->id, order_id)))
    return nerr_pass(err);
  return nerr_pass(db_audit(u, ip, "credit_confirm", "customer", customer_id, detail));
}

/* "order #id number ¥total" plus `more`, audited as `action`. */
static NEOERR *audit_order(const struct user *u, const char *ip, long long customer_id,
                           long long order_id, const char *action, const char *more)
{
  int found;
  NEOERR *err = db_exec(&total_of, "i", order_id);
  if (!err) err = db_next(&total_of, &found);
  char detail[900];
  if (!err && found)
    snprintf(detail, sizeof detail, "order #%lld %s ¥%s%s%.700s", order_id,
             db_str(&total_of, 0), db_str(&total_of, 1), *more ? "\n" : "", more);
  db_done(&total_of);
  if (err) return nerr_pass(err);
  return nerr_pass(db_audit(u, ip, action, "customer", customer_id, found ? detail : ""));
}

static NEOERR *fail(NEOERR *err)
{
  return nerr_pass(db_end(err, 0));
}

NEOERR *db_order_create(const struct user *u, const char *ip, long long customer_id,
                        const struct order_in *in, struct order_result *res)
{
  memset(res, 0, sizeof *res);
  int found;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_customer_lock(u, customer_id, NULL, 0, &found))) return fail(err);
  if (!found) { res->outcome = ORDER_NOT_FOUND; return fail(STATUS_OK); }
  if ((err = db_exec(&insert_order, "iisss", customer_id, (long long)u->id, in->ordered_on,
                     in->expected_on, in->note)))
    return fail(err);
  long long id = (long long)db_insert_id(&insert_order);
  res->order_id = id;
  if ((err = db_exec(&set_no, "i", id)) || (err = put_lines(id, 0, in, res)) ||
      res->outcome != ORDER_OK)
    return fail(err);
  if ((err = db_exec(&insert_item, "i", id)) ||
      (err = check_credit(u, ip, customer_id, id, "0", in, res)) || res->outcome != ORDER_OK)
    return fail(err);
  if ((err = db_customer_last_purchase(customer_id)) ||
      (err = audit_order(u, ip, customer_id, id, "order_add", "")) || (err = db_commit()))
    return fail(err);
  return STATUS_OK;
}

/* Begins the transaction and locks the order for a change that needs it
 * still 'ordered' at version (and, with `unpaid`, nothing of it paid);
 * rolled back again unless it is ORDER_OK. */
static NEOERR *open_order(const struct user *u, long long customer_id, long long order_id,
                          long long version, int unpaid, struct locked *o,
                          struct order_result *res)
{
  int found;
  memset(res, 0, sizeof *res);
  res->order_id = order_id;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if (!(err = lock_order(u, customer_id, order_id, o, &found))) {
    if (!found) res->outcome = ORDER_NOT_FOUND;
    else if (o->version != version) res->outcome = ORDER_CONFLICT;
    else if (strcmp(o->status, "ordered") != 0) res->outcome = ORDER_NOT_OPEN;
    else if (unpaid && o->paid) res->outcome = ORDER_PAID;
  }
  if (err || res->outcome != ORDER_OK) db_rollback();
  return nerr_pass(err);
}

NEOERR *db_order_update(const struct user *u, const char *ip, long long customer_id,
                        long long order_id, long long version, const struct order_in *in,
                        struct order_result *res)
{
  struct locked o;
  NEOERR *err = open_order(u, customer_id, order_id, version, 1, &o, res);
  if (err || res->outcome != ORDER_OK) return nerr_pass(err);
  if ((err = db_exec(&set_head, "sssi", in->ordered_on, in->expected_on, in->note, order_id)) ||
      (err = put_lines(order_id, o.last_line, in, res)) || res->outcome != ORDER_OK)
    return fail(err);
  /* One due item follows the order; an imported order with several (or
   * none) keeps them as they are. */
  if (o.items == 1 && (err = db_exec(&update_item, "i", order_id))) return fail(err);
  if ((err = check_credit(u, ip, customer_id, order_id, o.total, in, res)) ||
      res->outcome != ORDER_OK)
    return fail(err);
  char was[64];
  snprintf(was, sizeof was, "total: %s", o.total);
  if ((err = db_customer_last_purchase(customer_id)) ||
      (err = audit_order(u, ip, customer_id, order_id, "order_edit", was)) ||
      (err = db_commit()))
    return fail(err);
  return STATUS_OK;
}

/* Delivery: the date, not before the order's. Cancelling: the reason;
 * the unpaid due item goes, the lines and total go to zero. */
NEOERR *db_order_step(const struct user *u, const char *ip, long long customer_id,
                      long long order_id, long long version, int cancelling, const char *value,
                      struct order_result *res)
{
  struct locked o;
  NEOERR *err = open_order(u, customer_id, order_id, version, cancelling, &o, res);
  if (err || res->outcome != ORDER_OK) return nerr_pass(err);
  char detail[900];
  if (cancelling) {
    snprintf(detail, sizeof detail, "order #%lld %s ¥%s\n%s", order_id, o.no, o.total, value);
    if ((err = db_exec(&drop_items, "i", order_id)) ||
        (err = db_exec(&zero_lines, "i", order_id)) ||
        (err = db_exec(&cancel, "si", value, order_id)) ||
        (err = db_customer_last_purchase(customer_id)) ||
        (err = db_audit(u, ip, "order_cancel", "customer", customer_id, detail)))
      return fail(err);
  } else {
    if ((err = db_exec(&deliver, "sis", value, order_id, value))) return fail(err);
    if (db_affected(&deliver) == 0) { res->outcome = ORDER_BAD_DATE; return fail(STATUS_OK); }
    snprintf(detail, sizeof detail, "delivered_on: %s", value);
    if ((err = audit_order(u, ip, customer_id, order_id, "order_deliver", detail)))
      return fail(err);
  }
  if ((err = db_commit())) return fail(err);
  return STATUS_OK;
}
