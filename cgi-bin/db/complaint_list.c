/* The complaint queue: filters, two orders, pages; the navigation's
 * overdue count; the queue's menus. At 1,000,000 complaints every filter
 * the queue offers reads an index in the page's order (see
 * schema/009_complaint_queue.sql and bench/explain.md). */
#include "db/complaint.h"
#include "db/complaint_list.h"
#include "db/complaint_sql.h"
#include "db/customer.h"
#include "db/customer_entries.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/names.h"
#include "db/scope.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The WHERE clause and its parameters, built side by side. */
struct where {
  char sql[1024];
  size_t len;
  struct db_arg a[24 + USER_MAX_REGIONS];
  int n;
};

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

/* A regional manager's rows: their regions as the session read them from
 * user_regions for this request. One region is an equality, so the
 * region's index gives the page's order; several are tested on each row
 * ("+ 0": not a range, or MariaDB would sort both regions' open
 * complaints, 75,000 rows at 1,000,000). A join with user_regions per
 * row cost 7 us a row in the capped count. */
static void scope(const struct user *u, struct where *w, int ranges)
{
  if (u->nregions == 0) { cond(w, "0 = 1"); return; }
  if (u->nregions == 1) {
    cond(w, "c.region_id = ?");
    param(w, DB_INT(u->regions[0]));
    return;
  }
  char text[32 + 3 * USER_MAX_REGIONS];
  strcpy(text, ranges ? "c.region_id IN (?" : "c.region_id + 0 IN (?");
  for (int i = 1; i < u->nregions; i++) strcat(text, ", ?");
  strcat(text, ")");
  cond(w, text);
  for (int i = 0; i < u->nregions; i++) param(w, DB_INT(u->regions[i]));
}

/* Step 4's state as kept on the complaint. Only a leader decides, and
 * never on their own proposal (complaint_rules.c): for anyone else
 * nothing awaits their decision. */
static void proposal_where(const struct user *u, enum complaint_proposal p, struct where *w)
{
  switch (p) {
  case PROPOSAL_DECIDE:
    if (u->role != ROLE_LEADER) { cond(w, "0 = 1"); return; }
    cond(w, "c.proposal = 'pending' AND c.proposal_by <> ?");
    param(w, DB_INT(u->id));
    return;
  case PROPOSAL_PENDING: cond(w, "c.proposal = 'pending'"); return;
  case PROPOSAL_RETURNED: cond(w, "c.proposal = 'returned'"); return;
  case PROPOSAL_RETURNED_MINE:
    cond(w, "c.proposal = 'returned' AND c.proposal_by = ?");
    param(w, DB_INT(u->id));
    return;
  default: return;
  }
}

/* `ranges`: the regions as ranges (the overdue count, see db_complaint_queue). */
static void build_where(const struct user *u, const struct complaint_filter *f, struct where *w,
                        int ranges)
{
  memset(w, 0, sizeof *w);
  if (f->status == STATUS_OPEN || f->overdue) cond(w, "c.status = 'open'");
  else if (f->status == STATUS_CLOSED) cond(w, "c.status = 'closed'");
  if (f->overdue == DUE_SOON) {
    cond(w, "c.first_response_at IS NULL AND c.first_response_due >= NOW()"
            " AND c.first_response_due < ?");
    param(w, DB_STR(f->due_before));
  } else if (f->overdue) {
    cond(w, "c.first_response_at IS NULL AND c.first_response_due < NOW()");
  }
  if (f->step) { cond(w, "c.step = ?"); param(w, DB_INT(f->step)); }
  if (f->kind) { cond(w, "c.kind = ?"); param(w, DB_STR(f->kind)); }
  if (f->reason) { cond(w, "c.reason = ?"); param(w, DB_STR(f->reason)); }
  if (f->product_id) { cond(w, "c.product_id = ?"); param(w, DB_INT(f->product_id)); }
  if (f->region_id) { cond(w, "c.region_id = ?"); param(w, DB_INT(f->region_id)); }
  if (scope_limited(u)) scope(u, w, ranges);
  proposal_where(u, f->proposal, w);
  if (f->assignee == ASSIGNEE_NONE) cond(w, "c.assignee_id IS NULL");
  else if (f->assignee != ASSIGNEE_ANY) {
    cond(w, "c.assignee_id = ?");
    param(w, DB_INT(f->assignee == ASSIGNEE_MINE ? u->id : f->assignee_id));
  }
}

