/* Editing and removing a customer file's entries: one description per
 * kind (its table, key, editable columns, how the change log names a
 * row), from which the statements are assembled once per kind (fixed
 * fragments only, see db_stmt_for). Each write is one transaction with its
 * audit row, after the customer's row is locked through the region scope. */
#include "db/customer_entries.h"
#include "db/audit.h"
#include "db/customer_entry_write.h"
#include "db/customer_sql.h"
#include "db/customer_write.h"
#include "db/db.h"
#include "db/query.h"
#include "core/format.h"
#include "core/err.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct entry_table {
  const char *kind, *table, *key;
  const char *cond;     /* more of the WHERE clause, or "" */
  const char *cols;     /* editable columns, space-separated; "?col": empty is NULL */
  const char *label;    /* how the change log names the row */
  const char *keep;     /* other columns the removed copy keeps */
};

static const struct entry_table tables[] = {
  { "person", "customer_contacts", "id", "",
    "name role title authority phone email personality ?birthday hobbies ?left_on",
    "name", "created_at" },
  { "contact", "contact_log", "id", "",
    "channel contacted_on people heard next_action ?next_due",
    "CONCAT(contacted_on, ' ', LEFT(heard, 40))", "done staff_id created_by created_at" },
  { "needs", "customer_dynamics", "id", " AND kind = 'needs'", "category noted_on content",
    "CONCAT(noted_on, ' ', LEFT(content, 40))", "created_by created_at" },
  { "strategy", "customer_dynamics", "id", " AND kind = 'strategy'", "category noted_on content",
    "CONCAT(noted_on, ' ', LEFT(content, 40))", "created_by created_at" },
  { "quote", "quotes", "id", "",
    "quoted_on product_id quantity unit_price ?valid_until status note",
    "CONCAT(quoted_on, ' ', quantity, ' × ¥', unit_price)", "created_by created_at" },
  { "service", "service_records", "id", "", "served_on ?product_id kind description result",
    "CONCAT(served_on, ' ', LEFT(description, 40))", "staff_id created_at" },
  { "incentive", "customer_incentives", "id", "", "kind granted_on amount description",
    "CONCAT(granted_on, ' ¥', amount)", "created_by created_at" },
  { "finance", "customer_financials", "year", "",
    "year ?current_ratio ?net_margin ?roa ?collection_days ?inventory_days",
    "year", "updated_by updated_at" },
  { "order", "orders", "id", "", "order_no ordered_on ?delivered_on",
    "order_no", "salesperson_id total created_at" },
  /* paid_on and paid_amount follow the receipts (db/receipt.c). */
  { "payment", "payments", "id", "", "amount due_on",
    "CONCAT(due_on, ' ¥', amount)", "order_id paid_amount paid_on" },
};
#define NTABLES (sizeof tables / sizeof tables[0])
#define MAXCOLS 16

static const struct entry_table *table_for(const char *kind)
{
  for (size_t i = 0; i < NTABLES; i++)
    if (strcmp(tables[i].kind, kind) == 0) return &tables[i];
  return NULL;
}

/* The column names of a space-separated list, "?" marks in nullable[]. */
static int split_cols(const char *list, char names[MAXCOLS][32], int nullable[MAXCOLS])
{
  int n = 0;
  for (const char *p = list; *p && n < MAXCOLS; ) {
    while (*p == ' ') p++;
    if (!*p) break;
    if (nullable) nullable[n] = *p == '?';
    if (*p == '?') p++;
    size_t len = strcspn(p, " ");
    snprintf(names[n++], 32, "%.*s", (int)len, p);
    p += len;
  }
  return n;
}

/* One statement of a kind: which = 's'elect current, 'u'pdate, 'a'rchive,
 * 'd'elete. Its text only: the callers bind the values. */
