/* The customer list's paging: the page statement, its count, the anchors
 * of deep pages, the branches of a region-bound list, the export. Which
 * plan a list takes and the FROM ... WHERE of each plan are
 * db/customer_plan.c's (the statements' shapes are written out there). */
#include "db/customer_list.h"
#include "db/customer_plan.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/names.h"
#include "db/query.h"
#include "db/region_merge.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int customer_search_query(char *out, size_t n, const char *text)
{
  size_t o = 0;
  if (n < 4) return 0;
  out[o++] = '+';
  out[o++] = '"';
  for (; *text; text++) {
    if (*text == '"' || *text == '\\') {
      if (o + 1 >= n) return 0;
      out[o++] = '\\';
    }
    if (o + 1 >= n) return 0;
    out[o++] = *text;
  }
  if (o + 2 > n) return 0;
  out[o++] = '"';
  out[o] = '\0';
  return 1;
}

/* Counts that reached their cap are kept a minute per process: "10000+"
 * does not change with one more customer, and a million-row list should
 * not pay for its count on every page. Counts under the cap are always
 * fresh (exact). The key is the count's statement and its parameter
 * values. */
#define COUNT_TTL 60
static struct kept_map counts = KEPT_MAP(64, COUNT_TTL);

/* With the sleep state and watch score of the analysis batch (a primary
 * key lookup each, for the page's rows only). */
static const char *page_cols =
    "SELECT c.id, c.code, c.name, c.kind, c.city, c.phone, c.lifecycle,"
    " c.abc_class, c.last_purchase_on, c.status, c.region_id, c.owner_id,"
    " a.sleep_state, a.watch_score";

/* A list row's region_zh, region_en and owner, as a join would give them
 * (db/names.c). */
static NEOERR *row_names(DB_STMT *s, int region_col, int owner_col, HDF *row)
{
  NEOERR *err = db_names_set(NAMES_REGION, db_str(s, region_col), row, "region_zh", "region_en");
  if (!err) err = db_names_set(NAMES_USER, db_str(s, owner_col), row, "owner", NULL);
  return nerr_pass(err);
}

/* Deep pages of a long list: where page N began (its first row's id and
 * sort value) is kept a minute per process, so a deep page starts on the
 * index at that row instead of stepping over every entry before it again
 * (in a manager's region branches, that many per region). Only for lists
 * past the counting cap, where a minute-old page boundary is as good as a
 * fresh one; shorter lists always use the exact offset. The orders kept
 * are the id and the columns with many values; stage, class and region
 * pages are few entries apart within their value. The key is the count's
 * key and the page (with its sort and direction). */
#define ANCHOR_MIN_OFFSET 1000
static struct kept_map anchors = KEPT_MAP(64, COUNT_TTL);
struct anchor {
  long long id;
  int null;                  /* the sort value is NULL */
  char value[600];
};

static int anchorable(enum customer_sort s)
{
  return s == SORT_NEWEST || s == SORT_CODE || s == SORT_NAME || s == SORT_PURCHASE;
}

/* The anchor's key: the count's key (query_key), then the page's slot.
 * `key` has room for the slot after the count's key. */
static size_t anchor_key(char *key, size_t keylen, int page)
{
  memcpy(key + keylen, &page, sizeof page);
  return keylen + sizeof page;
}

static int anchor_get(char *key, size_t keylen, int page, struct anchor *out)
{
  size_t len = 0;
  const struct anchor *a = kept_get(&anchors, key, anchor_key(key, keylen, page), 0, &len);
  if (a && len == sizeof *a) *out = *a;
  return a && len == sizeof *a;
}

static void anchor_put(char *key, size_t keylen, int page, const struct anchor *a)
{
  kept_put(&anchors, key, anchor_key(key, keylen, page), 0, a, sizeof *a);
}

/* Rows at or after the anchor in the page's order, on (column, id).
 * MariaDB puts NULLs first ascending and last descending. */
