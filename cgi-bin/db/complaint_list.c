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
#include "db/query.h"
#include "db/scope.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A regional manager's rows: their regions as the session read them from
 * user_regions for this request. One region is an equality, so the
 * region's index gives the page's order; several are tested on each row
 * ("+ 0": not a range, or MariaDB would sort both regions' open
 * complaints). A join with user_regions per row made the capped count
 * slower than the page. */
static void scope(const struct user *u, struct query *q, int ranges)
{
  if (u->nregions == 0) { query_cond(q, "0 = 1"); return; }
  if (u->nregions == 1) {
    query_cond(q, "c.region_id = ?");
    query_arg(q, DB_INT(u->regions[0]));
    return;
  }
  long long ids[USER_MAX_REGIONS];
  for (int i = 0; i < u->nregions; i++) ids[i] = u->regions[i];
  query_cond(q, "%s (", ranges ? "c.region_id IN" : "c.region_id + 0 IN");
  query_int_list(q, ids, u->nregions);
  query_add(q, ")");
}

/* Step 4's state as kept on the complaint. Only a leader decides, and
 * never on their own proposal (complaint_rules.c): for anyone else
 * nothing awaits their decision. */
static void proposal_where(const struct user *u, enum complaint_proposal p, struct query *q)
{
  switch (p) {
  case PROPOSAL_DECIDE:
    if (u->role != ROLE_LEADER) { query_cond(q, "0 = 1"); return; }
    query_cond(q, "c.proposal = 'pending' AND c.proposal_by <> ?");
    query_arg(q, DB_INT(u->id));
    return;
  case PROPOSAL_PENDING: query_cond(q, "c.proposal = 'pending'"); return;
  case PROPOSAL_RETURNED: query_cond(q, "c.proposal = 'returned'"); return;
  case PROPOSAL_RETURNED_MINE:
    query_cond(q, "c.proposal = 'returned' AND c.proposal_by = ?");
    query_arg(q, DB_INT(u->id));
    return;
  default: return;
  }
}

/* The filter's conditions, added to q. `ranges`: the regions as ranges
 * (the overdue count, see db_complaint_queue). */
static void add_where(const struct user *u, const struct complaint_filter *f, struct query *q,
                      int ranges)
{
  if (f->status == STATUS_OPEN || f->overdue) query_cond(q, "c.status = 'open'");
  else if (f->status == STATUS_CLOSED) query_cond(q, "c.status = 'closed'");
  if (f->overdue == DUE_SOON) {
    query_cond(q, "c.first_response_at IS NULL AND c.first_response_due >= NOW()"
                  " AND c.first_response_due < ?");
    query_arg(q, DB_STR(f->due_before));
  } else if (f->overdue) {
    query_cond(q, "c.first_response_at IS NULL AND c.first_response_due < NOW()");
  }
  if (f->step) { query_cond(q, "c.step = ?"); query_arg(q, DB_INT(f->step)); }
  if (f->kind) { query_cond(q, "c.kind = ?"); query_arg(q, DB_STR(f->kind)); }
  if (f->reason) { query_cond(q, "c.reason = ?"); query_arg(q, DB_STR(f->reason)); }
  if (f->product_id) { query_cond(q, "c.product_id = ?"); query_arg(q, DB_INT(f->product_id)); }
  if (f->region_id) { query_cond(q, "c.region_id = ?"); query_arg(q, DB_INT(f->region_id)); }
  if (scope_limited(u)) scope(u, q, ranges);
  proposal_where(u, f->proposal, q);
  if (f->assignee == ASSIGNEE_NONE) query_cond(q, "c.assignee_id IS NULL");
  else if (f->assignee != ASSIGNEE_ANY) {
    query_cond(q, "c.assignee_id = ?");
    query_arg(q, DB_INT(f->assignee == ASSIGNEE_MINE ? u->id : f->assignee_id));
  }
}

