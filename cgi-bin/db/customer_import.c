/* Importing customers: lookups, jobs and the all-or-nothing commit.
 *
 * Rows travel to the server in batches, as one JSON array per prepared
 * INSERT ... SELECT ... FROM JSON_TABLE(?): a multi-row insert whose only
 * parameter is the batch (db.c binds at most DB_MAX_PARAMS parameters, far
 * fewer than 500 rows x 23 columns).
 *
 * A customer import writes its search index (the name bigrams and the
 * Mroonga table) on a second connection (db/side.c), each batch beside the
 * next batch's customer rows: the two take the server about as long each,
 * and run on two cores instead of one after the other. Those rows are
 * committed as they go; they point at customers nobody sees until the
 * import commits (every search joins customers), and a failed import
 * deletes them by its batches' ids. */
#include "db/audit.h"
#include "db/customer_import.h"
#include "db/db.h"
#include "db/side.h"
#include "core/err.h"
#include "core/log.h"
#include "core/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BATCH_ROWS 500

const char *const import_cols[IMPORT_NCOLS] = {
  "code", "name", "kind", "region_id", "owner_id", "lifecycle", "loyalty",
  "non_customer", "address", "city", "postal_code", "phone", "fax", "email",
  "founded_year", "sales_force", "delivery_capacity", "warehouse_capacity",
  "credit_limit", "history", "org_structure", "business_goals", "size_class",
};

static DB_STMT regions = DB_STMT_INIT(
    "SELECT id, code, name_zh, name_en FROM regions ORDER BY sort, id");
static DB_STMT owners = DB_STMT_INIT(
    "SELECT id, username, display_name FROM users WHERE active = 1"
    " AND role IN ('staff', 'regional_manager', 'leader') ORDER BY id");

static DB_STMT products = DB_STMT_INIT(
    "SELECT id, code, name, list_price FROM products WHERE active = 1 ORDER BY id");

/* Every row of a reference table's statement under prefix.N. */
static NEOERR *all_rows(DB_STMT *s, HDF *hdf, const char *prefix)
{
  NEOERR *err = db_exec(s, "");
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(s, hdf, prefix, NULL));
}

NEOERR *db_import_regions(HDF *hdf, const char *prefix)
{
  return nerr_pass(all_rows(&regions, hdf, prefix));
}

NEOERR *db_import_owners(HDF *hdf, const char *prefix)
{
  return nerr_pass(all_rows(&owners, hdf, prefix));
}

NEOERR *db_import_products(HDF *hdf, const char *prefix)
{
  return nerr_pass(all_rows(&products, hdf, prefix));
}

/* JSON string of s (UTF-8 passes through; quotes, backslashes and
 * control characters are escaped). */
static NEOERR *json_str(STRING *out, const char *s)
{
  NEOERR *err = string_append_char(out, '"');
  for (const unsigned char *p = (const unsigned char *)s; !err && *p; p++) {
    if (*p == '"' || *p == '\\') {
      if (!(err = string_append_char(out, '\\'))) err = string_append_char(out, (char)*p);
    } else if (*p < 0x20) {
      err = string_appendf(out, "\\u%04x", *p);
    } else {
      err = string_append_char(out, (char)*p);
    }
  }
  if (!err) err = string_append_char(out, '"');
  return nerr_pass(err);
}

static NEOERR *json_list(STRING *json, const char *const *v, int n)
{
  NEOERR *err = string_append_char(json, '[');
  for (int i = 0; !err && i < n; i++) {
    if (i && (err = string_append_char(json, ','))) break;
    err = json_str(json, v[i]);
  }
  if (!err) err = string_append_char(json, ']');
  return nerr_pass(err);
}

/* A batch lookup: s takes the JSON array of v[0 .. n - 1] and returns the
 * position (from 1) of each value it found first; found(s, i, ctx) reads
 * the row of v[i]. */