static void keyset(struct query *q, const struct customer_filter *f, const struct anchor *a)
{
  const char *col = customer_sort_column(f->sort);
  const char *lt = f->desc ? "<" : ">", *le = f->desc ? "<=" : ">=";
  if (f->sort == SORT_NEWEST) {
    query_cond(q, "c.id %s ?", le);
    query_arg(q, DB_INT(a->id));
  } else if (f->sort == SORT_CODE) {          /* unique */
    query_cond(q, "c.code %s ?", le);
    query_arg(q, DB_STR(a->value));
  } else if (a->null) {
    if (f->desc) query_cond(q, "c.%s IS NULL AND c.id <= ?", col);
    else query_cond(q, "(c.%s IS NOT NULL OR c.id >= ?)", col);
    query_arg(q, DB_INT(a->id));
  } else {
    /* Spelled as separate ranges ((col, id) rows are not ranges to MariaDB):
     * "col <= v AND (col < v OR id <= i)" read every row of the value v. */
    query_cond(q, "(c.%s %s ? OR (c.%s = ? AND c.id %s ?)%s%s%s)", col, lt, col, le,
               f->desc ? " OR c." : "", f->desc ? col : "", f->desc ? " IS NULL" : "");
    query_arg(q, DB_STR(a->value));
    query_arg(q, DB_STR(a->value));
    query_arg(q, DB_INT(a->id));
  }
}

/* One region's branch of a region-bound list (db/region_merge.c). In the
 * page's order each region is read on its own (status, region_id, column,
 * id) index up to the page's last row, where one walk of the column's
 * index over every region tested each row on the way (a great many when
 * the regions' rows come late in that order: names begin with the city).
 * A count (no order) is one capped branch per region too: for an IN list
 * of regions MariaDB chose a ref on status alone over the ranges and read
 * far more index entries than it counted. */
struct branch_of {
  struct customer_q *b;
  const struct user *u;
  const struct customer_filter *f;
  int sorted;
  const struct anchor *anchor;
};

static void region_branch(struct query *q, unsigned region, void *arg)
{
  struct branch_of *c = arg;
  enum customer_sort s = c->f->sort;
  /* An ENUM comes out of a UNION as text: carry its number, which is the
   * order ORDER BY gives it. */
  if (c->sorted)
    query_add(q, "SELECT c.id, c.%s%s AS %s FROM customers c FORCE INDEX (%s)",
              customer_sort_column(s), s == SORT_LIFECYCLE ? " + 0" : "",
              customer_sort_column(s), customer_plan_region_index(s));
  else
    query_add(q, "SELECT 1 FROM customers c IGNORE INDEX (region_id, owner_id)");
  c->b->branch_region = region;
  customer_plan_where(c->b, c->u, c->f, Q_NONE, 0);
  c->b->branch_region = 0;
  if (c->anchor) keyset(q, c->f, c->anchor);
}

static void region_branches(struct customer_q *b, const struct user *u,
                            const struct customer_filter *f, const unsigned *regions, int n,
                            const char *order, const struct anchor *anchor)
{
  struct branch_of c = { b, u, f, order != NULL, anchor };
  struct region_merge m = { .regions = regions, .n = n, .branch = region_branch, .ctx = &c,
                            .order = order, .limit = b->branch_limit };
  region_merge(&b->q, &m);
}

static void credit_count(struct customer_q *b, const struct user *u,
                         const struct customer_filter *f, int cap)
{
  struct query *q = &b->q;
  query_add(q, "SELECT COUNT(*) FROM (SELECT 1 FROM customer_credit k FORCE INDEX (over_scope)");
  query_where_reset(q);
  query_cond(q, "k.over_limit = 1");
  query_cond(q, "k.status %s", f->archived ? "IN ('active', 'archived')" : "= 'active'");
  /* The same scope and region as customer_plan_where gives the page. */
  customer_plan_scope(q, u, "k.region_id");
  if (f->region_id) {
    query_cond(q, "k.region_id = ?");
    query_arg(q, DB_INT(f->region_id));
  }
  query_add(q, " LIMIT %d) t", cap + 1);
}

/* The count, stopped at the cap: reads at most cap+1 matching index
 * entries. A common search text (the scan plan) counts to a lower cap,
 * since every row read costs a LIKE. key (QUERY_KEY_MAX bytes and an
 * int) gets the count's identity for the anchors, *keylen its length (0:
 * none). */
