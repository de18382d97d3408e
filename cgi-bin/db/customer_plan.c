/* The customer list's plans. Each page is one statement of this shape
 * (<order> is the sort's ORDER BY, e.g. "c.id DESC"; ? are parameters):
 *
 *   SELECT c.id, c.code, ..., c.region_id, c.owner_id
 *   FROM (SELECT c.id <FROM and WHERE of the plan> ORDER BY <order> LIMIT ? OFFSET ?) page
 *   JOIN customers c FORCE INDEX (PRIMARY) ON c.id = page.id ORDER BY <order>
 *
 * and its count, unless the page counts itself (Q_HITS), is
 *
 *   SELECT COUNT(*) FROM (SELECT 1 <FROM and WHERE of the plan> LIMIT <cap + 1>) t
 *
 * The FROM and WHERE of each plan (the filters: [AND c.region_id IN (?, ...)]
 * for a regional manager, [AND c.region_id = ?] [AND c.kind = ?]
 * [AND c.lifecycle = ?] [AND c.abc_class = ?] [AND c.owner_id = ?]
 * [AND c.city = ?] [AND c.postal_code LIKE CONCAT(?, '%')]
 * [AND c.id IN (SELECT k.customer_id FROM customer_credit k WHERE k.over_limit = 1)]
 * and issue 17's, written out in db/customer_plan_analysis.c: size,
 * loyalty, non-customer type, sleep state, RFM segment, watch list, bought):
 *
 * Q_NONE, no search text; the index that gives the order named, or none
 * where a filter leads (the foreign keys' own indexes ignored), or, the
 * filter's rows read first, the order's indexes ignored:
 *   FROM customers c FORCE INDEX (list_all | list_region | list_city | city_region | code
 *                                 | list_name_order | list_purchase | ...)
 *   FROM customers c IGNORE INDEX (region_id, owner_id)
 *     [IGNORE INDEX FOR ORDER BY (list_all, list_region, ..., code)]
 *   WHERE c.status = 'active' <filters>
 *
 * Q_NONE bound to regions (a region filter or a manager's regions) in
 * another order than the id: one branch per region (db/region_merge.c),
 * named c, its sort column carried (an ENUM as its number):
 *   FROM ((SELECT c.id, c.name AS name FROM customers c FORCE INDEX (region_name)
 *          WHERE c.status = 'active' <filters> AND c.region_id = ? ORDER BY <order> LIMIT ?)
 *         UNION ALL (... the next region ...)) c
 *   and its count, over two or more regions:
 *   SELECT COUNT(*) FROM ((SELECT 1 FROM customers c IGNORE INDEX (region_id, owner_id)
 *     WHERE c.status = 'active' <filters> AND c.region_id = ? LIMIT ?) UNION ALL (...)) t
 *
 * Q_NONE, over the credit limit alone (with the scope, a region, archived):
 *   SELECT COUNT(*) FROM (SELECT 1 FROM customer_credit k FORCE INDEX (over_scope)
 *     WHERE k.over_limit = 1 AND k.status = 'active' [AND k.region_id IN (?, ...)]
 *     [AND k.region_id = ?] LIMIT <cap + 1>) t
 *
 * Q_HITS, a selective text: the hits collected from five index lookups,
 * then joined (the page counts them with COUNT(*) OVER () AS n):
 *   FROM (SELECT customer_id AS id FROM customer_search WHERE MATCH(name) AGAINST(? IN BOOLEAN MODE)
 *         UNION SELECT id FROM customers WHERE code LIKE ?
 *         UNION SELECT id FROM customers WHERE phone LIKE ?
 *         UNION SELECT customer_id FROM customer_contacts WHERE name = ?
 *         UNION SELECT customer_id FROM customer_contacts WHERE phone LIKE ?) hit
 *   STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id
 *   WHERE c.status = 'active' <filters>
 *   and for a text shaped like a code, the code lookup alone:
 *   FROM (SELECT id FROM customers WHERE code LIKE ?) hit STRAIGHT_JOIN customers c ...
 *
 * Q_SCAN, a common text: the list's own walk, each row tested:
 *   FROM customers c [FORCE INDEX (list_all | ...)]
 *   WHERE c.status = 'active' <filters>
 *   AND (c.name [COLLATE utf8mb4_bin] LIKE ? OR c.code LIKE ? OR c.phone LIKE ?
 *        OR c.id IN (SELECT customer_id FROM customer_contacts WHERE name = ? OR phone LIKE ?))
 *
 * Q_BIGRAM, two or more CJK ideographs: the first bigram's entries walked
 * in the page's order (within one region on bigram_region), the last
 * bigram joined and the name checked when longer; with the key people of
 * that name:
 *   FROM ((SELECT b.customer_id AS id FROM customer_bigrams b [FORCE INDEX (bigram_region)]
 *          [STRAIGHT_JOIN customer_bigrams b2 ON b2.bigram = ? AND b2.customer_id = b.customer_id]
 *          STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = b.customer_id
 *          WHERE c.status = 'active' <filters> AND b.bigram = ? [AND b.region_id = ?]
 *          [AND c.name COLLATE utf8mb4_bin LIKE ?] ORDER BY b.customer_id DESC LIMIT ?)
 *         UNION (SELECT c.id FROM (SELECT DISTINCT customer_id FROM customer_contacts
 *          WHERE name = ?) k STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = k.customer_id
 *          WHERE c.status = 'active' <filters> ORDER BY c.id DESC LIMIT ?)) hit
 *   [STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id]   (not for the count)
 *
 * A deep page of a long list adds its anchor's range (db/customer_list.c):
 *   AND c.id <= ?  |  AND c.code >= ?  |  AND (c.name > ? OR (c.name = ? AND c.id >= ?)) ...
 * The export reads the Q_* plan newest first in chunks: AND c.id < ?.
 * The figures behind these choices are in bench/README.md ("Figures behind
 * the list planner"). */
