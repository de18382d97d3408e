#include "db/customer_entries.h"
#include "db/audit.h"
#include "db/customer_sql.h"
#include "db/customer_write.h"
#include "db/db.h"
#include "db/scope.h"
#include "core/err.h"
#include <stdio.h>
#include <string.h>

const char *const customer_tabs[] = {
  "basic", "people", "needs", "strategy", "contacts", "orders", "payments",
  "incentives", "quotes", "service", "finance", "complaints", "support", "history", NULL,
};

int customer_tab_known(const char *name)
{
  for (const char *const *t = customer_tabs; name && *t; t++)
    if (strcmp(*t, name) == 0) return 1;
  return 0;
}

/* One statement per tab; each takes the customer id (needs/strategy also
 * the kind) and is bounded, newest first. */
static DB_STMT people = DB_STMT_INIT(
    "SELECT id, name, role, title, authority, phone, email, personality,"
    " birthday, hobbies, left_on FROM customer_contacts WHERE customer_id = ?"
    " ORDER BY FIELD(role,'chairman','gm','purchasing','finance','sales','logistics','other'), id");
static DB_STMT dynamics = DB_STMT_INIT(
    "SELECT d.id, d.category, d.noted_on, d.content, u.display_name AS who"
    " FROM customer_dynamics d LEFT JOIN users u ON u.id = d.created_by"
    " WHERE d.customer_id = ? AND d.kind = ? ORDER BY d.noted_on DESC, d.id DESC LIMIT 200");
static DB_STMT contacts = DB_STMT_INIT(
    "SELECT l.id, l.channel, l.contacted_on, l.people, l.heard, l.next_action,"
    " l.next_due, l.done, u.display_name AS staff,"
    " (l.done = 0 AND l.next_due < CURDATE()) AS overdue"
    " FROM contact_log l LEFT JOIN users u ON u.id = l.staff_id"
    " WHERE l.customer_id = ? ORDER BY l.contacted_on DESC, l.id DESC LIMIT 200");
static DB_STMT orders = DB_STMT_INIT(
    "SELECT o.id, o.order_no, o.ordered_on, o.delivered_on, o.status, o.credit_reason, o.total,"
    " u.display_name AS salesperson,"
    " (SELECT GROUP_CONCAT(CONCAT(p.name, ' × ', l.quantity) ORDER BY l.id SEPARATOR '；')"
    "  FROM order_lines l JOIN products p ON p.id = l.product_id WHERE l.order_id = o.id) AS items"
    " FROM orders o LEFT JOIN users u ON u.id = o.salesperson_id"
    " WHERE o.customer_id = ? ORDER BY o.ordered_on DESC, o.id DESC LIMIT 100");
/* A due item: open, partly paid or settled (schema/038); overdue while
 * not settled and past due, for what is still owed. */
static DB_STMT payments = DB_STMT_INIT(
    "SELECT p.id, o.order_no, p.amount, p.paid_amount, p.amount - p.paid_amount AS owed,"
    " p.due_on, p.paid_on,"
    " CASE WHEN p.paid_on IS NOT NULL THEN 'settled' WHEN p.paid_amount > 0 THEN 'partly'"
    "      ELSE 'open' END AS status,"
    " (p.paid_on IS NULL AND p.due_on < CURDATE()) AS overdue,"
    " CASE WHEN p.paid_on IS NULL AND p.due_on < CURDATE() THEN DATEDIFF(CURDATE(), p.due_on)"
    "      WHEN p.paid_on > p.due_on THEN DATEDIFF(p.paid_on, p.due_on) ELSE 0 END AS days_late"
    " FROM payments p LEFT JOIN orders o ON o.id = p.order_id"
    " WHERE p.customer_id = ? ORDER BY p.due_on DESC, p.id DESC LIMIT 100");
static DB_STMT incentives = DB_STMT_INIT(
    "SELECT id, kind, granted_on, amount, description FROM customer_incentives"
    " WHERE customer_id = ? ORDER BY granted_on DESC, id DESC LIMIT 200");
static DB_STMT quotes = DB_STMT_INIT(
    "SELECT q.id, q.quoted_on, p.name AS product, q.quantity, q.unit_price,"
    " q.quantity * q.unit_price AS amount, q.valid_until, q.status, q.note"
    " FROM quotes q JOIN products p ON p.id = q.product_id"
    " WHERE q.customer_id = ? ORDER BY q.quoted_on DESC, q.id DESC LIMIT 200");
