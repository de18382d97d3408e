/* The complaint queue: filters, two orders, pages; the navigation's
 * overdue count; the queue's menus. At 1,000,000 complaints every filter
 * the queue offers reads an index in the page's order (see
 * schema/009_complaint_queue.sql and bench/explain.md). */
#include "db/complaint.h"
#include "db/complaint_sql.h"
#include "db/customer.h"
#include "db/customer_entries.h"
#include "db/db.h"
#include "db/scope.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define STMT_SLOTS 64
static struct { char *sql; DB_STMT *stmt; } stmts[STMT_SLOTS];
static DB_STMT spare;        /* a text past the slots: prepared each time */

NEOERR *complaint_stmt(const char *sql, struct db_stmt **out)
{
  int i;
  for (i = 0; i < STMT_SLOTS && stmts[i].sql; i++)
    if (strcmp(stmts[i].sql, sql) == 0) { *out = stmts[i].stmt; return STATUS_OK; }
  if (i < STMT_SLOTS) {
    stmts[i].sql = strdup(sql);
    stmts[i].stmt = calloc(1, sizeof(DB_STMT));
    if (!stmts[i].sql || !stmts[i].stmt) return nerr_raise(NERR_NOMEM, "complaint statements");
    stmts[i].stmt->sql = stmts[i].sql;
    *out = stmts[i].stmt;
    return STATUS_OK;
  }
  free((char *)spare.sql);
  if (!(spare.sql = strdup(sql))) return nerr_raise(NERR_NOMEM, "complaint statements");
  spare.gen = 0;
  *out = &spare;
  return STATUS_OK;
}

/* The FROM's scope join and the WHERE clause with their parameters,
 * built side by side. */
struct where {
  const char *join;
  char sql[1024];
  size_t len;
  struct db_arg a[24];
  int n;
};

/* A regional manager's rows: user_regions joined after complaints
 * (STRAIGHT_JOIN, by its primary key), so complaints are read in the
 * page's order on their index. As "region_id IN (SELECT ...)" MariaDB read
 * user_regions first and sorted both regions' open complaints (75,000
 * rows at 1,000,000) for a manager of two regions. */
#define SCOPE_JOIN " STRAIGHT_JOIN user_regions ur ON ur.user_id = ? AND ur.region_id = c.region_id"

static void cond(struct where *w, const char *text)
{
  int k = snprintf(w->sql + w->len, sizeof w->sql - w->len, "%s%s", w->len ? " AND " : " WHERE ",
                   text);
  if (k > 0 && (size_t)k < sizeof w->sql - w->len) w->len += (size_t)k;
}

static void param(struct where *w, struct db_arg a)
{
  if (w->n < (int)(sizeof w->a / sizeof w->a[0])) w->a[w->n++] = a;
}

static void build_where(const struct user *u, const struct complaint_filter *f, struct where *w)
{
  memset(w, 0, sizeof *w);
  w->join = "";
  if (scope_limited(u)) {
    w->join = SCOPE_JOIN;
    param(w, DB_INT(u->id));
  }
  if (f->status == STATUS_OPEN || f->overdue) cond(w, "c.status = 'open'");
  else if (f->status == STATUS_CLOSED) cond(w, "c.status = 'closed'");
  if (f->overdue) cond(w, "c.first_response_at IS NULL AND c.first_response_due < NOW()");
  if (f->step) { cond(w, "c.step = ?"); param(w, DB_INT(f->step)); }
  if (f->kind) { cond(w, "c.kind = ?"); param(w, DB_STR(f->kind)); }
  if (f->reason) { cond(w, "c.reason = ?"); param(w, DB_STR(f->reason)); }
  if (f->product_id) { cond(w, "c.product_id = ?"); param(w, DB_INT(f->product_id)); }
  if (f->region_id) { cond(w, "c.region_id = ?"); param(w, DB_INT(f->region_id)); }
  else if (scope_limited(u) && u->nregions == 1) {
    /* One region: its id as a condition too, so the region's index gives
     * the order; the join stays the authority. */
    cond(w, "c.region_id = ?");
    param(w, DB_INT(u->regions[0]));
  }
  if (f->assignee == ASSIGNEE_NONE) cond(w, "c.assignee_id IS NULL");
  else if (f->assignee != ASSIGNEE_ANY) {
    cond(w, "c.assignee_id = ?");
    param(w, DB_INT(f->assignee == ASSIGNEE_MINE ? u->id : f->assignee_id));
  }
}