static NEOERR *stmt(const struct entry_table *t, char which, DB_STMT **out)
{
  char names[MAXCOLS][32];
  int nullable[MAXCOLS], n = split_cols(t->cols, names, nullable);
  static struct query q;     /* one request at a time */
  query_init(&q);
  if (which == 's') {
    query_add(&q, "SELECT ");
    for (int i = 0; i < n; i++) query_add(&q, "%s, ", names[i]);
    query_add(&q, "version, %s AS label FROM %s", t->label, t->table);
  } else if (which == 'u') {
    query_add(&q, "UPDATE %s SET ", t->table);
    for (int i = 0; i < n; i++)
      query_add(&q, nullable[i] ? "%s = NULLIF(?, ''), " : "%s = ?, ", names[i]);
    /* A due item whose amount now equals what was paid is settled (today),
     * one raised above it is open again (schema/038). */
    query_add(&q, "version = version + 1%s",
              strcmp(t->kind, "payment") == 0
              ? ", paid_on = IF(paid_amount >= amount, COALESCE(paid_on, CURDATE()), NULL)" : "");
  } else if (which == 'a') {
    /* The row's values as JSON: the editable columns, then the others. */
    char keep[MAXCOLS][32];
    int nk = split_cols(t->keep, keep, NULL);
    query_add(&q, "INSERT INTO customer_entries_removed (customer_id, kind,"
                  " entry_id, label, data, reason, removed_by) SELECT customer_id, '%s', %s,"
                  " LEFT(%s, 255), JSON_OBJECT(", t->kind, t->key, t->label);
    for (int i = 0; i < n + nk; i++)
      query_add(&q, "%s'%s', %s", i ? ", " : "", i < n ? names[i] : keep[i - n],
                i < n ? names[i] : keep[i - n]);
    if (strcmp(t->kind, "order") == 0)
      query_add(&q, ", 'lines', (SELECT JSON_ARRAYAGG(JSON_OBJECT("
                    "'product_id', l.product_id, 'quantity', l.quantity, 'unit_price',"
                    " l.unit_price, 'amount', l.amount)) FROM order_lines l"
                    " WHERE l.order_id = orders.id)");
    if (strcmp(t->kind, "payment") == 0)
      query_add(&q, ", 'allocations', (SELECT JSON_ARRAYAGG("
                    "JSON_OBJECT('receipt_id', a.receipt_id, 'amount', a.amount))"
                    " FROM payment_allocations a WHERE a.payment_id = payments.id)");
    query_add(&q, "), ?, ? FROM %s", t->table);
  } else {
    query_add(&q, "DELETE FROM %s", t->table);
  }
  query_cond(&q, "%s = ? AND customer_id = ?%s", t->key, t->cond);
  if (which == 'u') query_add(&q, " AND version = ?");
  if (which == 's') query_add(&q, " FOR UPDATE");
  NEOERR *err = query_check(&q);
  return nerr_pass(err ? err : db_stmt_for(q.sql, out));
}

/* Locks the customer (region scope) and reads the entry's current row
 * into s; *found 1, 0 (no such entry) or -1 (customer not visible). The
 * caller ends s (db_done). */
static NEOERR *current(const struct user *u, long long customer_id, const struct entry_table *t,
                       long long entry_id, DB_STMT **s, int *found)
{
  NEOERR *err = db_customer_lock(u, customer_id, NULL, 0, found);
  if (!err && !*found) *found = -1;
  if (err || *found < 0) return nerr_pass(err);
  if ((err = stmt(t, 's', s)) || (err = db_exec(*s, "ii", entry_id, customer_id)))
    return nerr_pass(err);
  return nerr_pass(db_next(*s, found));
}