/* The index that gives the page's order under the filter, named in the
 * statements: left to itself MariaDB estimated ranges on every index the
 * conditions touch on every execution, index dives that under many
 * connections cost more than the page's own reads. Overdue ones are read
 * in their due order on (first_response_at, first_response_due, id), the
 * status and region tested per row: the overdue index ends in region_id,
 * so its order is not (due, id) and the page would sort every overdue
 * complaint; left to itself MariaDB read a manager's regions' open
 * complaints and sorted them. With a step or an assignee, or a product,
 * the optimizer's choice is kept. A product's open or closed complaints
 * are read on (product_id, status, received_at) (schema/024) unless a step
 * or an assignee narrows them further. Step 4's proposals, a few per cent
 * of the open complaints, are read on (proposal, received_at)
 * (schema/032), the other filters tested per row, unless they are
 * someone's. */
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
 * filters the index does not hold, counting past the cap reads more rows
 * than the page. The key is the count's statement and values. */
static struct kept_map capped_counts = KEPT_MAP(64, 60);

/* Deep pages of a long queue (past the count's cap) in received order:
 * where page N began (its first row's received_at and id) is kept a minute
 * per process, so a deep page starts on the index there instead of
 * stepping over every entry before it again. The key is the count's key,
 * the page and the order. */
#define ANCHOR_MIN_OFFSET 200
static struct kept_map anchors = KEPT_MAP(64, 60);
struct anchor { char at[24]; long long id; };
struct anchor_key { int page, oldest; };

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

static const char page_cols[] =
    "SELECT c.id, c.tracking_no, c.received_at,"
    " DATE_FORMAT(c.received_at, '%m-%d %H:%i') AS received_short, c.kind, c.reason, c.contact_name,"
    " c.contact_phone, c.company, c.step, c.status, c.proposal, c.reopen_count,"
    " c.region_id, c.product_id, c.product_text, c.assignee_id,"
    COMPLAINT_CLOCK_COLS;

/* The page's conditions: the filter's, and past an anchor. */
static void page_where(const struct user *u, const struct complaint_filter *f,
                       const struct anchor *anchor, struct query *q)
{
  add_where(u, f, q, 0);
  if (!anchor) return;
  /* Separate ranges: MariaDB does not read (received_at, id) <= (v, i)
   * as one. */
  query_cond(q, f->oldest ? "(c.received_at > ? OR (c.received_at = ? AND c.id >= ?))"
                          : "(c.received_at < ? OR (c.received_at = ? AND c.id <= ?))");
  query_arg(q, DB_STR(anchor->at));
  query_arg(q, DB_STR(anchor->at));
  query_arg(q, DB_INT(anchor->id));
}