/* The index that gives the page's order under the filter, named in the
 * statements: left to itself MariaDB estimated ranges on every index the
 * conditions touch on every execution, index dives that under sixteen
 * connections cost twice the page's own reads (oldest first and anchored
 * deep pages: 1.1-1.4 ms of database time a request, 0.67 ms named).
 * Overdue ones are read in their due order on (first_response_at,
 * first_response_due, id), the status and region tested per row: the
 * overdue index ends in region_id, so its order is not (due, id) and the
 * page sorted every overdue complaint; left to itself MariaDB read a
 * manager's two regions' open complaints and sorted them (12 ms of
 * database time a request). With a step or an assignee, or a product, the
 * optimizer's choice is kept. A product's open or closed complaints are
 * read on (product_id, status, received_at) (schema/024) unless a step or
 * an assignee narrows them further. Step 4's proposals, a few per cent of
 * the open complaints, are read on (proposal, received_at) (schema/032),
 * the other filters tested per row, unless they are someone's. */
static const char *order_index(const struct user *u, const struct complaint_filter *f)
{
  if (f->proposal && !f->overdue)
    return f->assignee != ASSIGNEE_ANY && f->status != STATUS_ALL ? "assignee_status"
                                                                  : "proposal_received";
  if (f->overdue) return f->step || f->assignee != ASSIGNEE_ANY || f->product_id ? NULL : "response_due";
  if (f->product_id)
    return f->status == STATUS_ALL || f->step || f->assignee != ASSIGNEE_ANY
           ? NULL : "product_status_received";
  if (f->status == STATUS_ALL) return f->step || f->assignee != ASSIGNEE_ANY || f->region_id ||
                                      scope_limited(u) ? NULL : "received_at";
  if (f->assignee != ASSIGNEE_ANY) return "assignee_status";
  if (f->region_id || (scope_limited(u) && u->nregions == 1)) return "region_status_received";
  if (f->step) return "status_step";
  return "status";
}

static void name_index(char *out, size_t n, const char *index)
{
  if (index) snprintf(out, n, " FORCE INDEX (%s)", index);
  else out[0] = '\0';
}

/* A count past the cap is kept a minute per process (it cannot change
 * meaningfully in that time; below the cap counts are always exact): with
 * filters the index does not hold, counting 1,000 rows costs 1,000 row
 * reads, more than the page. */
#define KEPT 64
static struct { char key[1400]; time_t at; } kept[KEPT];
static int kept_next;

static void count_key(const char *sql, const struct where *w, char *key, size_t n)
{
  size_t o = (size_t)snprintf(key, n, "%s", sql);
  for (int i = 0; i < w->n && o < n; i++)
    o += (size_t)snprintf(key + o, n - o, "|%lld:%s", w->a[i].i,
                          w->a[i].type == 's' && w->a[i].p ? (const char *)w->a[i].p : "");
}

static int count_kept(const char *key)
{
  for (int i = 0; i < KEPT; i++)
    if (kept[i].at && time(NULL) - kept[i].at < 60 && strcmp(kept[i].key, key) == 0) return 1;
  return 0;
}

static void count_keep(const char *key)
{
  snprintf(kept[kept_next].key, sizeof kept[kept_next].key, "%s", key);
  kept[kept_next].at = time(NULL);
  kept_next = (kept_next + 1) % KEPT;
}

/* Deep pages of a long queue (past the count's cap) in received order:
 * where page N began (its first row's received_at and id) is kept a minute
 * per process, so page 50 starts on the index there instead of stepping
 * over 980 entries again (+1.3 ms a request: page 50 ran at half the rate
 * of page 1). */
#define ANCHOR_MIN_OFFSET 200
#define ANCHORS 64
static struct { char key[1400]; int page, oldest; char at[24]; long long id; time_t t; } anchors[ANCHORS];
static int anchor_next;

