/* Money received (回款) and its allocation to due items (see receipt.h and
 * docs/payments.md). Amounts are worked in cents here; the database keeps
 * DECIMAL(14,2). Every write locks the customer's row first (through the
 * region scope), so two receipts for one customer never interleave. */
#include "db/customer_write.h"
#include "db/receipt.h"
#include "db/audit.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "core/err.h"
#include "core/format.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Open and partly paid items, oldest due first (the form and the write
 * read the same ones; the write locks them). */
#define OPEN_ITEMS \
  " FROM payments p LEFT JOIN orders o ON o.id = p.order_id" \
  " WHERE p.customer_id = ? AND p.paid_on IS NULL AND p.paid_amount < p.amount" \
  " ORDER BY p.due_on, p.id LIMIT 100"
static DB_STMT open_items = DB_STMT_INIT(
    "SELECT p.id, o.order_no, p.amount, p.paid_amount, p.amount - p.paid_amount AS owed,"
    " p.due_on, (p.due_on < CURDATE()) AS overdue" OPEN_ITEMS);
static DB_STMT lock_items = DB_STMT_INIT(
    "SELECT p.id, p.amount - p.paid_amount" OPEN_ITEMS " FOR UPDATE");
/* Receipts with money not yet allocated, oldest first: the advance. */
static DB_STMT advance_left = DB_STMT_INIT(
    "SELECT r.id, r.amount - COALESCE((SELECT SUM(a.amount) FROM payment_allocations a"
    "  WHERE a.receipt_id = r.id), 0) AS rest"
    " FROM payment_receipts r WHERE r.customer_id = ?"
    " HAVING rest > 0 ORDER BY r.received_on, r.id LIMIT 200");
static DB_STMT advance_sum = DB_STMT_INIT(
    "SELECT (SELECT COALESCE(SUM(amount), 0) FROM payment_receipts WHERE customer_id = ?)"
    " - (SELECT COALESCE(SUM(a.amount), 0) FROM payment_allocations a"
    "    JOIN payment_receipts r ON r.id = a.receipt_id WHERE r.customer_id = ?)");
static DB_STMT receipts = DB_STMT_INIT(
    "SELECT r.id, r.received_on, r.amount, r.method, r.reference,"
    " COALESCE((SELECT SUM(a.amount) FROM payment_allocations a WHERE a.receipt_id = r.id), 0)"
    "  AS allocated, u.display_name AS who"
    " FROM payment_receipts r LEFT JOIN users u ON u.id = r.created_by"
    " WHERE r.customer_id = ? ORDER BY r.received_on DESC, r.id DESC LIMIT 200");

NEOERR *db_receipt_form(long long customer_id, HDF *hdf, const char *prefix)
{
  char name[96];
  snprintf(name, sizeof name, "%s.Items", prefix);
  NEOERR *err = db_read_rows(&open_items, hdf, name, "i", customer_id);
  int more;
  if (!err) err = db_exec(&advance_sum, "ii", customer_id, customer_id);
  if (!err) err = db_next(&advance_sum, &more);
  if (!err && more) {
    snprintf(name, sizeof name, "%s.advance", prefix);
    err = hdf_set_value(hdf, name, db_str(&advance_sum, 0));
  }
  db_done(&advance_sum);
  return nerr_pass(err);
}

NEOERR *db_receipt_list(long long customer_id, HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&receipts, hdf, prefix, "i", customer_id));
}

struct pot {
  long long id, cents;          /* a receipt and what it still has */
};

/* Rows of (id, amount) into list, at most max; *n their number. */
static NEOERR *read_pairs(DB_STMT *s, struct pot *list, int max, int *n)
{
  int more;
  NEOERR *err;
  *n = 0;
  while (!(err = db_next(s, &more)) && more)
    if (*n < max) {
      list[*n].id = db_int(s, 0);
      list[*n].cents = money_cents(db_str(s, 1));
      (*n)++;
    }
  db_done(s);
  return nerr_pass(err);
}

static DB_STMT insert_receipt = DB_STMT_INIT(
    "INSERT INTO payment_receipts (customer_id, received_on, amount, method, reference,"
    " created_by) VALUES (?, ?, ?, ?, ?, ?)");