static DB_STMT service = DB_STMT_INIT(
    "SELECT s.id, s.served_on, s.kind, p.name AS product, s.description, s.result,"
    " u.display_name AS staff FROM service_records s"
    " LEFT JOIN products p ON p.id = s.product_id LEFT JOIN users u ON u.id = s.staff_id"
    " WHERE s.customer_id = ? ORDER BY s.served_on DESC, s.id DESC LIMIT 200");
static DB_STMT finance = DB_STMT_INIT(
    "SELECT year, current_ratio, net_margin, roa, collection_days, inventory_days"
    " FROM customer_financials WHERE customer_id = ? ORDER BY year DESC");
/* A merge row names the other customer (merged_into=N, merged_from=N):
 * its detail is left out when that customer lies outside the viewer's
 * regions, as the merged customer's notice leaves out its survivor. */
static DB_STMT history = DB_STMT_INIT(
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i:%s') AS at, a.action,"
    " CASE WHEN a.action <> 'merge' OR EXISTS (SELECT 1 FROM customers o"
    "  WHERE o.id = CAST(SUBSTRING_INDEX(a.detail, '=', -1) AS UNSIGNED)"
    "  AND " CUSTOMER_SCOPE("o.region_id") ") THEN a.detail END AS detail,"
    " u.display_name AS who"
    " FROM audit_log a LEFT JOIN users u ON u.id = a.user_id"
    " WHERE a.entity = 'customer' AND a.entity_id = ? ORDER BY a.id DESC LIMIT 200");

NEOERR *db_customer_people(long long id, HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&people, hdf, prefix, "i", id));
}

NEOERR *db_customer_tab(const struct user *u, long long id, const char *tab, HDF *hdf)
{
  static const struct { const char *tab; DB_STMT *s; const char *kind; } q[] = {
    { "people", &people, NULL }, { "needs", &dynamics, "needs" },
    { "strategy", &dynamics, "strategy" }, { "contacts", &contacts, NULL },
    { "orders", &orders, NULL }, { "payments", &payments, NULL },
    { "incentives", &incentives, NULL }, { "quotes", &quotes, NULL },
    { "service", &service, NULL }, { "finance", &finance, NULL },
    { "history", &history, NULL },
  };
  for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
    if (strcmp(q[i].tab, tab) != 0) continue;
    NEOERR *err = q[i].kind ? db_exec(q[i].s, "is", id, q[i].kind)
                  : q[i].s == &history
                  ? db_exec(q[i].s, "iii", (long long)scope_limited(u), (long long)u->id, id)
                  : db_exec(q[i].s, "i", id);
    if (err) return nerr_pass(err);
    return nerr_pass(db_rows_to_hdf(q[i].s, hdf, "Tab.Rows", NULL));
  }
  return STATUS_OK;   /* "basic" needs nothing beyond the customer */
}

/* Insert statements by entry kind: the customer id, then the kind's fields
 * in order, then (where the table records it) the user. Not const: a
 * DB_STMT holds its prepared handle. */