static int anchor_find(const char *key, int page, int oldest)
{
  for (int i = 0; i < ANCHORS; i++)
    if (anchors[i].t && time(NULL) - anchors[i].t < 60 && anchors[i].page == page &&
        anchors[i].oldest == oldest && strcmp(anchors[i].key, key) == 0)
      return i;
  return -1;
}

static void anchor_keep(const char *key, int page, int oldest, const char *at, long long id)
{
  if (!at || strlen(at) >= sizeof anchors[0].at || !id) return;
  int i = anchor_next;
  anchor_next = (anchor_next + 1) % ANCHORS;
  snprintf(anchors[i].key, sizeof anchors[i].key, "%s", key);
  anchors[i].page = page;
  anchors[i].oldest = oldest;
  strcpy(anchors[i].at, at);
  anchors[i].id = id;
  anchors[i].t = time(NULL);
}

/* Each row's region_zh/en, product (the product's name, or what the
 * customer typed) and assignee, from the worker's copies (db/names.c). */
static NEOERR *row_names(HDF *hdf)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = hdf_obj_child(hdf_get_obj(hdf, "Complaints")); row && !err;
       row = hdf_obj_next(row)) {
    if ((err = db_names_set(NAMES_REGION, hdf_get_value(row, "region_id", NULL), row, "region_zh",
                            "region_en")) ||
        (err = db_names_set(NAMES_PRODUCT, hdf_get_value(row, "product_id", NULL), row, "product",
                            NULL)) ||
        (err = db_names_set(NAMES_USER, hdf_get_value(row, "assignee_id", NULL), row, "assignee",
                            NULL)))
      break;
    const char *typed = hdf_get_value(row, "product_text", NULL);
    if (typed && !hdf_get_value(row, "product", NULL)) err = hdf_set_value(row, "product", typed);
  }
  return nerr_pass(err);
}

