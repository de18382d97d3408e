#include "db/customer_list.h"
#include "core/err.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/names.h"
#include "db/scope.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A regional manager's rows: those whose region is one of the session's
 * regions (read from user_regions in the same request), given as values.
 * Written as "region_id IN (SELECT ... user_regions)", MariaDB read
 * user_regions first and sorted the whole region (107 ms at 1,000,000
 * customers); a join of user_regions after customers cost range
 * estimates on every execution. See filters(). */

/* How a search text is matched (see choose_mode):
 *  Q_NONE  no text;
 *  Q_HITS  a selective text: the ids it matches are collected first (Mroonga
 *          bigram index on the name, code prefix, phone prefix, key person's
 *          exact name or phone prefix; each an index lookup) and joined to
 *          customers;
 *  Q_SCAN  a common text (see choose_mode): customers
 *          are read in the list's order on its index and each row is checked,
 *          so page 1 of "华东" reads a few hundred rows, not all 70,000 hits;
 *  Q_BIGRAM a selective text of two or more CJK ideographs: its first
 *          bigram's range of customer_bigrams (primary key (bigram,
 *          customer_id)), joined to the last bigram and the name checked
 *          when longer than two, read in the list's order (backwards on the
 *          key for the default order) and stopped after the page's rows;
 *          with the key people of that exact name. Codes (ASCII) and phones
 *          (digits) cannot start with such text. */
enum { Q_NONE, Q_HITS, Q_SCAN, Q_BIGRAM };
#define SCAN_COUNT_CAP 1000
/* Q_BIGRAM counts to 200: each hit counted is a lookup of the customer for
 * its status and filters (~2.5 us at 1,000,000 customers: 1,553 hits of
 * 鑫旺 cost 4-6 ms, more than the page), shown as "200+" past that and then
 * kept a minute like every capped count. */
#define BIGRAM_COUNT_CAP 200