static DB_STMT insert_alloc = DB_STMT_INIT(
    "INSERT INTO payment_allocations (receipt_id, payment_id, amount, created_by)"
    " VALUES (?, ?, ?, ?)");
/* paid_on is set when the item is settled (schema/038); the assignments
 * run left to right, so paid_amount is already the new one. */
static DB_STMT pay_item = DB_STMT_INIT(
    "UPDATE payments SET paid_amount = paid_amount + ?,"
    " paid_on = IF(paid_amount >= amount, COALESCE(?, CURDATE()), NULL),"
    " version = version + 1 WHERE id = ? AND customer_id = ?");

/* Checks the allocations against the locked items and the money there
 * is; fills `use` (oldest first when none were given). */
static enum receipt_outcome plan(const struct receipt_in *in, const struct pot *items, int ni,
                                 long long advance, long long *use, long long *bad_item)
{
  long long avail = in->cents + (in->use_advance ? advance : 0), sum = 0;
  for (int i = 0; i < ni; i++) use[i] = 0;
  for (int k = 0; k < in->n; k++) {
    int i = 0;
    while (i < ni && items[i].id != in->a[k].item) i++;
    *bad_item = in->a[k].item;
    if (i == ni) return RECEIPT_NOT_OPEN;
    if (in->a[k].cents > items[i].cents) return RECEIPT_OVER_ITEM;
    use[i] = in->a[k].cents;
  }
  *bad_item = 0;
  if (in->n == 0)
    for (int i = 0; i < ni && sum < avail; i++) {
      use[i] = items[i].cents < avail - sum ? items[i].cents : avail - sum;
      sum += use[i];
    }
  sum = 0;
  for (int i = 0; i < ni; i++) sum += use[i];
  if (sum > avail) return RECEIPT_OVER_RECEIVED;
  long long from_adv = in->use_advance ? (advance < sum ? advance : sum) : 0;
  if (in->cents > sum - from_adv && !in->advance) return RECEIPT_REMAINDER;
  if (in->cents == 0 && sum == 0) return RECEIPT_NOTHING;
  return RECEIPT_OK;
}

NEOERR *db_receipt_record(const struct user *u, const char *ip, long long customer_id,
                          const struct receipt_in *in, enum receipt_outcome *outcome,
                          long long *bad_item)
{
  static struct pot items[RECEIPT_MAX_ITEMS], pots[201];
  static long long use[RECEIPT_MAX_ITEMS];
  int ni = 0, np = 0, found;
  long long advance = 0;
  char money[32];
  STRING detail;
  string_init(&detail);
  *outcome = RECEIPT_OK;
  *bad_item = 0;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_customer_lock(u, customer_id, NULL, 0, &found))) goto end;
  if (!found) { *outcome = RECEIPT_NOT_FOUND; goto end; }
  if ((err = db_exec(&lock_items, "i", customer_id)) ||
      (err = read_pairs(&lock_items, items, RECEIPT_MAX_ITEMS, &ni)) ||
      (err = db_exec(&advance_left, "i", customer_id)) ||
      (err = read_pairs(&advance_left, pots, 200, &np)))
    goto end;
  for (int i = 0; i < np; i++) advance += pots[i].cents;
  if ((*outcome = plan(in, items, ni, advance, use, bad_item)) != RECEIPT_OK) goto end;
  if (!in->use_advance) np = 0;
  long long rid = 0;
  if (in->cents > 0) {
    cents_text(in->cents, money, sizeof money);
    if ((err = db_exec(&insert_receipt, "issssi", customer_id, in->received_on, money,
                       in->method, in->reference, (long long)u->id)))
      goto end;
    rid = (long long)db_insert_id(&insert_receipt);
    pots[np].id = rid;
    pots[np++].cents = in->cents;
    err = string_appendf(&detail, "receipt #%lld %s ¥%s", rid, in->received_on, money);
  } else {
    err = string_append(&detail, "receipt #0 advance");
  }
  /* Each item's share from the pots in order: the advance's oldest
   * receipts first, then the money received now. */
  for (int i = 0, p = 0, first = 1; !err && i < ni; i++) {
    long long left = use[i];
    if (!left) continue;
    cents_text(left, money, sizeof money);
    if ((err = string_appendf(&detail, "%s#%lld ¥%s", first ? " → " : ", ", items[i].id, money)))
      break;
    first = 0;
    while (!err && left > 0 && p < np) {
      long long take = pots[p].cents < left ? pots[p].cents : left;
      cents_text(take, money, sizeof money);
      err = db_exec(&insert_alloc, "iisi", pots[p].id, items[i].id, money, (long long)u->id);
      left -= take;
      if ((pots[p].cents -= take) == 0) p++;
    }
    cents_text(use[i], money, sizeof money);
    if (!err) err = db_exec(&pay_item, "ssii", money, in->cents > 0 ? in->received_on : NULL,
                            items[i].id, customer_id);
  }
  if (!err) err = db_audit(u, ip, "add", "customer", customer_id, detail.buf);