NEOERR *db_complaint_queue(const struct user *u, const struct complaint_filter *f, HDF *hdf,
                           long long *total, int *capped, int *more)
{
  struct where w, wc;
  build_where(u, f, &w, 0);
  char sql[4096];
  DB_STMT *s;
  NEOERR *err;
  int nrows;
  *more = 0;
  char hint[64], count_hint[64];
  const char *index = order_index(u, f);
  name_index(hint, sizeof hint, index);
  /* Overdue ones are counted on an index that holds every column of
   * their condition: the overdue index, or within regions (a filter or a
   * manager's) overdue_region, a range per region (schema/023). */
  int by_region = f->region_id || scope_limited(u);
  int overdue_view = f->overdue && index;
  const struct where *cw = &w;
  if (overdue_view && by_region) {
    build_where(u, f, &wc, 1);
    cw = &wc;
  }
  name_index(count_hint, sizeof count_hint,
             !overdue_view ? index : by_region ? "overdue_region" : "overdue");
  snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c%s%s LIMIT %d) t",
           count_hint, cw->sql, COMPLAINT_COUNT_CAP + 1);
  char key[1400];
  count_key(sql, cw, key, sizeof key);
  if (count_kept(key)) {
    *total = COMPLAINT_COUNT_CAP + 1;
  } else {
    int row;
    if ((err = db_stmt_for(sql, &s)) || (err = db_execa(s, cw->a, cw->n)) ||
        (err = db_next(s, &row)))
      return nerr_pass(err);
    *total = row ? db_int(s, 0) : 0;
    db_done(s);
    if (*total > COMPLAINT_COUNT_CAP) count_keep(key);
  }
  *capped = *total > COMPLAINT_COUNT_CAP;
  if (*capped) *total = COMPLAINT_COUNT_CAP;
  /* Overdue ones in their due order: the overdue index gives it without a
   * sort (due = received + the SLA hours, so it is the received order
   * unless the setting changed in between). Due soon: the soonest first,
   * whatever the sort says. */
  const char *order = f->overdue ? (f->oldest || f->overdue == DUE_SOON ? "first_response_due, id"
                                                                 : "first_response_due DESC, id DESC")
                                 : (f->oldest ? "received_at, id" : "received_at DESC, id DESC");
  long long offset = (long long)(f->page - 1) * f->per;
  int anchored = *capped && !f->overdue && offset >= ANCHOR_MIN_OFFSET;
  int a = anchored ? anchor_find(key, f->page, f->oldest) : -1;
  if (a >= 0) {
    /* Separate ranges: MariaDB does not read (received_at, id) <= (v, i)
     * as one. */
    cond(&w, f->oldest ? "(c.received_at > ? OR (c.received_at = ? AND c.id >= ?))"
                       : "(c.received_at < ? OR (c.received_at = ? AND c.id <= ?))");
    param(&w, DB_STR(anchors[a].at));
    param(&w, DB_STR(anchors[a].at));
    param(&w, DB_INT(anchors[a].id));
    offset = 0;
  }
  /* A first or anchored page whose order has a named index joins its
   * rows as it reads that index: the derived table of page ids was a
   * third of the statement's time. A deep page without an anchor takes
   * the page's ids first (it skips index entries, not rows), and so does
   * a view left to the optimizer: joined, MariaDB chose plans by its
   * estimates (the received_at index for oldest first, reading closed
   * complaints; a ref on status that ignored a deep page's anchor). */
  int direct = offset == 0 && hint[0];
  char from[sizeof w.sql + 160];
  if (direct) snprintf(from, sizeof from, "complaints c%s", hint);
  else if ((size_t)snprintf(from, sizeof from, "(SELECT c.id FROM complaints c%s%s ORDER BY c.%s"
                            " LIMIT ? OFFSET ?) k JOIN complaints c ON c.id = k.id",
                            hint, w.sql, order) >= sizeof from)
    return nerr_raise(NERR_ASSERT, "queue statement too long");
  snprintf(sql, sizeof sql,
           "SELECT c.id, c.tracking_no, c.received_at,"
           " DATE_FORMAT(c.received_at, '%%m-%%d %%H:%%i') AS received_short, c.kind, c.reason, c.contact_name,"
           " c.contact_phone, c.company, c.step, c.status, c.proposal, c.reopen_count,"
           " c.region_id, c.product_id, c.product_text, c.assignee_id,"
           COMPLAINT_CLOCK_COLS
           " FROM %s"
           "%s ORDER BY c.%s%s", from, direct ? w.sql : "", order, direct ? " LIMIT ?" : "");
  param(&w, DB_INT(f->per + 1));
  if (!direct) param(&w, DB_INT(offset));
  if ((err = db_stmt_for(sql, &s)) || (err = db_execa(s, w.a, w.n)) ||
      (err = db_rows_to_hdf(s, hdf, "Complaints", &nrows)) || (err = row_names(hdf)))
    return nerr_pass(err);
  if (anchored && a < 0 && nrows > 0)
    anchor_keep(key, f->page, f->oldest, hdf_get_value(hdf, "Complaints.0.received_at", NULL),
                hdf_get_int_value(hdf, "Complaints.0.id", 0));
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

/* The navigation's count is on every signed-in page, where its query was
 * a quarter of the database work of a customer list page (p99 18 -> 24 ms
 * at 1,000,000 customers). It is kept per process and scope for
 * KEHU_NAV_COUNT_TTL seconds (default 30): a count a few seconds old is as
 * useful beside the menu entry, and the queue itself is always exact. */
#define NAV_SLOTS 16
static struct { char scope[8 * USER_MAX_REGIONS + 8]; int n; time_t at; } nav_kept[NAV_SLOTS];

static int nav_ttl(void)
{
  static int ttl = -1;
  if (ttl < 0) {
    const char *v = getenv("KEHU_NAV_COUNT_TTL");
    ttl = v && *v ? atoi(v) : 30;
    if (ttl < 0) ttl = 0;
  }
  return ttl;
}

static void nav_scope(const struct user *u, char *out, size_t size)
{
  size_t o = (size_t)snprintf(out, size, "%s", scope_limited(u) ? "r" : "all");
  for (int i = 0; scope_limited(u) && i < u->nregions && o < size; i++)
    o += (size_t)snprintf(out + o, size - o, ",%u", u->regions[i]);
}