static NEOERR *each_found(DB_STMT *s, const char *const *v, int n,
                          void (*found)(DB_STMT *s, int i, void *ctx), void *ctx)
{
  if (n <= 0) return STATUS_OK;
  if (n > IMPORT_CODE_BATCH) return nerr_raise(NERR_ASSERT, "%d values in one batch", n);
  STRING json;
  string_init(&json);
  NEOERR *err = json_list(&json, v, n);
  if (!err) err = db_exec(s, "s", json.buf);
  string_clear(&json);
  int more;
  while (!err && !(err = db_next(s, &more)) && more) {
    long long i = db_int(s, 0);
    if (i >= 1 && i <= n) found(s, (int)i - 1, ctx);
  }
  db_done(s);
  return nerr_pass(err);
}

static DB_STMT codes_taken = DB_STMT_INIT(
    "SELECT j.i FROM JSON_TABLE(?, '$[*]' COLUMNS (i FOR ORDINALITY,"
    " code VARCHAR(20) PATH '$')) AS j JOIN customers c ON c.code = j.code");

static void code_taken(DB_STMT *s, int i, void *taken)
{
  (void)s;
  ((char *)taken)[i] = 1;
}

NEOERR *db_import_codes_taken(const char *const *codes, int n, char *taken)
{
  memset(taken, 0, n > 0 ? (size_t)n : 0);
  return nerr_pass(each_found(&codes_taken, codes, n, code_taken, taken));
}

/* --- jobs ------------------------------------------------------------------ */