static struct {
  const char *kind;
  DB_STMT stmt;
  int with_user;
} inserts[] = {
  { "person", DB_STMT_INIT("INSERT INTO customer_contacts (customer_id, name, role, title,"
      " authority, phone, email, personality, birthday, hobbies)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?)"), 0 },
  { "contact", DB_STMT_INIT("INSERT INTO contact_log (customer_id, channel, contacted_on,"
      " people, heard, next_action, next_due, staff_id, created_by)"
      " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?)"), 2 },
  { "needs", DB_STMT_INIT("INSERT INTO customer_dynamics (customer_id, kind, category,"
      " noted_on, content, created_by) VALUES (?, 'needs', ?, ?, ?, ?)"), 1 },
  { "strategy", DB_STMT_INIT("INSERT INTO customer_dynamics (customer_id, kind, category,"
      " noted_on, content, created_by) VALUES (?, 'strategy', ?, ?, ?, ?)"), 1 },
  { "quote", DB_STMT_INIT("INSERT INTO quotes (customer_id, quoted_on, product_id, quantity,"
      " unit_price, valid_until, status, note, created_by)"
      " VALUES (?, ?, ?, ?, ?, NULLIF(?, ''), ?, ?, ?)"), 1 },
  { "service", DB_STMT_INIT("INSERT INTO service_records (customer_id, served_on, product_id,"
      " kind, description, result, staff_id) VALUES (?, ?, NULLIF(?, ''), ?, ?, ?, ?)"), 1 },
  { "incentive", DB_STMT_INIT("INSERT INTO customer_incentives (customer_id, kind, granted_on,"
      " amount, description, created_by) VALUES (?, ?, ?, ?, ?, ?)"), 1 },
  /* One row per year: entering a year again corrects it. */
  { "finance", DB_STMT_INIT("INSERT INTO customer_financials (customer_id, year, current_ratio,"
      " net_margin, roa, collection_days, inventory_days, updated_by, updated_at)"
      " VALUES (?, ?, NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, NOW())"
      " ON DUPLICATE KEY UPDATE current_ratio = VALUES(current_ratio),"
      " net_margin = VALUES(net_margin), roa = VALUES(roa),"
      " collection_days = VALUES(collection_days), inventory_days = VALUES(inventory_days),"
      " updated_by = VALUES(updated_by), updated_at = NOW()"), 1 },
};

NEOERR *db_entry_add(const struct user *u, const char *ip, long long customer_id,
                     const char *kind, HDF *v, const char *const *fields,
                     enum entry_outcome *outcome)
{
  *outcome = ENTRY_OK;
  size_t k;
  for (k = 0; k < sizeof inserts / sizeof inserts[0]; k++)
    if (strcmp(inserts[k].kind, kind) == 0) break;
  if (k == sizeof inserts / sizeof inserts[0])
    return nerr_raise(NERR_ASSERT, "unknown entry kind %s", kind);
  struct db_arg a[DB_MAX_PARAMS];
  int n = 0, found;
  a[n++] = DB_INT(customer_id);
  for (const char *const *f = fields; *f && n < DB_MAX_PARAMS - 2; f++)
    a[n++] = DB_STR(hdf_get_value(v, *f, ""));
  for (int i = 0; i < inserts[k].with_user; i++) a[n++] = DB_INT(u->id);
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_customer_lock(u, customer_id, NULL, 0, &found))) goto end;
  if (!found) { *outcome = ENTRY_NOT_FOUND; goto end; }
  DB_STMT *s = &inserts[k].stmt;
  if ((err = db_execa(s, a, n))) {
    /* A product that does not exist fails its foreign key. */
    if (nerr_handle(&err, KERR_BAD_REFERENCE)) *outcome = ENTRY_BAD_REFERENCE;
    goto end;
  }
  char detail[64];
  snprintf(detail, sizeof detail, "%s #%llu", kind, db_insert_id(s));
  err = db_audit(u, ip, "add", "customer", customer_id, detail);
end:
  return nerr_pass(db_end(err, *outcome == ENTRY_OK));
}

static DB_STMT done = DB_STMT_INIT(
    "UPDATE contact_log SET done = 1 WHERE id = ? AND customer_id = ? AND done = 0");

NEOERR *db_contact_done(const struct user *u, const char *ip, long long customer_id,
                        long long entry_id, enum entry_outcome *outcome)
{
  *outcome = ENTRY_OK;
  int found;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_customer_lock(u, customer_id, NULL, 0, &found))) goto end;
  if (!found) { *outcome = ENTRY_NOT_FOUND; goto end; }
  if ((err = db_exec(&done, "ii", entry_id, customer_id))) goto end;
  if (db_affected(&done) == 0) { *outcome = ENTRY_NOT_FOUND; goto end; }
  char detail[64];
  snprintf(detail, sizeof detail, "contact #%lld done", entry_id);
  err = db_audit(u, ip, "update", "customer", customer_id, detail);
end:
  return nerr_pass(db_end(err, *outcome == ENTRY_OK));
}

static DB_STMT products = DB_STMT_INIT(
    "SELECT id, code, name, list_price FROM products WHERE active = 1 ORDER BY category_id, code");

NEOERR *db_product_list(HDF *hdf, const char *prefix)
{
  return nerr_pass(db_read_rows(&products, hdf, prefix, ""));
}