static NEOERR *overdue_count(const struct user *u, int *n);

NEOERR *db_complaint_overdue_count(const struct user *u, int *n)
{
  char scope_key[sizeof nav_kept[0].scope];
  nav_scope(u, scope_key, sizeof scope_key);
  time_t now = time(NULL);
  int ttl = nav_ttl(), free_slot = 0;
  for (int i = 0; ttl && i < NAV_SLOTS; i++) {
    if (nav_kept[i].at && strcmp(nav_kept[i].scope, scope_key) == 0) {
      if (now - nav_kept[i].at < ttl) { *n = nav_kept[i].n; return STATUS_OK; }
      free_slot = i;
      break;
    }
    if (nav_kept[i].at < nav_kept[free_slot].at) free_slot = i;
  }
  NEOERR *err = overdue_count(u, n);
  if (!err && ttl) {
    strcpy(nav_kept[free_slot].scope, scope_key);
    nav_kept[free_slot].n = *n;
    nav_kept[free_slot].at = now;
  }
  return nerr_pass(err);
}

static NEOERR *overdue_count(const struct user *u, int *n)
{
  struct where w;
  memset(&w, 0, sizeof w);
  cond(&w, "c.status = 'open' AND c.first_response_at IS NULL AND c.first_response_due < NOW()");
  if (scope_limited(u)) scope(u, &w, 0);
  char sql[1400];
  snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c%s LIMIT 100) t", w.sql);
  DB_STMT *s;
  int row = 0;
  NEOERR *err = db_stmt_for(sql, &s);
  if (!err) err = db_execa(s, w.a, w.n);
  if (!err) err = db_next(s, &row);
  *n = !err && row ? (int)db_int(s, 0) : 0;
  if (!err) db_done(s);
  return nerr_pass(err);
}

static DB_STMT staff = DB_STMT_INIT(
    "SELECT id, display_name AS name, role FROM users WHERE active = 1"
    " AND role IN ('staff', 'leader') ORDER BY role DESC, display_name");

/* The menus change rarely (a product or an account added): a minute old
 * is fine, and saves three queries on every queue page. */
static NEOERR *fill_menus(HDF *h, void *unused)
{
  (void)unused;
  struct user every = { .role = ROLE_ADMIN };
  struct kept_rows staff_rows = { &staff, "Staff" };
  NEOERR *err = db_region_list(&every, h, "Regions");
  if (!err) err = db_product_list(h, "Products");
  if (!err) err = db_kept_rows(h, &staff_rows);
  return nerr_pass(err);
}

static struct db_kept menus = { .fill = fill_menus };

NEOERR *db_complaint_menus_kept(HDF **kept, unsigned long *revision)
{
  NEOERR *err = db_kept_fresh(&menus);
  if (err) return nerr_pass(err);
  *kept = menus.hdf;
  *revision = menus.revision;
  return STATUS_OK;
}

NEOERR *db_complaint_menus(const struct user *u, HDF *hdf)
{
  NEOERR *err;
  if ((err = db_kept_fresh(&menus)) ||
      (err = hdf_copy(hdf, "Menu.Products", hdf_get_obj(menus.hdf, "Products"))) ||
      (err = hdf_copy(hdf, "Menu.Staff", hdf_get_obj(menus.hdf, "Staff"))))
    return nerr_pass(err);
  return nerr_pass(db_complaint_region_menu(u, hdf));
}

NEOERR *db_complaint_region_menu(const struct user *u, HDF *hdf)
{
  NEOERR *err = db_kept_fresh(&menus);
  if (err) return nerr_pass(err);
  int n = 0;
  char name[32];
  for (HDF *r = hdf_obj_child(hdf_get_obj(menus.hdf, "Regions")); r; r = hdf_obj_next(r)) {
    if (!scope_allows(u, (unsigned)hdf_get_int_value(r, "id", 0))) continue;
    snprintf(name, sizeof name, "Menu.Regions.%d", n++);
    if ((err = hdf_copy(hdf, name, r))) return nerr_pass(err);
  }
  return STATUS_OK;
}
