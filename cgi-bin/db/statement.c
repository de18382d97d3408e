/* The customer statement (see statement.h): one read of every charge and
 * receipt up to the period's end, in date order; what lies before the
 * period makes the opening balance, the rest the lines. */
#include "db/statement.h"
#include "db/db.h"
#include "core/format.h"
#include <stdio.h>
#include <string.h>

/* kind 1: a due item, dated by its order (or its due date without one);
 * 2: a receipt; 3: what an item had paid without receipts (imported or
 * older data), received on its paid date. Charges before receipts on a
 * day. */
static DB_STMT lines = DB_STMT_INIT(
    "SELECT d, kind, doc, method, due_on, amount FROM ("
    " SELECT COALESCE(o.ordered_on, p.due_on) AS d, 1 AS kind, p.id AS rid,"
    "  o.order_no AS doc, NULL AS method, p.due_on, p.amount"
    "  FROM payments p LEFT JOIN orders o ON o.id = p.order_id WHERE p.customer_id = ?"
    " UNION ALL"
    " SELECT received_on, 2, id, reference, method, NULL, amount"
    "  FROM payment_receipts WHERE customer_id = ?"
    " UNION ALL"
    " SELECT COALESCE(p.paid_on, p.due_on), 3, p.id, o.order_no, NULL, p.due_on,"
    "  p.paid_amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocations a"
    "   WHERE a.payment_id = p.id), 0)"
    "  FROM payments p LEFT JOIN orders o ON o.id = p.order_id"
    "  WHERE p.customer_id = ? AND p.paid_amount > 0"
    ") x WHERE d <= ? AND amount <> 0 ORDER BY d, kind, rid");

static NEOERR *set_money(HDF *node, const char *name, long long cents)
{
  char buf[32];
  cents_text(cents, buf, sizeof buf);
  return nerr_pass(hdf_set_value(node, name, buf));
}

NEOERR *db_statement(long long customer_id, const char *from, const char *to, HDF *hdf,
                     const char *prefix)
{
  static const char *const kinds[] = { "", "charge", "receipt", "paid" };
  HDF *top, *list = NULL, *row;
  long long opening = 0, charges = 0, received = 0, balance;
  int more, n = 0;
  NEOERR *err = hdf_get_node(hdf, prefix, &top);
  if (!err) err = db_exec(&lines, "iiis", customer_id, customer_id, customer_id, to);
  while (!err && !(err = db_next(&lines, &more)) && more) {
    const char *on = db_str(&lines, 0);
    int kind = (int)db_int(&lines, 1);
    long long c = money_cents(db_str(&lines, 5));
    if (kind < 1 || kind > 3) continue;
    long long sign = kind == 1 ? 1 : -1;
    if (strcmp(on, from) < 0) { opening += sign * c; continue; }
    if (kind == 1) charges += c; else received += c;
    if (n >= STATEMENT_MAX_LINES) {
      err = hdf_set_int_value(top, "truncated", 1);
      continue;
    }
    balance = opening + charges - received;
    if (!list) err = hdf_get_node(top, "Lines", &list);
    if (!err) err = db_row_node(list, n++, &row);
    if (!err) err = hdf_set_value(row, "on", on);
    if (!err) err = hdf_set_value(row, "kind", kinds[kind]);
    if (!err && db_str(&lines, 2)) err = hdf_set_value(row, "doc", db_str(&lines, 2));
    if (!err && db_str(&lines, 3)) err = hdf_set_value(row, "method", db_str(&lines, 3));
    if (!err && db_str(&lines, 4)) err = hdf_set_value(row, "due_on", db_str(&lines, 4));
    if (!err) err = set_money(row, kind == 1 ? "charge" : "receipt", c);
    if (!err) err = set_money(row, "balance", balance);
  }
  db_done(&lines);
  if (!err) err = set_money(top, "opening", opening);
  if (!err) err = set_money(top, "charges", charges);
  if (!err) err = set_money(top, "receipts", received);
  if (!err) err = set_money(top, "closing", opening + charges - received);
  return nerr_pass(err);
}