static NEOERR *count(const struct user *u, const struct customer_filter *f, int mode,
                     int scan_cap, long long *total, int *capped, char *key, size_t *keylen)
{
  NEOERR *err;
  DB_STMT *s;
  int got;
  int cap = customer_plan_count_cap(mode, scan_cap);
  struct customer_q *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "list query");
  query_init(&b->q);
  b->branch_limit = cap + 1;
  unsigned regions[USER_MAX_REGIONS];
  int nregions = mode == Q_NONE && !(f->city && *f->city) ? customer_plan_regions(u, f, regions)
                                                          : 0;
  if (customer_plan_credit_count(f, mode)) {
    credit_count(b, u, f, cap);
  } else if (nregions > 1) {
    query_add(&b->q, "SELECT COUNT(*) FROM (");
    region_branches(b, u, f, regions, nregions, NULL, NULL);
    query_add(&b->q, ") t");
  } else {
    query_add(&b->q, "SELECT COUNT(*) FROM (SELECT 1");
    b->force = customer_plan_index(u, f, mode, 1, 0);
    b->bare = 1;                   /* Q_BIGRAM: the hits are the count */
    customer_plan_from(b, u, f, mode, 0);
    query_add(&b->q, " LIMIT %d) t", cap + 1);
  }
  if ((err = query_check(&b->q))) { free(b); return nerr_pass(err); }
  *keylen = query_key(&b->q, key, QUERY_KEY_MAX);
  long long capped_total = cap + 1;
  if (*keylen && kept_get(&counts, key, *keylen, 0, NULL)) {
    *total = capped_total;
  } else {
    err = query_run(&b->q, &s);
    if (!err) {
      err = db_next(s, &got);
      if (!err && got) *total = db_int(s, 0);
      db_done(s);
    }
    if (err) { free(b); return nerr_pass(err); }
    if (*keylen && *total > cap) kept_put(&counts, key, *keylen, 0, &capped_total,
                                          sizeof capped_total);
  }
  free(b);
  if (*total > cap) { *total = cap; *capped = 1; }
  return STATUS_OK;
}

/* The first row's id and sort value, for an anchor. */
static void first_row(DB_STMT *s, const struct customer_filter *f, struct anchor *a)
{
  a->id = db_int(s, 0);
  a->null = 1;
  a->value[0] = '\0';
  for (int i = 0; i < s->ncols; i++) {
    if (strcmp(s->col_name[i], customer_sort_column(f->sort)) != 0) continue;
    const char *v = db_str(s, i);
    if (v && strlen(v) < sizeof a->value) { a->null = 0; strcpy(a->value, v); }
    else if (v) a->id = 0;    /* too long to keep: no anchor */
  }
}

/* The page's ids on customers alone (the index gives the order), one more
 * than a page to know whether a next page exists; then their regions and
 * owners, into Customers.N.* of hdf. */