#include "db/customer_plan.h"
#include "db/customer_plan_analysis.h"
#include "db/db.h"
#include "db/kept.h"
#include "db/scope.h"
#include <stdio.h>
#include <string.h>

/* How a search text is matched:
 *  Q_NONE  no text;
 *  Q_HITS  a selective text: the ids it matches are collected first (Mroonga
 *          bigram index on the name, code prefix, phone prefix, key person's
 *          exact name or phone prefix; each an index lookup) and joined to
 *          customers;
 *  Q_SCAN  a common text (see customer_plan_mode): customers are read in
 *          the list's order on its index and each row is checked, so page 1
 *          of a text in many names reads a few hundred rows, not every hit;
 *  Q_BIGRAM a selective text of two or more CJK ideographs: its first
 *          bigram's range of customer_bigrams (primary key (bigram,
 *          customer_id)), joined to the last bigram and the name checked
 *          when longer than two, read in the list's order (backwards on the
 *          key for the default order) and stopped after the page's rows;
 *          with the key people of that exact name. Codes (ASCII) and phones
 *          (digits) cannot start with such text. */
#define SCAN_COUNT_CAP 1000
/* Q_BIGRAM counts to 200: each hit counted is a lookup of the customer for
 * its status and filters, which past a few hundred costs more than the
 * page; shown as "200+" past that and then kept a minute like every capped
 * count. */
#define BIGRAM_COUNT_CAP 200

static int has(const char *s) { return s && *s; }

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

/* A sort on a column the filter fixes to one value (class A sorted by
 * class, 华东 sorted by region) is the id order within it, which the
 * filter's own (status, column, id) index gives without sorting. */
enum customer_sort customer_plan_sort(const struct customer_filter *f)
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

const char *customer_sort_column(enum customer_sort s)
{
  return s >= 0 && s < SORT_COUNT ? sort_col[s] : sort_col[SORT_NEWEST];
}

const char *customer_plan_order(const char *t, enum customer_sort s, int desc, char *buf,
                                size_t n)
{
  const char *d = desc ? "DESC" : "ASC";
  if (s <= SORT_NEWEST || s >= SORT_COUNT) snprintf(buf, n, "%s.id %s", t, d);
  else if (s == SORT_CODE) snprintf(buf, n, "%s.code %s", t, d);   /* unique */
  else snprintf(buf, n, "%s.%s %s, %s.id %s", t, sort_col[s], d, t, d);
  return buf;
}