static unsigned long hash(const char *s)
{
  unsigned long h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

/* An SQL text and its parameters, built side by side so they stay in step. */
struct q {
  char sql[4096];
  size_t len;
  int overflow;
  const char *force;         /* an index for the FROM, or NULL */
  int filter_first;          /* no index may give the order: see db_customer_list */
  unsigned branch_region;    /* one region's branch of a region-bound list, or 0 */
  const struct anchor *anchor;  /* a deep page's start (see keyset), or NULL */
  /* Q_BIGRAM: the order of the page (each branch of the hits is read in
   * it), how many rows each branch needs, and whether the customer row is
   * wanted after the hits (not for a count). */
  const char *order;
  long long branch_limit;
  int bare;
  struct db_arg a[DB_MAX_PARAMS];
  int n;
  /* storage for LIKE patterns and the Mroonga query */
  char name_like[700], prefix_like[300], match[700];
  char bigram1[8], bigram2[8];
};

static void add(struct q *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct q *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(b->sql + b->len, sizeof b->sql - b->len, fmt, ap);
  va_end(ap);
  if (k < 0 || (size_t)k >= sizeof b->sql - b->len) { b->overflow = 1; return; }
  b->len += (size_t)k;
}

static void arg(struct q *b, struct db_arg a)
{
  if (b->n < DB_MAX_PARAMS) b->a[b->n] = a;
  else b->overflow = 1;
  b->n++;
}

/* LIKE pattern with the user's % and _ taken literally. */
static void like_escape(char *out, size_t n, const char *in, int lead, int trail)
{
  size_t o = 0;
  if (lead && o + 1 < n) out[o++] = '%';
  for (; *in && o + 3 < n; in++) {
    if (*in == '%' || *in == '_' || *in == '\\') out[o++] = '\\';
    out[o++] = *in;
  }
  if (trail && o + 1 < n) out[o++] = '%';
  out[o] = '\0';
}

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

/* A sort on a column the filter fixes to one value (class A sorted by
 * class, 华东 sorted by region) is the id order within it, which the
 * filter's own (status, column, id) index gives without sorting. */
static enum customer_sort effective_sort(const struct customer_filter *f)
{
  if ((f->sort == SORT_CLASS && f->abc && *f->abc) ||
      (f->sort == SORT_LIFECYCLE && f->stage && *f->stage) ||
      (f->sort == SORT_REGION && f->region_id))
    return SORT_NEWEST;
  return f->sort;
}

static const char *sort_col[SORT_COUNT] = {
  [SORT_NEWEST] = "id", [SORT_CODE] = "code", [SORT_NAME] = "name",
  [SORT_REGION] = "region_id", [SORT_LIFECYCLE] = "lifecycle",
  [SORT_CLASS] = "abc_class", [SORT_PURCHASE] = "last_purchase_on",
};

/* ORDER BY for a sort, on the columns of table `t` (c, or a derived table
 * carrying the sort column under its own name). */
static const char *order_on(const char *t, enum customer_sort s, int desc, char *buf, size_t n)
{
  const char *d = desc ? "DESC" : "ASC";
  if (s <= SORT_NEWEST || s >= SORT_COUNT) snprintf(buf, n, "%s.id %s", t, d);
  else if (s == SORT_CODE) snprintf(buf, n, "%s.code %s", t, d);   /* unique */
  else snprintf(buf, n, "%s.%s %s, %s.id %s", t, sort_col[s], d, t, d);
  return buf;
}

static const char *order_sql(enum customer_sort s, int desc, char *buf, size_t n)
{
  return order_on("c", s, desc, buf, n);
}

static int has(const char *s) { return s && *s; }

/* 1 when the text is only CJK unified ideographs (U+4E00..U+9FFF), the
 * usual Chinese fragment: for such text a byte comparison finds the same
 * names as the case- and width-folding collation, at a fifth of the cost
 * (0.2 against 1.7 us a name). */
static int cjk_only(const char *q)
{
  const unsigned char *p = (const unsigned char *)q;
  if (!*p) return 0;
  while (*p) {
    if (p[0] < 0xE4 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    p += 3;
  }
  return 1;
}

/* 1 for a customer code as the system writes them (C and digits, three
 * or more): only codes can hold it. The name index (Mroonga) was the
 * dearest of the five lookups and phones and key people cannot match. */
static int code_shaped(const char *q)
{
  if ((q[0] != 'C' && q[0] != 'c') || !q[1]) return 0;
  size_t n = 0;
  for (const char *p = q + 1; *p; p++, n++)
    if (*p < '0' || *p > '9') return 0;
  return n >= 3;
}

static void filters(struct q *b, const struct user *u, const struct customer_filter *f,
                    int mode, long long after_id);
static void keyset(struct q *b, const struct customer_filter *f);

/* Joins of customers by id name its primary key: with some twenty indexes
 * that begin with status, MariaDB otherwise estimated a range for
 * "status = 'active'" on each of them on every execution (1.2 ms of
 * optimizing for a 0.2 ms search page; 0.35 ms with the key named). */

/* Q_BIGRAM: FROM (hits) hit [STRAIGHT_JOIN customers c]. Each branch of
 * the hits (name bigrams; key people of that name) applies every filter
 * and is read in the page's order up to b->branch_limit rows, so the union
 * holds the page whatever the other branch has. For the default order the
 * bigram branch is a backward (or forward) walk of the primary key that
 * stops after its rows: no filesort, no full hit list. */
static void bigram_from(struct q *b, const struct user *u, const struct customer_filter *f,
                        long long after_id)
{
  const char *q = f->q;
  size_t len = strlen(q);    /* a multiple of 3: cjk_only */
  memcpy(b->bigram1, q, 6);
  b->bigram1[6] = '\0';
  memcpy(b->bigram2, q + len - 6, 6);
  b->bigram2[6] = '\0';
  int longer = len > 6;
  if (longer) like_escape(b->name_like, sizeof b->name_like, q, 1, 1);
  /* Inside one region (a filter, or a manager of one region) the walk reads
   * that region's entries only (schema/022); over several it reads the
   * bigram's entries newest first and keeps those in scope. */
  unsigned region = f->region_id ? f->region_id
                    : scope_limited(u) && u->nregions == 1 ? u->regions[0] : 0;
  add(b, " FROM ((SELECT b.customer_id AS id FROM customer_bigrams b%s",
      region ? " FORCE INDEX (bigram_region)" : "");
  if (longer) {
    add(b, " STRAIGHT_JOIN customer_bigrams b2 ON b2.bigram = ? AND b2.customer_id = b.customer_id");
    arg(b, DB_STR(b->bigram2));
  }
  add(b, " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = b.customer_id");
  filters(b, u, f, Q_BIGRAM, after_id);
  add(b, " AND b.bigram = ?");
  arg(b, DB_STR(b->bigram1));
  if (region) {
    add(b, " AND b.region_id = ?");
    arg(b, DB_INT(region));
  }
  if (longer) {
    add(b, " AND c.name COLLATE utf8mb4_bin LIKE ?");
    arg(b, DB_STR(b->name_like));
  }
  if (b->order) {
    if (strncmp(b->order, "c.id ", 5) == 0) add(b, " ORDER BY b.customer_id %s", b->order + 5);
    else add(b, " ORDER BY %s", b->order);
  }
  add(b, " LIMIT ?) UNION (SELECT c.id FROM (SELECT DISTINCT customer_id FROM customer_contacts"
         " WHERE name = ?) k STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = k.customer_id");
  arg(b, DB_INT(b->branch_limit));
  arg(b, DB_STR(q));
  filters(b, u, f, Q_BIGRAM, after_id);
  if (b->order) add(b, " ORDER BY %s", b->order);
  add(b, " LIMIT ?)) hit");
  arg(b, DB_INT(b->branch_limit));
  if (!b->bare) add(b, " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
}

/* FROM ... WHERE ... for the filter; `after_id` > 0 adds the export's
 * keyset condition. Q_BIGRAM: FROM only (see bigram_from). */
static void from_where(struct q *b, const struct user *u, const struct customer_filter *f,
                       int mode, long long after_id)
{
  const char *q = f->q;
  if (mode == Q_BIGRAM) { bigram_from(b, u, f, after_id); return; }
  if (mode != Q_NONE) {
    like_escape(b->name_like, sizeof b->name_like, q, 1, 1);
    like_escape(b->prefix_like, sizeof b->prefix_like, q, 0, 1);
  }
  if (mode == Q_HITS && code_shaped(q)) {
    add(b, " FROM (SELECT id FROM customers WHERE code LIKE ?) hit"
           " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
    arg(b, DB_STR(b->prefix_like));
  } else if (mode == Q_HITS) {
    customer_search_query(b->match, sizeof b->match, q);
    add(b, " FROM (SELECT customer_id AS id FROM customer_search"
           " WHERE MATCH(name) AGAINST(? IN BOOLEAN MODE)"
           " UNION SELECT id FROM customers WHERE code LIKE ?"
           " UNION SELECT id FROM customers WHERE phone LIKE ?"
           " UNION SELECT customer_id FROM customer_contacts WHERE name = ?"
           " UNION SELECT customer_id FROM customer_contacts WHERE phone LIKE ?) hit"
           " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
    arg(b, DB_STR(b->match));
    arg(b, DB_STR(b->prefix_like));
    arg(b, DB_STR(b->prefix_like));
    arg(b, DB_STR(q));
    arg(b, DB_STR(b->prefix_like));
  } else {
    /* The foreign keys' own indexes (region_id, id) and (owner_id, id)
     * lack status; MariaDB intersected them with (status, id) and sorted a
     * quarter of a million rows for a regional manager's page (1 s). The
     * list_* indexes cover the same conditions with status first. */
    if (b->force) add(b, " FROM customers c FORCE INDEX (%s)", b->force);
    else add(b, " FROM customers c IGNORE INDEX (region_id, owner_id)");
    if (b->filter_first && !b->force)
      add(b, " IGNORE INDEX FOR ORDER BY (list_all, list_region, list_owner, list_kind,"
             " list_purchase, list_name_order, list_stage, list_class, code)");
  }
  filters(b, u, f, mode, after_id);
}

/* A regional manager's regions as values on col (the session read them
 * from user_regions in this request); nothing for the other roles. */
static void scope_regions(struct q *b, const struct user *u, const char *col)
{
  if (!scope_limited(u)) return;
  if (u->nregions == 0) {
    add(b, " AND 0 = 1");
    return;
  }
  add(b, " AND %s IN (?", col);
  for (int i = 1; i < u->nregions; i++) add(b, ", ?");
  add(b, ")");
  for (int i = 0; i < u->nregions; i++) arg(b, DB_INT(u->regions[i]));
}

/* The scope join and WHERE for customers c: status, scope, the filters, the
 * scan plan's text condition, the export's keyset. */
static void filters(struct q *b, const struct user *u, const struct customer_filter *f,
                    int mode, long long after_id)
{
  const char *q = f->q;
  add(b, f->archived ? " WHERE c.status <> 'merged'" : " WHERE c.status = 'active'");
  /* A regional manager's regions as values (the session read them from
   * user_regions in this request), so the indexes that lead with
   * (status, region_id) are ranges. They are the scope: a join of
   * user_regions per row said the same at a third of a search's
   * database time (two more tables' ranges estimated per execution). */
  scope_regions(b, u, "c.region_id");
  if (b->branch_region) {
    add(b, " AND c.region_id = ?");
    arg(b, DB_INT(b->branch_region));
  } else if (f->region_id) {
    add(b, " AND c.region_id = ?");
    arg(b, DB_INT(f->region_id));
  }
  if (has(f->kind)) { add(b, " AND c.kind = ?"); arg(b, DB_STR(f->kind)); }
  if (has(f->stage)) { add(b, " AND c.lifecycle = ?"); arg(b, DB_STR(f->stage)); }
  if (has(f->abc)) { add(b, " AND c.abc_class = ?"); arg(b, DB_STR(f->abc)); }
  if (f->owner_id) { add(b, " AND c.owner_id = ?"); arg(b, DB_INT(f->owner_id)); }
  if (has(f->city)) { add(b, " AND c.city = ?"); arg(b, DB_STR(f->city)); }
  if (has(f->postal)) {
    add(b, " AND c.postal_code LIKE CONCAT(?, '%%')");
    arg(b, DB_STR(f->postal));
  }
  /* Over the credit limit: the few ids of customer_credit's over_limit
   * index (schema/040), each customer then read by its primary key. */
  if (f->over_limit)
    add(b, " AND c.id IN (SELECT k.customer_id FROM customer_credit k WHERE k.over_limit = 1)");
  if (mode == Q_SCAN) {
    add(b, " AND (c.name%s LIKE ? OR c.code LIKE ? OR c.phone LIKE ?",
        cjk_only(q) ? " COLLATE utf8mb4_bin" : "");
    add(b, " OR c.id IN (SELECT customer_id FROM customer_contacts"
           " WHERE name = ? OR phone LIKE ?))");
    arg(b, DB_STR(b->name_like));
    arg(b, DB_STR(b->prefix_like));
    arg(b, DB_STR(b->prefix_like));
    arg(b, DB_STR(q));
    arg(b, DB_STR(b->prefix_like));
  }
  if (after_id > 0) { add(b, " AND c.id < ?"); arg(b, DB_INT(after_id)); }
  if (b->anchor) keyset(b, f);
}

static NEOERR *run(struct q *b, DB_STMT **s)
{
  if (b->overflow) return nerr_raise(NERR_ASSERT, "customer list query too long");
  NEOERR *err = db_stmt_for(b->sql, s);
  if (err) return nerr_pass(err);
  return nerr_pass(db_execa(*s, b->a, b->n));
}

/* Which plan fits a search text is decided by how common it is among the
 * newest SAMPLE customers (one short primary-key range, no full-text
 * query: Mroonga takes ~40 ms just to count a fragment found in 120,000
 * names). A text in at least SCAN_MIN per SAMPLE of them (0.5%) is common:
 * scanning in the list's order finds a page after a few hundred rows.
 * Otherwise the index lookups collect its (few) hits. */
#define SAMPLE 1000
#define SCAN_MIN 5
/* A Chinese-only text is compared bytewise, which makes each row read
 * cheaper (a row still costs ~2 us: the name is read from the table), so on
 * a large table it counts as common from 0.3% of names on: page 1 then reads
 * at most ~7,000 rows (~14 ms), against ~3,000 Mroonga hits (~20 ms). */
#define SCAN_MIN_CJK 3
#define SCAN_COUNT_ROWS 20000
static DB_STMT sample = DB_STMT_INIT(
    "SELECT COUNT(*), COALESCE(SUM(c.name LIKE ?), 0)"
    " FROM (SELECT id FROM customers ORDER BY id DESC LIMIT 1000) s"
    " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = s.id");
static DB_STMT sample_cjk = DB_STMT_INIT(
    "SELECT COUNT(*), COALESCE(SUM(c.name COLLATE utf8mb4_bin LIKE ?), 0)"
    " FROM (SELECT id FROM customers ORDER BY id DESC LIMIT 1000) s"
    " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = s.id");

#define PLAN_TTL 60
#define PLAN_SLOTS 32
static struct { char q[256]; int mode, cap; time_t at; } plans[PLAN_SLOTS];

static NEOERR *mode_for_text(const struct customer_filter *f, int *mode, int *scan_cap,
                            int *large)
{
  *mode = Q_NONE;
  *large = 0;
  *scan_cap = SCAN_COUNT_CAP;
  if (!has(f->q)) return STATUS_OK;
  /* How common a text is does not change from one page to the next: on a
   * large table the decision is kept a minute per process. */
  time_t now = time(NULL);
  unsigned long h = hash(f->q);
  int slot = (int)(h % PLAN_SLOTS);
  if (plans[slot].at && now - plans[slot].at < PLAN_TTL && strcmp(plans[slot].q, f->q) == 0) {
    *mode = plans[slot].mode;
    *scan_cap = plans[slot].cap;
    *large = 1;                  /* only large tables' plans are kept */
    return STATUS_OK;
  }
  char like[700];
  like_escape(like, sizeof like, f->q, 1, 1);
  int more, cjk = cjk_only(f->q);
  DB_STMT *st = cjk ? &sample_cjk : &sample;
  NEOERR *err = db_exec(st, "s", like);
  if (err) return nerr_pass(err);
  err = db_next(st, &more);
  long long n = 0, hits = 0;
  if (!err && more) { n = db_int(st, 0); hits = db_int(st, 1); }
  db_done(st);
  if (err) return nerr_pass(err);
  *large = n >= SAMPLE;
  int min = cjk && n >= SAMPLE ? SCAN_MIN_CJK : SCAN_MIN;
  *mode = n > 0 && hits > 0 && hits * SAMPLE >= min * n ? Q_SCAN : Q_HITS;
  if (*mode == Q_HITS && cjk && strlen(f->q) >= 6) *mode = Q_BIGRAM;
  /* The scan plan's count stops at a cap that keeps the rows it reads near
   * SCAN_COUNT_ROWS: 1000 for a text in 5% of names, 50 for one in 0.3%. */
  static const int caps[] = { 1000, 500, 200, 100, 50 };
  if (*mode == Q_SCAN && n >= SAMPLE) {
    *scan_cap = caps[sizeof caps / sizeof caps[0] - 1];
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
      if ((long long)caps[i] * n <= (long long)SCAN_COUNT_ROWS * hits) { *scan_cap = caps[i]; break; }
  }
  if (n >= SAMPLE && strlen(f->q) < sizeof plans[slot].q) {
    strcpy(plans[slot].q, f->q);
    plans[slot].mode = *mode;
    plans[slot].cap = *scan_cap;
    plans[slot].at = now;
  }
  return STATUS_OK;
}

/* On a large table, in the default order (newest first), a Chinese text of
 * two or more characters is best served by the bigram walk however common
 * it is: page 1 reads about 21 index entries whether the text is in 0.1% or
 * 12% of names, where the scan reads rows until 21 of them match (~170 for
 * a text in 12% of names, ~1,500 for a city). Its count stops at
 * BIGRAM_COUNT_CAP. Other orders keep the choice by frequency, since the
 * walk would read every hit to sort them; small tables keep exact counts. */
static NEOERR *choose_mode(const struct customer_filter *f, int *mode, int *scan_cap)
{
  int large;
  NEOERR *err = mode_for_text(f, mode, scan_cap, &large);
  if (!err && large && *mode == Q_SCAN && f->sort == SORT_NEWEST && cjk_only(f->q) &&
      strlen(f->q) >= 6)
    *mode = Q_BIGRAM;
  return nerr_pass(err);
}

/* Counts that reached their cap are kept a minute per process: "10000+"
 * does not change with one more customer, and a million-row list should
 * not pay for its count on every page. Counts under the cap are always
 * fresh (exact). */
#define COUNT_TTL 60
#define COUNT_SLOTS 64
static struct { unsigned long key; char *text; time_t at; } kept[COUNT_SLOTS];

/* The statement and its parameter values as one text. */
static char *count_key(const struct q *b, unsigned long *h)
{
  STRING s;
  string_init(&s);
  NEOERR *err = string_append(&s, b->sql);
  for (int i = 0; i < b->n && !err; i++) {
    if (b->a[i].type == 'i') err = string_appendf(&s, "\x1f%lld", b->a[i].i);
    else err = string_appendf(&s, "\x1f%s", b->a[i].p ? (const char *)b->a[i].p : "\x1e");
  }
  if (err) { nerr_ignore(&err); string_clear(&s); return NULL; }
  *h = hash(s.buf);
  return s.buf;
}

static int count_kept(const char *key, unsigned long h, time_t now)
{
  int i = (int)(h % COUNT_SLOTS);
  return kept[i].text && kept[i].key == h && now - kept[i].at < COUNT_TTL &&
         strcmp(kept[i].text, key) == 0;
}

static void count_keep(char *key, unsigned long h, time_t now)
{
  int i = (int)(h % COUNT_SLOTS);
  free(kept[i].text);
  kept[i].text = key;
  kept[i].key = h;
  kept[i].at = now;
}

static const char *page_cols =
    "SELECT c.id, c.code, c.name, c.kind, c.city, c.phone, c.lifecycle,"
    " c.abc_class, c.last_purchase_on, c.status, c.region_id, c.owner_id";

/* A list row's region_zh, region_en and owner, as a join would give them
 * (db/names.c). */
static NEOERR *row_names(DB_STMT *s, int region_col, int owner_col, HDF *row)
{
  NEOERR *err = db_names_set(NAMES_REGION, db_str(s, region_col), row, "region_zh", "region_en");
  if (!err) err = db_names_set(NAMES_USER, db_str(s, owner_col), row, "owner", NULL);
  return nerr_pass(err);
}

/* Deep pages of a long list: where page N began (its first row's id and
 * sort value) is kept a minute per process, so page 500 starts on the
 * index at that row instead of stepping over 9,980 entries again (in a
 * manager's region branches, 9,980 per region). Only for lists past the
 * counting cap, where a minute-old page boundary is as good as a fresh
 * one; shorter lists always use the exact offset. The orders kept are the
 * id and the columns with many values; stage, class and region pages are
 * few entries apart within their value. */
#define ANCHOR_MIN_OFFSET 1000
#define ANCHOR_SLOTS 64
struct anchor {
  long long id;
  int null;                  /* the sort value is NULL */
  char value[600];
};
static struct { unsigned long key; char *text; int page; struct anchor a; time_t at; } anchors[ANCHOR_SLOTS];

static int anchorable(enum customer_sort s)
{
  return s == SORT_NEWEST || s == SORT_CODE || s == SORT_NAME || s == SORT_PURCHASE;
}

static int anchor_get(const char *key, unsigned long h, int page, time_t now, struct anchor *out)
{
  int i = (int)((h + (unsigned)page * 2654435761u) % ANCHOR_SLOTS);
  if (anchors[i].text && anchors[i].key == h && anchors[i].page == page &&
      now - anchors[i].at < COUNT_TTL && strcmp(anchors[i].text, key) == 0) {
    *out = anchors[i].a;
    return 1;
  }
  return 0;
}

static void anchor_put(const char *key, unsigned long h, int page, const struct anchor *a,
                       time_t now)
{
  int i = (int)((h + (unsigned)page * 2654435761u) % ANCHOR_SLOTS);
  char *copy = strdup(key);
  if (!copy) return;
  free(anchors[i].text);
  anchors[i].text = copy;
  anchors[i].key = h;
  anchors[i].page = page;
  anchors[i].a = *a;
  anchors[i].at = now;
}

/* Rows at or after the anchor in the page's order, on (column, id).
 * MariaDB puts NULLs first ascending and last descending. */
static void keyset(struct q *b, const struct customer_filter *f)
{
  const struct anchor *a = b->anchor;
  const char *col = sort_col[f->sort];
  const char *lt = f->desc ? "<" : ">", *le = f->desc ? "<=" : ">=";
  if (f->sort == SORT_NEWEST) {
    add(b, " AND c.id %s ?", le);
    arg(b, DB_INT(a->id));
  } else if (f->sort == SORT_CODE) {          /* unique */
    add(b, " AND c.code %s ?", le);
    arg(b, DB_STR(a->value));
  } else if (a->null) {
    if (f->desc) add(b, " AND c.%s IS NULL AND c.id <= ?", col);
    else add(b, " AND (c.%s IS NOT NULL OR c.id >= ?)", col);
    arg(b, DB_INT(a->id));
  } else {
    /* Spelled as separate ranges ((col, id) rows are not ranges to MariaDB):
     * "col <= v AND (col < v OR id <= i)" read every row of the value v. */
    add(b, " AND (c.%s %s ? OR (c.%s = ? AND c.id %s ?)%s%s%s)", col, lt, col, le,
        f->desc ? " OR c." : "", f->desc ? col : "", f->desc ? " IS NULL" : "");
    arg(b, DB_STR(a->value));
    arg(b, DB_STR(a->value));
    arg(b, DB_INT(a->id));
  }
}

/* The index that gives each order (status first). */
static const char *sort_index[SORT_COUNT] = {
  [SORT_NEWEST] = "list_all", [SORT_CODE] = "code", [SORT_NAME] = "list_name_order",
  [SORT_REGION] = "list_region", [SORT_LIFECYCLE] = "list_stage",
  [SORT_CLASS] = "list_class", [SORT_PURCHASE] = "list_purchase",
};

static int filtered(const struct user *u, const struct customer_filter *f)
{
  return scope_limited(u) || f->region_id || has(f->kind) || has(f->stage) || has(f->abc) ||
         f->owner_id || has(f->city) || has(f->postal) || f->archived || f->over_limit;
}

/* When nothing but the search text (scan plan) and the scope narrows the
 * list, the index that gives its order is named. Left to itself, the
 * optimizer estimated the range on each of the ten status indexes on every
 * execution, which under load cost more than reading the page (anchored
 * page 500: 2 ms against 0.3 ms for page 1; with the index named, the
 * same). A count only needs status first: (status, id). */
static const char *order_index(const struct user *u, const struct customer_filter *f,
                               int mode, int for_count, int filter_first)
{
  /* A city: MariaDB misjudged it both ways (Beijing sorted by code: a full
   * scan; a manager's regions without that city: each region scanned to
   * find nothing). Bound to regions, (status, city, region_id, id) holds
   * exactly the rows (migration 013); otherwise (status, city, id) counts
   * and gives the newest first, and another order walks its own index,
   * where a city's customers are dense enough for a page. */
  if (mode == Q_NONE && has(f->city)) {
    if (f->region_id || scope_limited(u)) return "city_region";
    if (for_count || filter_first || f->sort == SORT_NEWEST) return "list_city";
    return sort_index[f->sort];
  }
  if (mode == Q_HITS || mode == Q_BIGRAM || f->archived || f->region_id || has(f->kind) || has(f->stage) ||
      has(f->abc) || f->owner_id || has(f->city) || has(f->postal) || f->over_limit)
    return NULL;
  if (scope_limited(u))   /* one region: its (status, region_id, id) */
    return u->nregions == 1 && (for_count || f->sort == SORT_NEWEST) ? "list_region" : NULL;
  if (for_count) return "list_all";
  if (f->sort < 0 || f->sort >= SORT_COUNT) return NULL;
  return sort_index[f->sort];
}

/* Indexes (status, region_id, <sort column>, id) of migration 008
 * (SORT_REGION: list_region, whose id order within a region is the order). */
static const char *region_sort_index[SORT_COUNT] = {
  [SORT_CODE] = "region_code", [SORT_NAME] = "region_name", [SORT_LIFECYCLE] = "region_stage",
  [SORT_CLASS] = "region_class", [SORT_PURCHASE] = "region_purchase", [SORT_REGION] = "list_region",
};

/* The regions a list is bound to: the region filter, else a regional
 * manager's own; 0 when it spans all. */
static int list_regions(const struct user *u, const struct customer_filter *f, unsigned *out)
{
  if (f->region_id) { out[0] = f->region_id; return 1; }
  if (!scope_limited(u)) return 0;
  for (int i = 0; i < u->nregions; i++) out[i] = u->regions[i];
  return u->nregions;
}

/* A list bound to a few regions in another order than the id: each region
 * is read on its own (status, region_id, column, id) index in the page's
 * order up to the page's last row, and the branches merged. Page 500 of two
 * regions reads 2 x 10,000 index entries, where one walk of the column's
 * index over every region tested each row on the way (up to a million when
 * the regions' rows come late in that order: names begin with the city).
 * A count (order NULL) is one capped branch per region too: for an IN list
 * of regions MariaDB chose a ref on status alone over the two ranges and
 * read 600,000 index entries to count 10,000. */
static void region_branches(struct q *b, const struct user *u, const struct customer_filter *f,
                            const unsigned *regions, int n, const char *order)
{
  for (int i = 0; i < n; i++) {
    if (i) add(b, " UNION ALL ");
    /* An ENUM comes out of a UNION as text: carry its number, which is
     * the order ORDER BY gives it. */
    if (order)
      add(b, "(SELECT c.id, c.%s%s AS %s FROM customers c FORCE INDEX (%s)", sort_col[f->sort],
          f->sort == SORT_LIFECYCLE ? " + 0" : "", sort_col[f->sort], region_sort_index[f->sort]);
    else
      add(b, "(SELECT 1 FROM customers c IGNORE INDEX (region_id, owner_id)");
    b->branch_region = regions[i];
    filters(b, u, f, Q_NONE, 0);
    if (order) add(b, " ORDER BY %s", order);
    add(b, " LIMIT ?)");
    arg(b, DB_INT(b->branch_limit));
  }
  b->branch_region = 0;
}

/* The over-credit-limit filter alone (with the scope, a region and the
 * archived ones at most): its count is read from customer_credit's
 * over_scope index (over_limit, status, region_id, customer_id), whose
 * status and region are copies kept by the triggers of schema/044. Read
 * through customers, each match cost a row lookup (25 ms for 8,285). */
static int credit_count_only(const struct customer_filter *f, int mode)
{
  return f->over_limit && mode == Q_NONE && !has(f->kind) && !has(f->stage) && !has(f->abc) &&
         !f->owner_id && !has(f->city) && !has(f->postal);
}

static void credit_count(struct q *b, const struct user *u, const struct customer_filter *f,
                         int cap)
{
  add(b, "SELECT COUNT(*) FROM (SELECT 1 FROM customer_credit k FORCE INDEX (over_scope)"
         " WHERE k.over_limit = 1 AND k.status %s",
      f->archived ? "IN ('active', 'archived')" : "= 'active'");
  /* The same scope and region as filters() gives the page. */
  scope_regions(b, u, "k.region_id");
  if (f->region_id) {
    add(b, " AND k.region_id = ?");
    arg(b, DB_INT(f->region_id));
  }
  add(b, " LIMIT %d) t", cap + 1);
}

/* The count, stopped at the cap: reads at most cap+1 matching index
 * entries. A common search text (the scan plan) counts to a lower cap,
 * since every row read costs a LIKE. *key (the count's identity, for the
 * anchors) is returned to the caller to free. */
static NEOERR *count(const struct user *u, const struct customer_filter *f, int mode,
                     int scan_cap, long long *total, int *capped, char **key_out,
                     unsigned long *h)
{
  NEOERR *err;
  DB_STMT *s;
  int got;
  int cap = mode == Q_SCAN ? scan_cap : mode == Q_BIGRAM ? BIGRAM_COUNT_CAP : CUSTOMER_COUNT_CAP;
  *key_out = NULL;
  struct q *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "list query");
  b->branch_limit = cap + 1;
  unsigned regions[USER_MAX_REGIONS];
  int nregions = mode == Q_NONE && !has(f->city) ? list_regions(u, f, regions) : 0;
  if (credit_count_only(f, mode)) {
    credit_count(b, u, f, cap);
  } else if (nregions > 1) {
    add(b, "SELECT COUNT(*) FROM (");
    region_branches(b, u, f, regions, nregions, NULL);
    add(b, ") t");
  } else {
    add(b, "SELECT COUNT(*) FROM (SELECT 1");
    b->force = order_index(u, f, mode, 1, 0);
    b->bare = 1;                   /* Q_BIGRAM: the hits are the count */
    from_where(b, u, f, mode, 0);
    add(b, " LIMIT %d) t", cap + 1);
  }
  char *key = b->overflow ? NULL : count_key(b, h);
  time_t now = time(NULL);
  if (key && count_kept(key, *h, now)) {
    *total = cap + 1;
  } else {
    err = run(b, &s);
    if (!err) {
      err = db_next(s, &got);
      if (!err && got) *total = db_int(s, 0);
      db_done(s);
    }
    if (err) { free(key); free(b); return nerr_pass(err); }
    if (key && *total > cap) {
      count_keep(key, *h, now);
      key = strdup(key);    /* the cache owns the first copy */
    }
  }
  free(b);
  if (*total > cap) { *total = cap; *capped = 1; }
  *key_out = key;
  return STATUS_OK;
}

/* The first row's id and sort value, for an anchor. */
static void first_row(DB_STMT *s, const struct customer_filter *f, struct anchor *a)
{
  a->id = db_int(s, 0);
  a->null = 1;
  a->value[0] = '\0';
  for (int i = 0; i < s->ncols; i++) {
    if (strcmp(s->col_name[i], sort_col[f->sort]) != 0) continue;
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
  *rows = 0;
  struct q *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "list query");
  b->force = filter_first && !has(f->city) ? NULL : order_index(u, f, mode, 0, filter_first);
  b->filter_first = filter_first;
  b->order = order;
  b->anchor = anchor;
  if (anchor) offset = 0;
  b->branch_limit = offset + f->per + 1;
  add(b, "%s%s FROM (SELECT c.id%s", page_cols, mode == Q_HITS ? ", page.n" : "",
      mode == Q_HITS ? ", COUNT(*) OVER () AS n" : "");
  unsigned regions[USER_MAX_REGIONS];
  int nregions = mode == Q_NONE && region_sort_index[f->sort] && !has(f->city)
                 ? list_regions(u, f, regions) : 0;
  if (nregions > 0) {
    /* The union is named c and carries the sort column, so the page's
     * ORDER BY reads the same on it. */
    add(b, " FROM (");
    region_branches(b, u, f, regions, nregions, order);
    add(b, ") c");
  } else {
    from_where(b, u, f, mode, 0);
  }
  add(b, " ORDER BY %s LIMIT ? OFFSET ?) page"
         " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = page.id"
         " ORDER BY %s", order, order);
  arg(b, DB_INT(f->per + 1));
  arg(b, DB_INT(offset));
  err = run(b, &s);
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
  char *key = NULL;
  unsigned long h = 0;
  *total = 0;
  *capped = *more = 0;
  struct customer_filter eff = *f;
  eff.sort = effective_sort(f);
  f = &eff;
  if ((err = choose_mode(f, &mode, &scan_cap))) return nerr_pass(err);
  order_sql(f->sort, f->desc, order, sizeof order);
  long long offset = (long long)(f->page - 1) * f->per;

  /* The index-lookup plan counts in the page query itself (a window over
   * its hits), so the full-text index is asked once per page. */
  if (mode != Q_HITS && (err = count(u, f, mode, scan_cap, total, capped, &key, &h)))
    return nerr_pass(err);
  struct anchor anchor;
  int have_anchor = 0;
  time_t now = time(NULL);
  /* Not for Q_BIGRAM: its branches are limited before the page's offset. */
  int anchored = key && *capped && mode != Q_BIGRAM && anchorable(f->sort) &&
                 offset >= ANCHOR_MIN_OFFSET;
  int slot = (f->page * SORT_COUNT + (int)f->sort) * 2 + f->desc;
  if (anchored) have_anchor = anchor_get(key, h, slot, now, &anchor);

  int row = 0;
  /* A filtered list counted exactly (at most CUSTOMER_COUNT_CAP rows) in
   * another order than the id: read the filter's rows and sort them. Left
   * to itself the optimizer walked the sort's index testing every row, and
   * when the filter's rows sit late in that order (class A by oldest
   * purchase: they buy recently) it read 400,000 rows for a page (1.5 s).
   * Larger sets keep the optimizer's plan (see bench/README.md: sorted
   * filtered lists past the cap are the known slow case). */
  int filter_first = mode == Q_NONE && !*capped && f->sort != SORT_NEWEST && filtered(u, f);
  struct anchor first = { 0 };
  err = read_page(u, f, mode, order, offset, have_anchor ? &anchor : NULL, filter_first, hdf, &row,
                  more, &first, total);
  if (!err && row > 0 && anchored && !have_anchor && first.id)
    anchor_put(key, h, slot, &first, now);
  free(key);
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
    err = count(u, f, mode, scan_cap, total, capped, &key, &h);
    free(key);
    return nerr_pass(err);
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
  if ((err = choose_mode(f, &mode, &scan_cap))) return nerr_pass(err);
  struct q *b = calloc(1, sizeof *b);
  if (!b) return nerr_raise(NERR_NOMEM, "export query");
  long long after = 0;       /* 0: from the newest */
  for (;;) {
    memset(b, 0, sizeof *b);
    b->order = "c.id DESC";
    b->branch_limit = EXPORT_CHUNK;
    /* Both forms of the statement (first chunk, and "after this id") are
     * the same text apart from the keyset condition. */
    add(b, "SELECT c.id, c.code, c.name, c.kind, r.name_zh, r.name_en, c.city,"
           " c.postal_code, c.address, c.phone, u.display_name, c.lifecycle,"
           " c.abc_class, c.last_purchase_on, c.credit_limit FROM (SELECT c.id");
    from_where(b, u, f, mode, after);
    add(b, " ORDER BY c.id DESC LIMIT %d) page"
           " JOIN customers c FORCE INDEX (PRIMARY) ON c.id = page.id"
           " JOIN regions r ON r.id = c.region_id"
           " LEFT JOIN users u ON u.id = c.owner_id"
           " ORDER BY c.id DESC", EXPORT_CHUNK);
    if ((err = run(b, &s))) break;
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
  NEOERR *err = db_exec(&search_put, "is", (long long)id, name);
  db_done(&search_put);
  return nerr_pass(err);
}

NEOERR *db_customer_search_drop(unsigned long long id)
{
  NEOERR *err = db_exec(&search_drop, "i", (long long)id);
  db_done(&search_drop);
  return nerr_pass(err);
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
  NEOERR *err = db_exec(&bigrams_drop, "i", (long long)id);
  db_done(&bigrams_drop);
  if (!err) err = db_exec(&bigrams_add, "si", name, (long long)id);
  db_done(&bigrams_add);
  return nerr_pass(err);
}

NEOERR *db_customer_bigrams_drop(unsigned long long id)
{
  NEOERR *err = db_exec(&bigrams_drop, "i", (long long)id);
  db_done(&bigrams_drop);
  return nerr_pass(err);
}