static NEOERR *read_page(const struct user *u, const struct customer_filter *f, int mode,
                         const char *order, long long offset, const struct anchor *anchor,
                         int filter_first, HDF *hdf, int *rows, int *more, struct anchor *first,
                         long long *total)
{
  NEOERR *err;
  DB_STMT *s;
  int got;
  int city = f->city && *f->city;
  *rows = 0;
  struct customer_q *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "list query");
  query_init(&b->q);
  b->force = filter_first && !city ? NULL : customer_plan_index(u, f, mode, 0, filter_first);
  b->filter_first = filter_first;
  b->order = order;
  if (anchor) offset = 0;
  b->branch_limit = offset + f->per + 1;
  query_add(&b->q, "%s%s FROM (SELECT c.id%s", page_cols, mode == Q_HITS ? ", page.n" : "",
            mode == Q_HITS ? ", COUNT(*) OVER () AS n" : "");
  unsigned regions[USER_MAX_REGIONS];
  int nregions = mode == Q_NONE && customer_plan_region_index(f->sort) && !city
                 ? customer_plan_regions(u, f, regions) : 0;
  if (nregions > 0) {
    /* The union is named c and carries the sort column, so the page's
     * ORDER BY reads the same on it. */
    query_add(&b->q, " FROM (");
    region_branches(b, u, f, regions, nregions, order, anchor);
    query_add(&b->q, ") c");
  } else {
    customer_plan_from(b, u, f, mode, 0);
    if (anchor) keyset(&b->q, f, anchor);
  }
  query_add(&b->q, " ORDER BY %s LIMIT ? OFFSET ?) page"
                   " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = page.id"
                   " LEFT JOIN customer_analysis a ON a.customer_id = c.id"
                   " ORDER BY %s", order, order);
  query_arg(&b->q, DB_INT(f->per + 1));
  query_arg(&b->q, DB_INT(offset));
  err = query_run(&b->q, &s);
  free(b);
  if (err) return nerr_pass(err);
  HDF *list = NULL, *row;
  int n_col = -1, region_col = -1, owner_col = -1;
  for (int i = 0; i < s->ncols; i++)
    if (strcmp(s->col_name[i], "n") == 0) n_col = i;
    else if (strcmp(s->col_name[i], "region_id") == 0) region_col = i;
    else if (strcmp(s->col_name[i], "owner_id") == 0) owner_col = i;
  while (!(err = db_next(s, &got)) && got) {
    if (*rows == 0) first_row(s, f, first);
    if (*rows == f->per) { *more = 1; continue; }
    if (n_col >= 0 && db_str(s, n_col)) *total = db_int(s, n_col);
    if ((!list && (err = hdf_get_node(hdf, "Customers", &list))) ||
        (err = db_row_node(list, *rows, &row)) || (err = db_columns_to_node(s, row, n_col)) ||
        (err = row_names(s, region_col, owner_col, row)))
      break;
    (*rows)++;
  }
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_customer_list(const struct user *u, const struct customer_filter *f,
                         HDF *hdf, long long *total, int *capped, int *more)
{
  NEOERR *err = STATUS_OK;
  int mode, scan_cap;
  char order[96];
  static char key[QUERY_KEY_MAX + sizeof(int)];   /* one request at a time */
  size_t keylen = 0;
  *total = 0;
  *capped = *more = 0;
  struct customer_filter eff = *f;
  eff.sort = customer_plan_sort(f);
  f = &eff;
  if ((err = customer_plan_mode(f, &mode, &scan_cap))) return nerr_pass(err);
  customer_plan_order("c", f->sort, f->desc, order, sizeof order);
  long long offset = (long long)(f->page - 1) * f->per;

  /* The index-lookup plan counts in the page query itself (a window over
   * its hits), so the full-text index is asked once per page. */
  if (mode != Q_HITS && (err = count(u, f, mode, scan_cap, total, capped, key, &keylen)))
    return nerr_pass(err);
  struct anchor anchor;
  int have_anchor = 0;
  /* Not for Q_BIGRAM: its branches are limited before the page's offset. */
  int anchored = keylen && *capped && mode != Q_BIGRAM && anchorable(f->sort) &&
                 offset >= ANCHOR_MIN_OFFSET;
  int slot = (f->page * SORT_COUNT + (int)f->sort) * 2 + f->desc;
  if (anchored) have_anchor = anchor_get(key, keylen, slot, &anchor);

  int row = 0;
  int filter_first = customer_plan_filter_first(u, f, mode, *capped);
  struct anchor first = { 0 };
  err = read_page(u, f, mode, order, offset, have_anchor ? &anchor : NULL, filter_first, hdf, &row,
                  more, &first, total);
  if (!err && row > 0 && anchored && !have_anchor && first.id) anchor_put(key, keylen, slot, &first);
  if (err) return nerr_pass(err);
  /* The last page tells the exact total, whatever a kept count said (the
   * table may have shrunk since it was counted). */
  if (!*more && (row > 0 || offset == 0)) {
    *total = offset + row;
    *capped = 0;
    return STATUS_OK;
  }
  /* A page past the end of the hits: the count needs its own query. */
  if (mode == Q_HITS && row == 0 && f->page > 1) {
    return nerr_pass(count(u, f, mode, scan_cap, total, capped, key, &keylen));
  }
  if (mode == Q_HITS && *total > CUSTOMER_COUNT_CAP) { *total = CUSTOMER_COUNT_CAP; *capped = 1; }
  return STATUS_OK;
}

#define EXPORT_CHUNK 1000

NEOERR *db_customer_export(const struct user *u, const struct customer_filter *f,
                           customer_row_fn row, void *ctx)
{
  NEOERR *err;
  int mode, got, scan_cap;
  DB_STMT *s;
  if ((err = customer_plan_mode(f, &mode, &scan_cap))) return nerr_pass(err);
  struct customer_q *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "export query");
  long long after = 0;       /* 0: from the newest */
  for (;;) {
    memset(b, 0, sizeof *b);
    query_init(&b->q);
    b->order = "c.id DESC";
    b->branch_limit = EXPORT_CHUNK;
    /* Both forms of the statement (first chunk, and "after this id") are
     * the same text apart from the keyset condition. */
    query_add(&b->q, "SELECT c.id, c.code, c.name, c.kind, r.name_zh, r.name_en, c.city,"
                     " c.postal_code, c.address, c.phone, u.display_name, c.lifecycle,"
                     " c.abc_class, c.last_purchase_on, c.credit_limit FROM (SELECT c.id");
    customer_plan_from(b, u, f, mode, after);
    query_add(&b->q, " ORDER BY c.id DESC LIMIT %d) page"
                     " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = page.id"
                     " JOIN regions r ON r.id = c.region_id"
                     " LEFT JOIN users u ON u.id = c.owner_id"
                     " ORDER BY c.id DESC", EXPORT_CHUNK);
    if ((err = query_run(&b->q, &s))) break;
    int n = 0;
    const char *cols[CUSTOMER_EXPORT_COLS];
    while (!(err = db_next(s, &got)) && got) {
      after = db_int(s, 0);
      for (int i = 0; i < CUSTOMER_EXPORT_COLS; i++) cols[i] = db_str(s, i + 1);
      if ((err = row(ctx, cols))) break;
      n++;
    }
    db_done(s);
    if (err || n < EXPORT_CHUNK) break;
  }
  free(b);
  return nerr_pass(err);
}