/* 1 when the text is only CJK unified ideographs (U+4E00..U+9FFF), the
 * usual Chinese fragment: for such text a byte comparison finds the same
 * names as the case- and width-folding collation, at a fraction of the
 * cost. */
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
 * or more): only codes can hold it. The name index (Mroonga) is the
 * dearest of the five lookups and phones and key people cannot match. */
static int code_shaped(const char *q)
{
  if ((q[0] != 'C' && q[0] != 'c') || !q[1]) return 0;
  size_t n = 0;
  for (const char *p = q + 1; *p; p++, n++)
    if (*p < '0' || *p > '9') return 0;
  return n >= 3;
}

/* Which plan fits a search text is decided by how common it is among the
 * newest SAMPLE customers (one short primary-key range, no full-text
 * query: counting a common fragment through Mroonga costs more than a
 * page). A text in at least SCAN_MIN per SAMPLE of them (0.5%) is common:
 * scanning in the list's order finds a page after a few hundred rows.
 * Otherwise the index lookups collect its (few) hits. */
#define SAMPLE 1000
#define SCAN_MIN 5
/* A Chinese-only text is compared bytewise, which makes each row read
 * cheaper (a row still costs the read of the name from the table), so on
 * a large table it counts as common from 0.3% of names on: page 1 then
 * reads a few thousand rows at most, cheaper than collecting the Mroonga
 * hits. */
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

/* How common a text is does not change from one page to the next: on a
 * large table the decision is kept a minute per process, by the text. */
struct text_plan { int mode, cap; };
static struct kept_map plans = KEPT_MAP(32, 60);

static NEOERR *mode_for_text(const struct customer_filter *f, int *mode, int *scan_cap,
                             int *large)
{
  *mode = Q_NONE;
  *large = 0;
  *scan_cap = SCAN_COUNT_CAP;
  if (!has(f->q)) return STATUS_OK;
  size_t qlen = strlen(f->q);
  const struct text_plan *kept = kept_get(&plans, f->q, qlen, 0, NULL);
  if (kept) {
    *mode = kept->mode;
    *scan_cap = kept->cap;
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
  if (*mode == Q_HITS && cjk && qlen >= 6) *mode = Q_BIGRAM;
  /* The scan plan's count stops at a cap that keeps the rows it reads near
   * SCAN_COUNT_ROWS: 1000 for a text in 5% of names, 50 for one in 0.3%. */
  static const int caps[] = { 1000, 500, 200, 100, 50 };
  if (*mode == Q_SCAN && n >= SAMPLE) {
    *scan_cap = caps[sizeof caps / sizeof caps[0] - 1];
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++)
      if ((long long)caps[i] * n <= (long long)SCAN_COUNT_ROWS * hits) { *scan_cap = caps[i]; break; }
  }
  if (n >= SAMPLE) {
    struct text_plan p = { *mode, *scan_cap };
    kept_put(&plans, f->q, qlen, 0, &p, sizeof p);
  }
  return STATUS_OK;
}

/* On a large table, in the default order (newest first), a Chinese text of
 * two or more characters is best served by the bigram walk however common
 * it is: page 1 reads about a page of index entries whatever the text's
 * frequency, where the scan reads rows until a page of them match (many
 * for a city's name). Its count stops at BIGRAM_COUNT_CAP. Other orders
 * keep the choice by frequency, since the walk would read every hit to
 * sort them; small tables keep exact counts. */
NEOERR *customer_plan_mode(const struct customer_filter *f, int *mode, int *scan_cap)
{
  int large;
  NEOERR *err = mode_for_text(f, mode, scan_cap, &large);
  if (!err && large && *mode == Q_SCAN && f->sort == SORT_NEWEST && cjk_only(f->q) &&
      strlen(f->q) >= 6)
    *mode = Q_BIGRAM;
  return nerr_pass(err);
}