NEOERR *db_complaint_queue(const struct user *u, const struct complaint_filter *f, HDF *hdf,
                           long long *total, int *capped, int *more)
{
  struct where w;
  build_where(u, f, &w);
  char sql[3072];
  DB_STMT *s;
  NEOERR *err;
  int nrows;
  *more = 0;
  snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c%s%s LIMIT %d) t",
           w.join, w.sql, COMPLAINT_COUNT_CAP + 1);
  if ((err = complaint_stmt(sql, &s)) || (err = db_execa(s, w.a, w.n))) return nerr_pass(err);
  int row;
  if ((err = db_next(s, &row))) return nerr_pass(err);
  *total = row ? db_int(s, 0) : 0;
  db_done(s);
  *capped = *total > COMPLAINT_COUNT_CAP;
  if (*capped) *total = COMPLAINT_COUNT_CAP;
  /* Overdue ones in their due order: the overdue index gives it without a
   * sort (due = received + the SLA hours, so it is the received order
   * unless the setting changed in between). */
  const char *order = f->overdue ? (f->oldest ? "first_response_due, id" : "first_response_due DESC, id DESC")
                                 : (f->oldest ? "received_at, id" : "received_at DESC, id DESC");
  snprintf(sql, sizeof sql,
           "SELECT c.id, c.tracking_no, c.received_at,"
           " DATE_FORMAT(c.received_at, '%%m-%%d %%H:%%i') AS received_short, c.kind, c.reason, c.contact_name,"
           " c.contact_phone, c.company, c.step, c.status, c.reopen_count,"
           " r.name_zh AS region_zh, r.name_en AS region_en,"
           " COALESCE(p.name, c.product_text) AS product, u.display_name AS assignee,"
           COMPLAINT_CLOCK_COLS
           " FROM (SELECT c.id FROM complaints c%s%s ORDER BY c.%s LIMIT ? OFFSET ?) k"
           " JOIN complaints c ON c.id = k.id"
           " LEFT JOIN regions r ON r.id = c.region_id"
           " LEFT JOIN products p ON p.id = c.product_id"
           " LEFT JOIN users u ON u.id = c.assignee_id"
           " ORDER BY c.%s", w.join, w.sql, order, order);
  param(&w, DB_INT(f->per + 1));
  param(&w, DB_INT((long long)(f->page - 1) * f->per));
  if ((err = complaint_stmt(sql, &s)) || (err = db_execa(s, w.a, w.n)) ||
      (err = db_rows_to_hdf(s, hdf, "Complaints", &nrows)))
    return nerr_pass(err);
  if (nrows > f->per) {
    *more = 1;
    char name[32];
    snprintf(name, sizeof name, "%d", f->per);
    hdf_remove_tree(hdf_get_obj(hdf, "Complaints"), name);
  }
  /* The last page knows the exact number from its own rows. */
  if (!*more && (nrows || f->page == 1)) {
    *total = (long long)(f->page - 1) * f->per + nrows;
    *capped = 0;
  }
  return STATUS_OK;
}

static DB_STMT overdue_all = DB_STMT_INIT(
    "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c WHERE c.status = 'open'"
    " AND c.first_response_at IS NULL AND c.first_response_due < NOW() LIMIT 100) t");
static DB_STMT overdue_mine = DB_STMT_INIT(
    "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c WHERE c.status = 'open'"
    " AND c.first_response_at IS NULL AND c.first_response_due < NOW()"
    " AND c.region_id IN (SELECT region_id FROM user_regions WHERE user_id = ?) LIMIT 100) t");

NEOERR *db_complaint_overdue_count(const struct user *u, int *n)
{
  DB_STMT *s = scope_limited(u) ? &overdue_mine : &overdue_all;
  NEOERR *err = s == &overdue_mine ? db_exec(s, "i", (long long)u->id) : db_exec(s, "");
  int row;
  if (!err) err = db_next(s, &row);
  *n = !err && row ? (int)db_int(s, 0) : 0;
  db_done(s);
  return nerr_pass(err);
}

static DB_STMT staff = DB_STMT_INIT(
    "SELECT id, display_name AS name, role FROM users WHERE active = 1"
    " AND role IN ('staff', 'leader') ORDER BY role DESC, display_name");

/* The menus change rarely (a product or an account added): a minute old
 * is fine, and saves three queries on every queue page. */
static HDF *menus;
static time_t menus_at;

static NEOERR *load_menus(void)
{
  HDF *h;
  NEOERR *err = hdf_init(&h);
  if (err) return nerr_pass(err);
  struct user every = { .role = ROLE_ADMIN };
  if (!(err = db_region_list(&every, h, "Regions")) && !(err = db_product_list(h, "Products")) &&
      !(err = db_exec(&staff, "")))
    err = db_rows_to_hdf(&staff, h, "Staff", NULL);
  if (err) { hdf_destroy(&h); return nerr_pass(err); }
  hdf_destroy(&menus);
  menus = h;
  menus_at = time(NULL);
  return STATUS_OK;
}

NEOERR *db_complaint_menus(const struct user *u, HDF *hdf)
{
  NEOERR *err;
  if ((!menus || time(NULL) - menus_at >= 60) && (err = load_menus())) return nerr_pass(err);
  if ((err = hdf_copy(hdf, "Menu.Products", hdf_get_obj(menus, "Products"))) ||
      (err = hdf_copy(hdf, "Menu.Staff", hdf_get_obj(menus, "Staff"))))
    return nerr_pass(err);
  int n = 0;
  char name[32];
  for (HDF *r = hdf_obj_child(hdf_get_obj(menus, "Regions")); r; r = hdf_obj_next(r)) {
    if (!scope_allows(u, (unsigned)hdf_get_int_value(r, "id", 0))) continue;
    snprintf(name, sizeof name, "Menu.Regions.%d", n++);
    if ((err = hdf_copy(hdf, name, r))) return nerr_pass(err);
  }
  return STATUS_OK;
}