static DB_STMT categories = DB_STMT_INIT(
    "SELECT id, name_zh, name_en FROM product_categories ORDER BY id");
static struct kept_rows category_rows = { &categories, "C" };
static struct db_kept categories_kept = { .fill = db_kept_rows, .arg = &category_rows };

NEOERR *db_customer_list_categories(HDF *hdf, const char *prefix)
{
  NEOERR *err = db_kept_fresh(&categories_kept);
  if (err) return nerr_pass(err);
  HDF *rows = hdf_get_obj(categories_kept.hdf, "C");
  if (!rows) return STATUS_OK;
  return nerr_pass(hdf_copy(hdf, prefix, rows));
}

static DB_STMT owners = DB_STMT_INIT(
    "SELECT id, display_name AS name FROM users"
    " WHERE role = 'staff' AND active = 1 ORDER BY id");

/* The menu changes when an account is added, which is rare: kept a minute
 * per process, one query less on every list page. */
static struct kept_rows owner_rows = { &owners, "O" };
static struct db_kept owners_kept = { .fill = db_kept_rows, .arg = &owner_rows };

NEOERR *db_customer_list_owners(HDF *hdf, const char *prefix)
{
  NEOERR *err = db_kept_fresh(&owners_kept);
  if (err) return nerr_pass(err);
  HDF *rows = hdf_get_obj(owners_kept.hdf, "O");
  if (!rows) return STATUS_OK;
  return nerr_pass(hdf_copy(hdf, prefix, rows));
}

static DB_STMT search_put = DB_STMT_INIT(
    "REPLACE INTO customer_search (customer_id, name) VALUES (?, ?)");
static DB_STMT search_drop = DB_STMT_INIT(
    "DELETE FROM customer_search WHERE customer_id = ?");

NEOERR *db_customer_search_put(unsigned long long id, const char *name)
{
  return nerr_pass(db_exec_done(&search_put, "is", (long long)id, name));
}

NEOERR *db_customer_search_drop(unsigned long long id)
{
  return nerr_pass(db_exec_done(&search_drop, "i", (long long)id));
}

/* The name's bigrams (schema/006): both characters three bytes long in
 * UTF-8, as the search only looks up CJK ideographs. The positions come
 * from a recursive CTE, not the Sequence engine's seq_1_to_200 as in the
 * migration: the application account is granted only the tables that
 * information_schema lists (scripts/db-grants.sql), and seq_* are virtual. */
static DB_STMT bigrams_drop = DB_STMT_INIT(
    "DELETE FROM customer_bigrams WHERE customer_id = ?");
static DB_STMT bigrams_add = DB_STMT_INIT(
    "INSERT IGNORE INTO customer_bigrams (bigram, customer_id, region_id)"
    " WITH RECURSIVE s (seq) AS (SELECT 1 UNION ALL SELECT seq + 1 FROM s WHERE seq < 199)"
    " SELECT SUBSTRING(n.name, s.seq, 2), c.id, c.region_id"
    " FROM (SELECT CONVERT(? USING utf8mb4) COLLATE utf8mb4_bin AS name) n"
    " JOIN customers c ON c.id = ?"
    " JOIN s ON s.seq < CHAR_LENGTH(n.name)"
    " WHERE LENGTH(SUBSTRING(n.name, s.seq, 2)) = 6");

NEOERR *db_customer_bigrams_put(unsigned long long id, const char *name)
{
  NEOERR *err = db_customer_bigrams_drop(id);
  if (!err) err = db_exec_done(&bigrams_add, "si", name, (long long)id);
  return nerr_pass(err);
}

NEOERR *db_customer_bigrams_drop(unsigned long long id)
{
  return nerr_pass(db_exec_done(&bigrams_drop, "i", (long long)id));
}