int customer_plan_count_cap(int mode, int scan_cap)
{
  return mode == Q_SCAN ? scan_cap : mode == Q_BIGRAM ? BIGRAM_COUNT_CAP : CUSTOMER_COUNT_CAP;
}

static int filtered(const struct user *u, const struct customer_filter *f)
{
  return scope_limited(u) || f->region_id || has(f->kind) || has(f->stage) || has(f->abc) ||
         f->owner_id || has(f->city) || has(f->postal) || f->archived || f->over_limit ||
         customer_plan_analysis_used(f);
}

/* A filtered list counted exactly (at most CUSTOMER_COUNT_CAP rows) in
 * another order than the id: read the filter's rows and sort them. Left
 * to itself the optimizer walked the sort's index testing every row, and
 * when the filter's rows sit late in that order (class A by oldest
 * purchase: they buy recently) it read most of the table for a page.
 * Larger sets keep the optimizer's plan (see bench/README.md: sorted
 * filtered lists past the cap are the known slow case). */
int customer_plan_filter_first(const struct user *u, const struct customer_filter *f, int mode,
                               int capped)
{
  return mode == Q_NONE && !capped && f->sort != SORT_NEWEST && filtered(u, f);
}

/* The index that gives each order (status first). */
static const char *sort_index[SORT_COUNT] = {
  [SORT_NEWEST] = "list_all", [SORT_CODE] = "code", [SORT_NAME] = "list_name_order",
  [SORT_REGION] = "list_region", [SORT_LIFECYCLE] = "list_stage",
  [SORT_CLASS] = "list_class", [SORT_PURCHASE] = "list_purchase",
};

/* When nothing but the search text (scan plan) and the scope narrows the
 * list, the index that gives its order is named: left to itself, the
 * optimizer estimated the range on each of the ten status indexes on every
 * execution, which under load cost more than reading the page. A count
 * only needs status first: (status, id). */
const char *customer_plan_index(const struct user *u, const struct customer_filter *f, int mode,
                                int for_count, int filter_first)
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
      has(f->abc) || f->owner_id || has(f->city) || has(f->postal) || f->over_limit ||
      customer_plan_analysis_used(f))
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

const char *customer_plan_region_index(enum customer_sort s)
{
  return s >= 0 && s < SORT_COUNT ? region_sort_index[s] : NULL;
}

int customer_plan_regions(const struct user *u, const struct customer_filter *f, unsigned *out)
{
  if (f->region_id) { out[0] = f->region_id; return 1; }
  if (!scope_limited(u)) return 0;
  for (int i = 0; i < u->nregions; i++) out[i] = u->regions[i];
  return u->nregions;
}

/* The over-credit-limit filter alone (with the scope, a region and the
 * archived ones at most): its count is read from customer_credit's
 * over_scope index (over_limit, status, region_id, customer_id), whose
 * status and region are copies maintained by the triggers of schema/044, where
 * through customers each match cost a row lookup. */
int customer_plan_credit_count(const struct customer_filter *f, int mode)
{
  return f->over_limit && mode == Q_NONE && !has(f->kind) && !has(f->stage) && !has(f->abc) &&
         !f->owner_id && !has(f->city) && !has(f->postal) && !customer_plan_analysis_used(f);
}

void customer_plan_scope(struct query *q, const struct user *u, const char *col)
{
  if (!scope_limited(u)) return;
  if (u->nregions == 0) {
    query_cond(q, "0 = 1");
    return;
  }
  query_cond(q, "%s IN (?", col);
  for (int i = 1; i < u->nregions; i++) query_add(q, ", ?");
  query_add(q, ")");
  for (int i = 0; i < u->nregions; i++) query_arg(q, DB_INT(u->regions[i]));
}