static DB_STMT job_insert = DB_STMT_INIT(
    "INSERT INTO import_jobs (user_id, entity, filename, format, charset, total_rows,"
    " bad_rows, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
static DB_STMT job_get = DB_STMT_INIT(
    "SELECT id, entity, filename, format, charset, total_rows, bad_rows, errors, state,"
    " imported, first_id, last_id, message, created_at, finished_at"
    " FROM import_jobs WHERE id = ? AND user_id = ?");
NEOERR *db_import_job_create(const struct user *u, const struct import_job_info *info,
                             long long *id)
{
  /* The column holds 255 characters; a longer name is cut at a character
   * boundary. */
  char name[256];
  const char *f = info->filename ? info->filename : "";
  size_t n = strlen(f);
  if (n > 255) {
    n = 255;
    while (n && ((unsigned char)f[n] & 0xc0) == 0x80) n--;
  }
  memcpy(name, f, n);
  name[n] = '\0';
  NEOERR *err = db_exec(&job_insert, "issssiii", (long long)u->id,
                        info->entity ? info->entity : "customer", name, info->format,
                        info->charset ? info->charset : "", info->total, info->bad_rows,
                        info->errors);
  if (err) return nerr_pass(err);
  *id = (long long)db_insert_id(&job_insert);
  return STATUS_OK;
}

NEOERR *db_import_job_get(const struct user *u, long long id, HDF *hdf,
                          const char *prefix, int *found)
{
  NEOERR *err = db_exec(&job_get, "ii", id, (long long)u->id);
  if (!err) err = db_row_to_hdf(&job_get, hdf, prefix, found);
  return nerr_pass(err);
}

/* --- lookups for orders -------------------------------------------------------- */

static DB_STMT customer_ids = DB_STMT_INIT(
    "SELECT j.i, c.id FROM JSON_TABLE(?, '$[*]' COLUMNS (i FOR ORDINALITY,"
    " code VARCHAR(20) PATH '$')) AS j JOIN customers c ON c.code = j.code"
    " WHERE c.status <> 'merged'");
static DB_STMT order_owners = DB_STMT_INIT(
    "SELECT j.i, o.customer_id, o.ordered_on FROM JSON_TABLE(?, '$[*]' COLUMNS"
    " (i FOR ORDINALITY, no VARCHAR(32) PATH '$')) AS j JOIN orders o ON o.order_no = j.no");
static void customer_id(DB_STMT *s, int i, void *ids)
{
  ((long long *)ids)[i] = db_int(s, 1);
}

NEOERR *db_import_customer_ids(const char *const *codes, int n, long long *ids)
{
  for (int i = 0; i < n; i++) ids[i] = 0;
  return nerr_pass(each_found(&customer_ids, codes, n, customer_id, ids));
}

struct order_owner { long long *customer_ids; char (*ordered_on)[11]; };

static void order_owner(DB_STMT *s, int i, void *ctx)
{
  struct order_owner *o = ctx;
  o->customer_ids[i] = db_int(s, 1);
  const char *d = db_str(s, 2);
  if (o->ordered_on) snprintf(o->ordered_on[i], 11, "%s", d ? d : "");
}

NEOERR *db_import_order_owners(const char *const *nos, int n, long long *customer_ids,
                               char (*ordered_on)[11])
{
  for (int i = 0; i < n; i++) {
    customer_ids[i] = 0;
    if (ordered_on) ordered_on[i][0] = '\0';
  }
  struct order_owner o = { customer_ids, ordered_on };
  return nerr_pass(each_found(&order_owners, nos, n, order_owner, &o));
}

NEOERR *db_import_orders_taken(const char *const *nos, int n, char *taken)
{
  long long owners[IMPORT_CODE_BATCH];
  NEOERR *err = db_import_order_owners(nos, n, owners, NULL);
  for (int i = 0; i < n; i++) taken[i] = !err && owners[i] != 0;
  return nerr_pass(err);
}

/* --- the commit -------------------------------------------------------------- */

/* Rows waiting to be sent as one JSON array. */
struct bulk {
  STRING json;
  int n;
  long long sent;
  unsigned long long first_id, last_id;   /* of the rows inserted so far */
  unsigned long long batch_first;         /* of the last batch */
};

/* The ids of one batch of customers. */
struct id_range { unsigned long long first, last; };

struct customer_import {
  struct user user;
  long long job;
  enum import_entity kind;
  struct bulk main, lines;
  /* Customers only: the side connection, the batch it is indexing (its
   * JSON text: the side's statement reads it until db_side_wait), and
   * every batch's ids, to undo the index rows of a failed import. */
  struct db_side *side;
  STRING side_json;
  long long batch_chars;     /* the longest name of the batch being filled */
  struct id_range *ranges;
  int nranges, cap_ranges;
  int bulk_on;               /* @kehu_bulk set on the connection */
};

static DB_STMT claim = DB_STMT_INIT(
    "UPDATE import_jobs SET state = 'running', started_at = NOW(), message = ''"
    " WHERE id = ? AND user_id = ? AND entity = ? AND bad_rows = 0"
    " AND (state = 'ready' OR (state = 'running' AND started_at < NOW() - INTERVAL 10 MINUTE))");
static DB_STMT failed = DB_STMT_INIT(
    "UPDATE import_jobs SET state = 'failed', message = ?, finished_at = NOW() WHERE id = ?");
static DB_STMT done = DB_STMT_INIT(
    "UPDATE import_jobs SET state = 'done', imported = ?, first_id = NULLIF(?, 0),"
    " last_id = NULLIF(?, 0), finished_at = NOW() WHERE id = ?");

static DB_STMT insert_batch = DB_STMT_INIT(
    "INSERT INTO customers (code, name, kind, region_id, owner_id, lifecycle,"
    " loyalty, non_customer, address, city, postal_code, phone, fax, email,"
    " founded_year, sales_force, delivery_capacity, warehouse_capacity,"
    " credit_limit, history, org_structure, business_goals, size_class,"
    " created_by, created_at, updated_by, updated_at)"
    " SELECT COALESCE(NULLIF(j.c0, ''), CONCAT('~', HEX(UUID_SHORT()))), j.c1, j.c2, j.c3,"
    " NULLIF(j.c4, ''), COALESCE(NULLIF(j.c5, ''), 'target'), NULLIF(j.c6, ''), NULLIF(j.c7, ''), j.c8, j.c9, j.c10,"
    " j.c11, j.c12, j.c13, NULLIF(j.c14, ''), NULLIF(j.c15, ''), j.c16, j.c17,"
    " COALESCE(NULLIF(j.c18, ''), 0), NULLIF(j.c19, ''), NULLIF(j.c20, ''),"
    " NULLIF(j.c21, ''), NULLIF(j.c22, ''), ?, NOW(), ?, NOW()"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (rn FOR ORDINALITY,"
    " c0 VARCHAR(20) PATH '$[0]', c1 VARCHAR(200) PATH '$[1]',"
    " c2 VARCHAR(16) PATH '$[2]', c3 VARCHAR(9) PATH '$[3]', c4 VARCHAR(9) PATH '$[4]',"
    " c5 VARCHAR(16) PATH '$[5]', c6 VARCHAR(16) PATH '$[6]', c7 VARCHAR(16) PATH '$[7]',"
    " c8 VARCHAR(255) PATH '$[8]', c9 VARCHAR(64) PATH '$[9]', c10 VARCHAR(6) PATH '$[10]',"
    " c11 VARCHAR(32) PATH '$[11]', c12 VARCHAR(32) PATH '$[12]',"
    " c13 VARCHAR(128) PATH '$[13]', c14 VARCHAR(4) PATH '$[14]',"
    " c15 VARCHAR(7) PATH '$[15]', c16 VARCHAR(255) PATH '$[16]',"
    " c17 VARCHAR(255) PATH '$[17]', c18 VARCHAR(16) PATH '$[18]',"
    " c19 TEXT PATH '$[19]', c20 TEXT PATH '$[20]', c21 TEXT PATH '$[21]',"
    " c22 VARCHAR(8) PATH '$[22]')) AS j"
    " ORDER BY j.rn");
/* Each imported customer's change log starts with its import: by whom,
 * from which file (one statement a batch of ids). */
static DB_STMT audit_batch = DB_STMT_INIT(
    "INSERT INTO audit_log (user_id, action, entity, entity_id, detail, ip)"
    " SELECT c.created_by, 'import', 'customer', c.id,"
    " CONCAT('job=', j.id, ' file=', j.filename), ?"
    " FROM import_jobs j JOIN customers c ON c.id BETWEEN ? AND ?"
    " WHERE j.id = ? ORDER BY c.id");
static DB_STMT set_codes = DB_STMT_INIT(
    "UPDATE customers SET code = CONCAT('C', LPAD(id, 7, '0'))"
    " WHERE id BETWEEN ? AND ? AND code LIKE '~%'");

/* The triggers that count customers (schema/005) and add a new dealer's
 * dashboard row (schema/021) skip rows written under @kehu_bulk
 * (schema/027); the import does their work once a batch instead of once a
 * row. The shared lock dash_as_of() takes makes the import wait out a
 * dashboard refresh, as the trigger's did (schema/021). */
static DB_STMT bulk_on = DB_STMT_INIT("SET @kehu_bulk = 1");
static DB_STMT bulk_off = DB_STMT_INIT("SET @kehu_bulk = NULL");
static DB_STMT dash_lock = DB_STMT_INIT(
    "SELECT as_of FROM dash_state WHERE id = 1 LOCK IN SHARE MODE");
static DB_STMT counts_add = DB_STMT_INIT(
    "INSERT INTO customer_counts (region_id, owner_id, status, n)"
    " SELECT region_id, COALESCE(owner_id, 0), status, COUNT(*) FROM customers"
    " WHERE id BETWEEN ? AND ? GROUP BY region_id, COALESCE(owner_id, 0), status"
    " ON DUPLICATE KEY UPDATE n = n + VALUES(n)");
static DB_STMT dealers_add = DB_STMT_INIT(
    "INSERT INTO dash_dealers (customer_id, region_id, name, abc_class)"
    " SELECT id, region_id, name, abc_class FROM customers"
    " WHERE id BETWEEN ? AND ? AND kind = 'dealer' AND status = 'active'");

/* A batch's name bigrams (schema/006) from its JSON text (the side
 * connection cannot see the uncommitted rows): name and region are the
 * batch's columns 1 and 3, the ids ?, ? + 1, ... in the batch's order, as
 * insert_batch took them. Positions come from a recursive CTE (see
 * db_customer_bigrams_put) up to the batch's longest name: every name is
 * joined to every position, and names are a tenth of the column's 200
 * characters. */
static const char bigrams_side[] =
    "INSERT IGNORE INTO customer_bigrams (bigram, customer_id, region_id)"
    " WITH RECURSIVE s (seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM s WHERE seq < ?)"
    " SELECT SUBSTRING(j.name, s.seq, 2), ? + j.rn - 1, j.region_id"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (rn FOR ORDINALITY,"
    " name VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin PATH '$[1]',"
    " region_id VARCHAR(9) PATH '$[3]')) AS j"
    " JOIN s ON s.seq < CHAR_LENGTH(j.name) WHERE LENGTH(SUBSTRING(j.name, s.seq, 2)) = 6";
static const char search_side[] =
    "REPLACE INTO customer_search (customer_id, name) SELECT ? + j.rn - 1, j.name"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (rn FOR ORDINALITY, name VARCHAR(200) PATH '$[1]')) AS j";
static DB_STMT bigrams_undo = DB_STMT_INIT(
    "DELETE FROM customer_bigrams WHERE customer_id BETWEEN ? AND ?");
static DB_STMT search_undo = DB_STMT_INIT(
    "DELETE FROM customer_search WHERE customer_id BETWEEN ? AND ?");

static DB_STMT insert_orders = DB_STMT_INIT(
    "INSERT INTO orders (order_no, customer_id, salesperson_id, ordered_on, delivered_on, status,"
    " total) SELECT j.c0, j.c1, NULLIF(j.c2, ''), j.c3, NULLIF(j.c4, ''),"
    " IF(j.c4 = '', 'ordered', 'delivered'), j.c5"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (rn FOR ORDINALITY,"
    " c0 VARCHAR(32) PATH '$[0]', c1 VARCHAR(10) PATH '$[1]', c2 VARCHAR(10) PATH '$[2]',"
    " c3 VARCHAR(10) PATH '$[3]', c4 VARCHAR(10) PATH '$[4]',"
    " c5 DECIMAL(14,2) PATH '$[5]')) AS j ORDER BY j.rn");
static DB_STMT insert_lines = DB_STMT_INIT(
    "INSERT INTO order_lines (order_id, product_id, quantity, unit_price, amount)"
    " SELECT o.id, j.c1, j.c2, j.c3, j.c2 * j.c3"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (rn FOR ORDINALITY,"
    " c0 VARCHAR(32) PATH '$[0]', c1 INT UNSIGNED PATH '$[1]', c2 INT UNSIGNED PATH '$[2]',"
    " c3 DECIMAL(12,2) PATH '$[3]')) AS j JOIN orders o ON o.order_no = j.c0"
    " ORDER BY j.rn");
/* Payments name their customer by code and their order by number, as the
 * preview checked them; a row whose customer or order went away since then
 * is not inserted, and the count check in bulk_send fails the import. A row
 * with a paid date was paid in full (schema/038). */
static DB_STMT insert_payments = DB_STMT_INIT(
    "INSERT INTO payments (customer_id, order_id, amount, paid_amount, due_on, paid_on)"
    " SELECT c.id, o.id, j.c2, IF(j.c4 = '', 0, j.c2), j.c3, NULLIF(j.c4, '')"
    " FROM JSON_TABLE(?, '$[*]' COLUMNS (rn FOR ORDINALITY,"
    " c0 VARCHAR(20) PATH '$[0]', c1 VARCHAR(32) PATH '$[1]', c2 DECIMAL(14,2) PATH '$[2]',"
    " c3 VARCHAR(10) PATH '$[3]', c4 VARCHAR(10) PATH '$[4]')) AS j"
    " JOIN customers c ON c.code = j.c0 AND c.status <> 'merged'"
    " LEFT JOIN orders o ON o.order_no = j.c1 AND o.customer_id = c.id"
    " WHERE j.c1 = '' OR o.id IS NOT NULL ORDER BY j.rn");

/* The last purchase of each customer that got orders (whoever inserted the
 * orders in the range: the column means the latest order, whatever its
 * source). */
static DB_STMT last_purchase = DB_STMT_INIT(
    "UPDATE customers c JOIN (SELECT customer_id, MAX(ordered_on) AS d FROM orders"
    " WHERE id BETWEEN ? AND ? GROUP BY customer_id) x ON x.customer_id = c.id"
    " SET c.last_purchase_on = GREATEST(COALESCE(c.last_purchase_on, x.d), x.d)");

static void release(struct customer_import **ci)
{
  struct customer_import *c = *ci;
  if (!c) return;
  db_side_close(&c->side);
  if (c->bulk_on) {
    /* The connection outlives the request: no later write may skip the
     * triggers. */
    NEOERR *err = db_exec(&bulk_off, "");
    if (err) log_error(&err, "clearing @kehu_bulk after an import");
  }
  string_clear(&c->main.json);
  string_clear(&c->lines.json);
  string_clear(&c->side_json);
  free(c->ranges);
  free(c);
  *ci = NULL;
}

/* Deletes the index rows the side connection wrote for a failed import's
 * batches (their customers were rolled back). Left behind, they would
 * point at no customer: invisible, and removed by scripts/reindex.sql. */
static void undo_side(struct customer_import *c)
{
  db_side_close(&c->side);
  NEOERR *err = STATUS_OK;
  for (int i = 0; !err && i < c->nranges; i++) {
    long long a = (long long)c->ranges[i].first, b = (long long)c->ranges[i].last;
    err = db_exec(&bigrams_undo, "ii", a, b);
    if (!err) err = db_exec(&search_undo, "ii", a, b);
  }
  if (err) log_error(&err, "removing a failed import's search index rows");
}

void db_customer_import_abort(struct customer_import **ci, const char *message)
{
  if (!*ci) return;
  db_rollback();
  undo_side(*ci);
  NEOERR *err = db_exec(&failed, "si", message ? message : "", (*ci)->job);
  if (err) log_error(&err, "marking an import failed");
  release(ci);
}

/* A failure: KERR_CONFLICT (a duplicate code or order number) becomes an
 * outcome. */
static NEOERR *fail(struct customer_import **ci, NEOERR *err, enum import_outcome *outcome)
{
  if (nerr_handle(&err, KERR_CONFLICT)) {
    *outcome = IMPORT_CODE_TAKEN;
    db_customer_import_abort(ci, "CodeTaken");
    return STATUS_OK;
  }
  db_customer_import_abort(ci, "Failed");
  return err;
}

static const char *const entity_names[] = { "customer", "order", "payment" };

static NEOERR *customers_begin(struct customer_import *c)
{
  NEOERR *err = db_exec(&bulk_on, "");
  if (err) return nerr_pass(err);
  c->bulk_on = 1;
  int more;
  err = db_exec(&dash_lock, "");
  if (!err) err = db_next(&dash_lock, &more);
  db_done(&dash_lock);
  if (!err) err = db_side_open(&c->side);
  return nerr_pass(err);
}

NEOERR *db_import_begin(const struct user *u, long long job, enum import_entity kind,
                        struct customer_import **ci, enum import_outcome *outcome)
{
  *ci = NULL;
  *outcome = IMPORT_OK;
  NEOERR *err = db_exec(&claim, "iis", job, (long long)u->id, entity_names[kind]);
  if (err) return nerr_pass(err);
  if (db_affected(&claim) != 1) { *outcome = IMPORT_NOT_READY; return STATUS_OK; }
  struct customer_import *c = calloc(1, sizeof *c);
  if (!c) {
    err = nerr_raise(NERR_NOMEM, "import");
  } else {
    c->user = *u;
    c->job = job;
    c->kind = kind;
    string_init(&c->main.json);
    string_init(&c->lines.json);
    string_init(&c->side_json);
    *ci = c;
    err = db_begin();
    if (!err && kind == IMPORT_CUSTOMERS) err = customers_begin(c);
  }
  if (err) {
    db_rollback();
    NEOERR *e2 = db_exec(&failed, "si", "Failed", job);
    if (e2) log_error(&e2, "marking an import failed");
    release(ci);
  }
  return nerr_pass(err);
}

/* Sends the waiting rows of b through s; with_user: the statement takes
 * the importer's id twice before the batch. The JSON text is emptied, or
 * with keep left for the caller (whole, and b->n 0). */
static NEOERR *bulk_send_keep(struct customer_import *c, struct bulk *b, DB_STMT *s,
                              int with_user, int keep)
{
  if (!b->n) return STATUS_OK;
  NEOERR *err = string_append_char(&b->json, ']');
  if (err) return nerr_pass(err);
  if (with_user)
    err = db_exec(s, "iis", (long long)c->user.id, (long long)c->user.id, b->json.buf);
  else
    err = db_exec(s, "s", b->json.buf);
  if (err) return nerr_pass(err);
  unsigned long long n = db_affected(s), first = db_insert_id(s);
  if (n != (unsigned long long)b->n)
    return nerr_raise(NERR_DB, "batch of %d rows inserted %llu", b->n, n);
  /* One INSERT ... SELECT takes its ids in one run (innodb_autoinc_lock_mode
   * 0 or 1): first .. first + n - 1. */
  b->batch_first = first;
  if (first) {
    if (!b->first_id) b->first_id = first;
    b->last_id = first + n - 1;
  }
  b->sent += b->n;
  b->n = 0;
  if (!keep) string_clear(&b->json);
  return STATUS_OK;
}

static NEOERR *bulk_send(struct customer_import *c, struct bulk *b, DB_STMT *s, int with_user)
{
  return nerr_pass(bulk_send_keep(c, b, s, with_user, 0));
}

static NEOERR *bulk_add(struct bulk *b, const char *const *values, int ncols)
{
  NEOERR *err = string_append_char(&b->json, b->n ? ',' : '[');
  if (!err) err = string_append_char(&b->json, '[');
  for (int i = 0; !err && i < ncols; i++) {
    if (i && (err = string_append_char(&b->json, ','))) break;
    err = json_str(&b->json, values[i] ? values[i] : "");
  }
  if (!err) err = string_append_char(&b->json, ']');
  if (!err) b->n++;
  return nerr_pass(err);
}

static NEOERR *note_range(struct customer_import *c, unsigned long long first,
                          unsigned long long last)
{
  if (c->nranges == c->cap_ranges) {
    int cap = c->cap_ranges ? c->cap_ranges * 2 : 64;
    struct id_range *r = realloc(c->ranges, (size_t)cap * sizeof *r);
    if (!r) return nerr_raise(NERR_NOMEM, "import id ranges");
    c->ranges = r;
    c->cap_ranges = cap;
  }
  c->ranges[c->nranges++] = (struct id_range){ first, last };
  return STATUS_OK;
}

/* One batch: its rows and their codes, counts and dealer rows here; its
 * search index on the side connection, once that has finished the
 * previous batch's (the two halves take about as long). */
static NEOERR *send_customers(struct customer_import *c)
{
  if (!c->main.n) return STATUS_OK;
  NEOERR *err = bulk_send_keep(c, &c->main, &insert_batch, 1, 1);
  if (err) return nerr_pass(err);
  long long first = (long long)c->main.batch_first, last = (long long)c->main.last_id;
  err = db_exec(&set_codes, "ii", first, last);
  if (!err) err = db_exec(&counts_add, "ii", first, last);
  if (!err) err = db_exec(&dealers_add, "ii", first, last);
  if (!err) err = db_side_wait(c->side);
  if (err) return nerr_pass(err);
  /* The side's previous text is no longer read: this batch's takes its place. */
  STRING sent = c->main.json;
  c->main.json = c->side_json;
  c->side_json = sent;
  string_clear(&c->main.json);
  err = note_range(c, (unsigned long long)first, (unsigned long long)last);
  if (err) return nerr_pass(err);
  struct side_step steps[2] = {
    { bigrams_side, { DB_INT(c->batch_chars), DB_INT(first), DB_STR(c->side_json.buf) }, 3 },
    { search_side, { DB_INT(first), DB_STR(c->side_json.buf) }, 2 },
  };
  c->batch_chars = 0;
  return nerr_pass(db_side_run(c->side, steps, 2));
}

static NEOERR *send_orders(struct customer_import *c)
{
  return nerr_pass(bulk_send(c, &c->main, &insert_orders, 0));
}

static NEOERR *send_lines(struct customer_import *c)
{
  return nerr_pass(bulk_send(c, &c->lines, &insert_lines, 0));
}

static NEOERR *send_payments(struct customer_import *c)
{
  return nerr_pass(bulk_send(c, &c->main, &insert_payments, 0));
}

/* Every kind's row: err (the caller's check) or the row added to b, and b
 * sent when it is full. */
static NEOERR *add_row(struct customer_import **ci, NEOERR *err, struct bulk *b,
                       const char *const *values, int ncols,
                       NEOERR *(*send)(struct customer_import *c), enum import_outcome *outcome)
{
  *outcome = IMPORT_OK;
  if (!err) err = bulk_add(b, values, ncols);
  if (!err && b->n >= BATCH_ROWS) err = send(*ci);
  if (err) return fail(ci, err, outcome);
  return STATUS_OK;
}

NEOERR *db_customer_import_row(struct customer_import **ci, const char *const *values,
                               enum import_outcome *outcome)
{
  struct customer_import *c = *ci;
  long long chars = (long long)utf8_len(values[1] ? values[1] : "");
  if (chars > c->batch_chars) c->batch_chars = chars;
  return add_row(ci, STATUS_OK, &c->main, values, IMPORT_NCOLS, send_customers, outcome);
}

NEOERR *db_order_import_order(struct customer_import **ci, const char *const *values,
                              enum import_outcome *outcome)
{
  struct customer_import *c = *ci;
  NEOERR *err = c->lines.sent || c->lines.n ? nerr_raise(NERR_ASSERT, "orders after lines")
                                            : STATUS_OK;
  return add_row(ci, err, &c->main, values, 6, send_orders, outcome);
}

NEOERR *db_order_import_line(struct customer_import **ci, const char *const *values,
                             enum import_outcome *outcome)
{
  struct customer_import *c = *ci;
  NEOERR *err = send_orders(c);   /* the rest of the orders */
  return add_row(ci, err, &c->lines, values, 4, send_lines, outcome);
}

NEOERR *db_payment_import_row(struct customer_import **ci, const char *const *values,
                              enum import_outcome *outcome)
{
  return add_row(ci, STATUS_OK, &(*ci)->main, values, 5, send_payments, outcome);
}

long long db_customer_import_sent(const struct customer_import *ci)
{
  return ci ? ci->main.sent + ci->lines.sent : 0;
}

NEOERR *db_customer_import_end(struct customer_import **ci, const char *ip,
                               long long *imported, enum import_outcome *outcome)
{
  *outcome = IMPORT_OK;
  *imported = 0;
  struct customer_import *c = *ci;
  NEOERR *err;
  char detail[200];
  if (c->kind == IMPORT_PAYMENTS) {
    err = send_payments(c);
    snprintf(detail, sizeof detail, "job=%lld payments=%lld ids=%llu-%llu", c->job,
             c->main.sent, c->main.first_id, c->main.last_id);
  } else if (c->kind == IMPORT_ORDERS) {
    err = send_orders(c);
    if (!err) err = send_lines(c);
    if (!err && c->main.first_id)
      err = db_exec(&last_purchase, "ii", (long long)c->main.first_id,
                    (long long)c->main.last_id);
    snprintf(detail, sizeof detail, "job=%lld orders=%lld lines=%lld ids=%llu-%llu", c->job,
             c->main.sent, c->lines.sent, c->main.first_id, c->main.last_id);
  } else {
    err = send_customers(c);
    if (!err) err = db_side_wait(c->side);
    for (int i = 0; !err && i < c->nranges; i++)
      err = db_exec(&audit_batch, "siii", ip ? ip : "", (long long)c->ranges[i].first,
                    (long long)c->ranges[i].last, c->job);
    snprintf(detail, sizeof detail, "job=%lld rows=%lld ids=%llu-%llu", c->job, c->main.sent,
             c->main.first_id, c->main.last_id);
  }
  if (!err) err = db_audit(&c->user, ip, "import", entity_names[c->kind], 0, detail);
  if (!err) err = db_exec(&done, "iiii", c->main.sent, (long long)c->main.first_id,
                          (long long)c->main.last_id, c->job);
  if (!err) err = db_commit();
  if (err) return fail(ci, err, outcome);
  *imported = c->main.sent;
  release(ci);
  return STATUS_OK;
}
