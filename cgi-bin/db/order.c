/* Reading one order entered or imported on a customer file, with its
 * lines (retired products shown by name like the others). */
#include "db/order.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdio.h>

static DB_STMT one = DB_STMT_INIT(
    "SELECT o.id, o.order_no, o.ordered_on, o.expected_on, o.delivered_on, o.status, o.total,"
    " o.note, o.cancel_reason, o.credit_reason, cb.display_name AS credit_by, o.version,"
    " sp.display_name AS salesperson,"
    " (SELECT COALESCE(SUM(p.paid_amount), 0) FROM payments p WHERE p.order_id = o.id) AS paid,"
    " (SELECT MIN(p.due_on) FROM payments p WHERE p.order_id = o.id) AS due_on"
    " FROM orders o JOIN customers c ON c.id = o.customer_id"
    " LEFT JOIN users cb ON cb.id = o.credit_by LEFT JOIN users sp ON sp.id = o.salesperson_id"
    " WHERE o.id = ? AND o.customer_id = ? AND " CUSTOMER_SCOPE("c.region_id"));
static DB_STMT lines = DB_STMT_INIT(
    "SELECT l.id, l.product_id, p.code, p.name, p.active, l.quantity, l.unit_price,"
    " l.discount_pct, l.amount FROM order_lines l JOIN products p ON p.id = l.product_id"
    " WHERE l.order_id = ? ORDER BY l.id");

NEOERR *db_order_get(const struct user *u, long long customer_id, long long order_id,
                     HDF *hdf, const char *prefix, int *found)
{
  NEOERR *err = db_exec(&one, "iiii", order_id, customer_id, (long long)scope_limited(u),
                        (long long)u->id);
  if (!err) err = db_row_to_hdf(&one, hdf, prefix, found);
  if (err || !*found) return nerr_pass(err);
  char name[64];
  snprintf(name, sizeof name, "%s.Lines", prefix);
  if ((err = db_exec(&lines, "i", order_id))) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(&lines, hdf, name, NULL));
}