NEOERR *db_entry_get(const struct user *u, long long customer_id, const char *kind,
                     long long entry_id, HDF *hdf, const char *prefix, int *found)
{
  const struct entry_table *t = table_for(kind);
  *found = 0;
  if (!t) return STATUS_OK;
  DB_STMT *s = NULL;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if (!(err = current(u, customer_id, t, entry_id, &s, found)) && *found > 0) {
    HDF *node;
    if (!(err = hdf_get_node(hdf, prefix, &node))) err = db_columns_to_node(s, node, -1);
  }
  if (s) db_done(s);
  db_rollback();
  return nerr_pass(err);
}

/* Two stored values that say the same (12.5 and 12.50). */
static int same(const char *a, const char *b)
{
  if (strcmp(a, b) == 0) return 1;
  char *ea, *eb;
  double x = strtod(a, &ea), y = strtod(b, &eb);
  return *a && *b && !*ea && !*eb && x == y;
}

/* "kind #id label" then "col: before → after" per changed column. */
static NEOERR *diff(const struct entry_table *t, DB_STMT *s, long long entry_id, HDF *v,
                    STRING *out, int *changed)
{
  char names[MAXCOLS][32];
  int n = split_cols(t->cols, names, NULL);
  const char *label = db_str(s, n + 1);
  NEOERR *err = string_appendf(out, "%s #%lld %.100s", t->kind, entry_id, label ? label : "");
  *changed = 0;
  for (int i = 0; !err && i < n; i++) {
    const char *before = db_str(s, i), *after = hdf_get_value(v, names[i], "");
    if (!before) before = "";
    if (same(before, after)) continue;
    (*changed)++;
    err = string_appendf(out, "\n%s: %.200s → %.200s", names[i], before, after);
  }
  return nerr_pass(err);
}

static DB_STMT last_purchase = DB_STMT_INIT(
    "UPDATE customers SET last_purchase_on = (SELECT MAX(ordered_on) FROM orders"
    " WHERE customer_id = ? AND status <> 'cancelled') WHERE id = ?");

NEOERR *db_customer_last_purchase(long long customer_id)
{
  return nerr_pass(db_exec(&last_purchase, "ii", customer_id, customer_id));
}
static DB_STMT order_paid = DB_STMT_INIT(
    "SELECT 1 FROM payments WHERE order_id = ? LIMIT 1");
static DB_STMT order_lines_drop = DB_STMT_INIT(
    "DELETE FROM order_lines WHERE order_id = ?");
static DB_STMT item_paid = DB_STMT_INIT(
    "SELECT paid_amount FROM payments WHERE id = ?");
/* A due item removed gives back what receipts allocated to it: that money
 * is the customer's advance again (docs/payments.md). */
static DB_STMT item_allocs_drop = DB_STMT_INIT(
    "DELETE FROM payment_allocations WHERE payment_id = ?");

/* ENTRY_BELOW_PAID when a due item's new amount is less than what has
 * been paid on it (the row is locked). */
static NEOERR *check_paid(long long entry_id, HDF *v, enum entry_outcome *outcome)
{
  int more;
  NEOERR *err = db_exec(&item_paid, "i", entry_id);
  if (!err) err = db_next(&item_paid, &more);
  if (!err && more &&
      money_cents(hdf_get_value(v, "amount", "")) < money_cents(db_str(&item_paid, 0)))
    *outcome = ENTRY_BELOW_PAID;
  db_done(&item_paid);
  return nerr_pass(err);
}