end:
  string_clear(&detail);
  return nerr_pass(db_end(err, *outcome == RECEIPT_OK));
}

static DB_STMT receipt_label = DB_STMT_INIT(
    "SELECT CONCAT(received_on, ' ¥', amount) FROM payment_receipts"
    " WHERE id = ? AND customer_id = ? FOR UPDATE");
static DB_STMT receipt_archive = DB_STMT_INIT(
    "INSERT INTO customer_entries_removed (customer_id, kind, entry_id, label, data, reason,"
    " removed_by) SELECT customer_id, 'receipt', id, CONCAT(received_on, ' ¥', amount),"
    " JSON_OBJECT('received_on', received_on, 'amount', amount, 'method', method,"
    "  'reference', reference, 'created_by', created_by, 'created_at', created_at,"
    "  'allocations', (SELECT JSON_ARRAYAGG(JSON_OBJECT('payment_id', a.payment_id,"
    "   'amount', a.amount)) FROM payment_allocations a WHERE a.receipt_id = r.id)),"
    " ?, ? FROM payment_receipts r WHERE id = ? AND customer_id = ?");
/* Taking an allocation back leaves an item short again: not settled. */
static DB_STMT receipt_unpay = DB_STMT_INIT(
    "UPDATE payments p JOIN (SELECT payment_id, SUM(amount) AS s FROM payment_allocations"
    "  WHERE receipt_id = ? GROUP BY payment_id) a ON a.payment_id = p.id"
    " SET p.paid_on = NULL, p.paid_amount = p.paid_amount - a.s, p.version = p.version + 1");
static DB_STMT receipt_allocs_drop = DB_STMT_INIT(
    "DELETE FROM payment_allocations WHERE receipt_id = ?");
static DB_STMT receipt_drop = DB_STMT_INIT(
    "DELETE FROM payment_receipts WHERE id = ? AND customer_id = ?");

NEOERR *db_receipt_remove(const struct user *u, const char *ip, long long customer_id,
                          long long receipt_id, const char *reason,
                          enum receipt_outcome *outcome)
{
  int found, more = 0;
  char detail[900];
  *outcome = RECEIPT_OK;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_customer_lock(u, customer_id, NULL, 0, &found))) goto end;
  if (found && !(err = db_exec(&receipt_label, "ii", receipt_id, customer_id)) &&
      !(err = db_next(&receipt_label, &more)) && more)
    snprintf(detail, sizeof detail, "receipt #%lld %s\n%s", receipt_id,
             db_str(&receipt_label, 0), reason);
  db_done(&receipt_label);
  if (err) goto end;
  if (!more) { *outcome = RECEIPT_NOT_FOUND; goto end; }
  if (!(err = db_exec(&receipt_archive, "siii", reason, (long long)u->id, receipt_id,
                      customer_id)) &&
      !(err = db_exec(&receipt_unpay, "i", receipt_id)) &&
      !(err = db_exec(&receipt_allocs_drop, "i", receipt_id)) &&
      !(err = db_exec(&receipt_drop, "ii", receipt_id, customer_id)))
    err = db_audit(u, ip, "entry_remove", "customer", customer_id, detail);
end:
  return nerr_pass(db_end(err, *outcome == RECEIPT_OK));
}