NEOERR *db_complaint_queue(const struct user *u, const struct complaint_filter *f, HDF *hdf,
                           long long *total, int *capped, int *more)
{
  static struct query q;     /* large: the text and its values */
  static char key[QUERY_KEY_MAX + sizeof(struct anchor_key)];
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
  name_index(count_hint, sizeof count_hint,
             !overdue_view ? index : by_region ? "overdue_region" : "overdue");
  query_init(&q);
  query_add(&q, "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c%s", count_hint);
  add_where(u, f, &q, overdue_view && by_region);
  query_add(&q, " LIMIT %d) t", COMPLAINT_COUNT_CAP + 1);
  size_t keylen = query_key(&q, key, QUERY_KEY_MAX);
  if (keylen && kept_get(&capped_counts, key, keylen, 0, NULL)) {
    *total = COMPLAINT_COUNT_CAP + 1;
  } else {
    int row;
    if ((err = query_run(&q, &s)) || (err = db_next(s, &row))) return nerr_pass(err);
    *total = row ? db_int(s, 0) : 0;
    db_done(s);
    if (keylen && *total > COMPLAINT_COUNT_CAP)
      kept_put(&capped_counts, key, keylen, 0, total, sizeof *total);
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
  int anchored = keylen && *capped && !f->overdue && offset >= ANCHOR_MIN_OFFSET;
  struct anchor_key ak;
  memset(&ak, 0, sizeof ak);   /* padding too: the key is bytes */
  ak.page = f->page;
  ak.oldest = f->oldest;
  memcpy(key + keylen, &ak, sizeof ak);
  struct anchor anchor;
  const struct anchor *found =
      anchored ? kept_get(&anchors, key, keylen + sizeof ak, 0, NULL) : NULL;
  if (found) {
    anchor = *found;
    offset = 0;
  }
  /* A first or anchored page whose order has a named index joins its
   * rows as it reads that index: the derived table of page ids cost a
   * third of the statement's time. A deep page without an anchor takes
   * the page's ids first (it skips index entries, not rows), and so does
   * a view left to the optimizer: joined, MariaDB chose plans by its
   * estimates (the received_at index for oldest first, reading closed
   * complaints; a ref on status that ignored a deep page's anchor). */
  int direct = offset == 0 && hint[0];
  query_init(&q);
  query_add(&q, "%s FROM ", page_cols);
  if (direct) {
    query_add(&q, "complaints c%s", hint);
    page_where(u, f, found ? &anchor : NULL, &q);
    query_add(&q, " ORDER BY c.%s LIMIT ?", order);
    query_arg(&q, DB_INT(f->per + 1));
  } else {
    query_add(&q, "(SELECT c.id FROM complaints c%s", hint);
    page_where(u, f, found ? &anchor : NULL, &q);
    query_add(&q, " ORDER BY c.%s LIMIT ? OFFSET ?) k JOIN complaints c ON c.id = k.id"
                  " ORDER BY c.%s", order, order);
    query_arg(&q, DB_INT(f->per + 1));
    query_arg(&q, DB_INT(offset));
  }
  if ((err = query_run(&q, &s)) || (err = db_rows_to_hdf(s, hdf, "Complaints", &nrows)) ||
      (err = row_names(hdf)))
    return nerr_pass(err);
  const char *first_at = hdf_get_value(hdf, "Complaints.0.received_at", NULL);
  if (anchored && !found && nrows > 0 && first_at && strlen(first_at) < sizeof anchor.at) {
    memset(&anchor, 0, sizeof anchor);
    strcpy(anchor.at, first_at);
    anchor.id = hdf_get_int_value(hdf, "Complaints.0.id", 0);
    if (anchor.id) kept_put(&anchors, key, keylen + sizeof ak, 0, &anchor, sizeof anchor);
  }
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

/* The navigation's count is on every signed-in page, where its query
 * would be a large share of a list page's database work. It is kept per
 * process and scope for KEHU_NAV_COUNT_TTL seconds (default 30; 0 keeps
 * nothing): a count a few seconds old is as useful beside the menu entry,
 * and the queue itself is always exact. */
static struct kept_map nav_counts = KEPT_MAP(16, -1);   /* ttl -1: not read yet */

static int nav_ttl(void)
{
  if (nav_counts.ttl < 0) {
    const char *v = getenv("KEHU_NAV_COUNT_TTL");
    int ttl = v && *v ? atoi(v) : 30;
    nav_counts.ttl = ttl < 0 ? 0 : ttl;
  }
  return nav_counts.ttl;
}

static NEOERR *overdue_count(const struct user *u, int *n)
{
  struct query q;
  query_init(&q);
  query_add(&q, "SELECT COUNT(*) FROM (SELECT 1 FROM complaints c");
  query_cond(&q, "c.status = 'open' AND c.first_response_at IS NULL AND c.first_response_due < NOW()");
  if (scope_limited(u)) scope(u, &q, 0);
  query_add(&q, " LIMIT 100) t");
  DB_STMT *s;
  int row = 0;
  NEOERR *err = query_run(&q, &s);
  if (!err) err = db_next(s, &row);
  *n = !err && row ? (int)db_int(s, 0) : 0;
  if (!err) db_done(s);
  return nerr_pass(err);
}

NEOERR *db_complaint_overdue_count(const struct user *u, int *n)
{
  /* the scope: every region (no ids), or the manager's */
  unsigned key[USER_MAX_REGIONS + 1];
  size_t keylen = 1;
  key[0] = scope_limited(u) ? 1 : 0;
  for (int i = 0; key[0] && i < u->nregions; i++) key[keylen++] = u->regions[i];
  keylen *= sizeof key[0];
  int ttl = nav_ttl();
  const int *kept = ttl ? kept_get(&nav_counts, key, keylen, 0, NULL) : NULL;
  if (kept) {
    *n = *kept;
    return STATUS_OK;
  }
  NEOERR *err = overdue_count(u, n);
  if (!err && ttl) kept_put(&nav_counts, key, keylen, 0, n, sizeof *n);
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