void customer_plan_where(struct customer_q *b, const struct user *u,
                         const struct customer_filter *f, int mode, long long after_id)
{
  struct query *q = &b->q;
  query_where_reset(q);
  query_cond(q, f->archived ? "c.status <> 'merged'" : "c.status = 'active'");
  /* A regional manager's regions as values (the session read them from
   * user_regions in this request), so the indexes that lead with
   * (status, region_id) are ranges. They are the scope: a join of
   * user_regions per row said the same with two more tables' ranges
   * estimated per execution; written as "region_id IN (SELECT ...
   * user_regions)", MariaDB read user_regions first and sorted the whole
   * region. */
  customer_plan_scope(q, u, "c.region_id");
  if (b->branch_region) {
    query_cond(q, "c.region_id = ?");
    query_arg(q, DB_INT(b->branch_region));
  } else if (f->region_id) {
    query_cond(q, "c.region_id = ?");
    query_arg(q, DB_INT(f->region_id));
  }
  if (has(f->kind)) { query_cond(q, "c.kind = ?"); query_arg(q, DB_STR(f->kind)); }
  if (has(f->stage)) { query_cond(q, "c.lifecycle = ?"); query_arg(q, DB_STR(f->stage)); }
  if (has(f->abc)) { query_cond(q, "c.abc_class = ?"); query_arg(q, DB_STR(f->abc)); }
  if (f->owner_id) { query_cond(q, "c.owner_id = ?"); query_arg(q, DB_INT(f->owner_id)); }
  if (has(f->city)) { query_cond(q, "c.city = ?"); query_arg(q, DB_STR(f->city)); }
  if (has(f->postal)) {
    query_cond(q, "c.postal_code LIKE CONCAT(?, '%%')");
    query_arg(q, DB_STR(f->postal));
  }
  /* Over the credit limit: the few ids of customer_credit's over_limit
   * index (schema/040), each customer then read by its primary key. */
  if (f->over_limit)
    query_cond(q, "c.id IN (SELECT k.customer_id FROM customer_credit k WHERE k.over_limit = 1)");
  customer_plan_analysis_where(q, u, f, b->branch_region ? b->branch_region : f->region_id);
  if (mode == Q_SCAN) {
    query_cond(q, "(c.name%s LIKE ? OR c.code LIKE ? OR c.phone LIKE ?",
               cjk_only(f->q) ? " COLLATE utf8mb4_bin" : "");
    query_add(q, " OR c.id IN (SELECT customer_id FROM customer_contacts"
                 " WHERE name = ? OR phone LIKE ?))");
    query_arg(q, DB_STR(b->name_like));
    query_arg(q, DB_STR(b->prefix_like));
    query_arg(q, DB_STR(b->prefix_like));
    query_arg(q, DB_STR(f->q));
    query_arg(q, DB_STR(b->prefix_like));
  }
  if (after_id > 0) { query_cond(q, "c.id < ?"); query_arg(q, DB_INT(after_id)); }
}

/* Joins of customers by id name its primary key: with some twenty indexes
 * that begin with status, MariaDB otherwise estimated a range for
 * "status = 'active'" on each of them on every execution, which cost more
 * than the search itself. */

/* Q_BIGRAM: FROM (hits) hit [STRAIGHT_JOIN customers c]. Each branch of
 * the hits (name bigrams; key people of that name) applies every filter
 * and is read in the page's order up to b->branch_limit rows, so the union
 * holds the page whatever the other branch has. For the default order the
 * bigram branch is a backward (or forward) walk of the primary key that
 * stops after its rows: no filesort, no full hit list. */