NEOERR *db_entry_update(const struct user *u, const char *ip, long long customer_id,
                        const char *kind, long long entry_id, long long version, HDF *v,
                        enum entry_outcome *outcome)
{
  const struct entry_table *t = table_for(kind);
  if (!t) return nerr_raise(NERR_ASSERT, "unknown entry kind %s", kind);
  *outcome = ENTRY_OK;
  DB_STMT *s = NULL, *up;
  int found, changed = 0;
  STRING detail;
  string_init(&detail);
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = current(u, customer_id, t, entry_id, &s, &found))) goto end;
  char names[MAXCOLS][32];
  int n = split_cols(t->cols, names, NULL);
  if (found <= 0) *outcome = ENTRY_NOT_FOUND;
  else if (db_int(s, n) != version) *outcome = ENTRY_CONFLICT;
  else err = diff(t, s, entry_id, v, &detail, &changed);
  if (s) db_done(s);
  if (!err && *outcome == ENTRY_OK && strcmp(kind, "payment") == 0)
    err = check_paid(entry_id, v, outcome);
  if (err || *outcome != ENTRY_OK) goto end;
  struct db_arg a[DB_MAX_PARAMS];
  int k = 0;
  for (int i = 0; i < n; i++) a[k++] = DB_STR(hdf_get_value(v, names[i], ""));
  a[k++] = DB_INT(entry_id);
  a[k++] = DB_INT(customer_id);
  a[k++] = DB_INT(version);
  if ((err = stmt(t, 'u', &up))) goto end;
  if ((err = db_execa(up, a, k))) {
    if (nerr_handle(&err, KERR_CONFLICT)) *outcome = ENTRY_DUPLICATE;
    else if (nerr_handle(&err, KERR_BAD_REFERENCE)) *outcome = ENTRY_BAD_REFERENCE;
    goto end;
  }
  /* The row is locked since it was read, so this is only a safeguard. */
  if (db_affected(up) == 0) { *outcome = ENTRY_CONFLICT; goto end; }
  if (strcmp(kind, "order") == 0 &&
      (err = db_customer_last_purchase(customer_id)))
    goto end;
  if (changed) err = db_audit(u, ip, "entry_edit", "customer", customer_id, detail.buf);
end:
  string_clear(&detail);
  return nerr_pass(db_end(err, *outcome == ENTRY_OK));
}

NEOERR *db_entry_remove(const struct user *u, const char *ip, long long customer_id,
                        const char *kind, long long entry_id, const char *reason,
                        enum entry_outcome *outcome)
{
  const struct entry_table *t = table_for(kind);
  if (!t) return nerr_raise(NERR_ASSERT, "unknown entry kind %s", kind);
  *outcome = ENTRY_OK;
  DB_STMT *s = NULL, *archive, *drop;
  int found, more = 0;
  char names[MAXCOLS][32], detail[900];
  int n = split_cols(t->cols, names, NULL);
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = current(u, customer_id, t, entry_id, &s, &found))) goto end;
  if (found > 0) {
    const char *label = db_str(s, n + 1);
    snprintf(detail, sizeof detail, "%s #%lld %.100s\n%s", kind, entry_id, label ? label : "",
             reason);
  }
  if (s) db_done(s);
  if (found <= 0) { *outcome = ENTRY_NOT_FOUND; goto end; }
  int order = strcmp(kind, "order") == 0;
  if (order) {
    /* A payment names the order: it stays, so the order does too. */
    if ((err = db_exec(&order_paid, "i", entry_id)) || (err = db_next(&order_paid, &more)))
      goto end;
    db_done(&order_paid);
    if (more) { *outcome = ENTRY_IN_USE; goto end; }
  }
  if ((err = stmt(t, 'a', &archive)) ||
      (err = db_exec(archive, "siii", reason, (long long)u->id, entry_id, customer_id)))
    goto end;
  /* The lines one by one through their triggers (the dashboard's sales),
   * which a cascade would skip. */
  if (order && (err = db_exec(&order_lines_drop, "i", entry_id))) goto end;
  if (strcmp(kind, "payment") == 0 && (err = db_exec(&item_allocs_drop, "i", entry_id))) goto end;
  if ((err = stmt(t, 'd', &drop)) || (err = db_exec(drop, "ii", entry_id, customer_id))) goto end;
  if (order && (err = db_customer_last_purchase(customer_id))) goto end;
  err = db_audit(u, ip, "entry_remove", "customer", customer_id, detail);
end:
  return nerr_pass(db_end(err, *outcome == ENTRY_OK));
}