static void bigram_from(struct customer_q *b, const struct user *u,
                        const struct customer_filter *f, long long after_id)
{
  struct query *q = &b->q;
  const char *text = f->q;
  size_t len = strlen(text);    /* a multiple of 3: cjk_only */
  memcpy(b->bigram1, text, 6);
  b->bigram1[6] = '\0';
  memcpy(b->bigram2, text + len - 6, 6);
  b->bigram2[6] = '\0';
  int longer = len > 6;
  if (longer) like_escape(b->name_like, sizeof b->name_like, text, 1, 1);
  /* Inside one region (a filter, or a manager of one region) the walk reads
   * that region's entries only (schema/022); over several it reads the
   * bigram's entries newest first and keeps those in scope. */
  unsigned region = f->region_id ? f->region_id
                    : scope_limited(u) && u->nregions == 1 ? u->regions[0] : 0;
  query_add(q, " FROM ((SELECT b.customer_id AS id FROM customer_bigrams b%s",
            region ? " FORCE INDEX (bigram_region)" : "");
  if (longer) {
    query_add(q, " STRAIGHT_JOIN customer_bigrams b2 ON b2.bigram = ? AND b2.customer_id = b.customer_id");
    query_arg(q, DB_STR(b->bigram2));
  }
  query_add(q, " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = b.customer_id");
  customer_plan_where(b, u, f, Q_BIGRAM, after_id);
  query_cond(q, "b.bigram = ?");
  query_arg(q, DB_STR(b->bigram1));
  if (region) {
    query_cond(q, "b.region_id = ?");
    query_arg(q, DB_INT(region));
  }
  if (longer) {
    query_cond(q, "c.name COLLATE utf8mb4_bin LIKE ?");
    query_arg(q, DB_STR(b->name_like));
  }
  if (b->order) {
    if (strncmp(b->order, "c.id ", 5) == 0) query_add(q, " ORDER BY b.customer_id %s", b->order + 5);
    else query_add(q, " ORDER BY %s", b->order);
  }
  query_add(q, " LIMIT ?) UNION (SELECT c.id FROM (SELECT DISTINCT customer_id FROM customer_contacts"
               " WHERE name = ?) k STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = k.customer_id");
  query_arg(q, DB_INT(b->branch_limit));
  query_arg(q, DB_STR(text));
  customer_plan_where(b, u, f, Q_BIGRAM, after_id);
  if (b->order) query_add(q, " ORDER BY %s", b->order);
  query_add(q, " LIMIT ?)) hit");
  query_arg(q, DB_INT(b->branch_limit));
  if (!b->bare) query_add(q, " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
}

void customer_plan_from(struct customer_q *b, const struct user *u,
                        const struct customer_filter *f, int mode, long long after_id)
{
  struct query *q = &b->q;
  const char *text = f->q;
  if (mode == Q_BIGRAM) { bigram_from(b, u, f, after_id); return; }
  if (mode != Q_NONE) {
    like_escape(b->name_like, sizeof b->name_like, text, 1, 1);
    like_escape(b->prefix_like, sizeof b->prefix_like, text, 0, 1);
  }
  if (mode == Q_HITS && code_shaped(text)) {
    query_add(q, " FROM (SELECT id FROM customers WHERE code LIKE ?) hit"
                 " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
    query_arg(q, DB_STR(b->prefix_like));
  } else if (mode == Q_HITS) {
    customer_search_query(b->match, sizeof b->match, text);
    query_add(q, " FROM (SELECT customer_id AS id FROM customer_search"
                 " WHERE MATCH(name) AGAINST(? IN BOOLEAN MODE)"
                 " UNION SELECT id FROM customers WHERE code LIKE ?"
                 " UNION SELECT id FROM customers WHERE phone LIKE ?"
                 " UNION SELECT customer_id FROM customer_contacts WHERE name = ?"
                 " UNION SELECT customer_id FROM customer_contacts WHERE phone LIKE ?) hit"
                 " STRAIGHT_JOIN customers c FORCE INDEX (PRIMARY) ON c.id = hit.id");
    query_arg(q, DB_STR(b->match));
    query_arg(q, DB_STR(b->prefix_like));
    query_arg(q, DB_STR(b->prefix_like));
    query_arg(q, DB_STR(text));
    query_arg(q, DB_STR(b->prefix_like));
  } else {
    /* The foreign keys' own indexes (region_id, id) and (owner_id, id)
     * lack status; MariaDB intersected them with (status, id) and sorted a
     * quarter of the table for a regional manager's page. The list_*
     * indexes cover the same conditions with status first. */
    if (b->force) query_add(q, " FROM customers c FORCE INDEX (%s)", b->force);
    else query_add(q, " FROM customers c IGNORE INDEX (region_id, owner_id)");
    if (b->filter_first && !b->force)
      query_add(q, " IGNORE INDEX FOR ORDER BY (list_all, list_region, list_owner, list_kind,"
                   " list_purchase, list_name_order, list_stage, list_class, code)");
  }
  customer_plan_where(b, u, f, mode, after_id);
}
