/* The list's filters of issue 17 (see the header). The two subqueries are
 * IN (...) rather than correlated EXISTS so that MariaDB may take either
 * side first (a semi-join): a rare product's few buyers from order_lines'
 * product_id index, or a common one tested per customer on orders'
 * (customer_id, ordered_on) key. customer_analysis is read on
 * region_sleep, region_rfm or region_watch (region_id, column,
 * customer_id) when the region is known. Their shapes:
 *
 *   AND c.size_class = ? AND c.loyalty = ? AND c.non_customer = ?
 *   AND c.id IN (SELECT a.customer_id FROM customer_analysis a
 *                WHERE [a.region_id = ? | a.region_id IN (?, ...)]
 *                [AND a.sleep_state = ? | AND a.sleep_state BETWEEN 2 AND 4]
 *                [AND a.rfm_segment = ?]
 *                [AND a.watch_score > 0 [AND a.watch_reasons & ? <> 0]])
 *   AND c.id IN (SELECT o.customer_id FROM orders o
 *                [JOIN order_lines l ON l.order_id = o.id
 *                 [JOIN products p ON p.id = l.product_id]]
 *                WHERE o.status <> 'cancelled' [AND o.ordered_on >= ?]
 *                [AND o.ordered_on <= ?] [AND l.product_id = ?] [AND p.category_id = ?])
 */
#include "db/customer_plan_analysis.h"
#include "db/scope.h"

static int has(const char *s) { return s && *s; }

static int analysed(const struct customer_filter *f)
{
  return f->sleep || f->rfm || f->watch;
}

static int bought(const struct customer_filter *f)
{
  return f->bought_product || f->bought_category || has(f->bought_from) || has(f->bought_to);
}

int customer_plan_analysis_used(const struct customer_filter *f)
{
  return has(f->size) || has(f->loyalty) || has(f->noncust) || analysed(f) || bought(f);
}

/* " WHERE " first, " AND " after, inside a subquery (query_cond keeps the
 * outer statement's count). */
static void sub_cond(struct query *q, int *n, const char *text)
{
  query_add(q, "%s%s", (*n)++ ? " AND " : " WHERE ", text);
}

static void analysis_in(struct query *q, const struct user *u, const struct customer_filter *f,
                        unsigned region)
{
  int n = 0;
  query_cond(q, "c.id IN (SELECT a.customer_id FROM customer_analysis a");
  if (region) {
    sub_cond(q, &n, "a.region_id = ?");
    query_arg(q, DB_INT(region));
  } else if (scope_limited(u)) {
    if (u->nregions == 0) sub_cond(q, &n, "0 = 1");
    for (int i = 0; i < u->nregions; i++) {
      if (i == 0) sub_cond(q, &n, "a.region_id IN (?");
      else query_add(q, ", ?");
      query_arg(q, DB_INT(u->regions[i]));
    }
    if (u->nregions) query_add(q, ")");
  }
  if (f->sleep == CUSTOMER_SLEEP_ANY) {
    sub_cond(q, &n, "a.sleep_state BETWEEN 2 AND 4");
  } else if (f->sleep) {
    sub_cond(q, &n, "a.sleep_state = ?");
    query_arg(q, DB_INT(f->sleep));
  }
  if (f->rfm) {
    sub_cond(q, &n, "a.rfm_segment = ?");
    query_arg(q, DB_INT(f->rfm));
  }
  if (f->watch) {
    sub_cond(q, &n, "a.watch_score > 0");
    if (f->watch != CUSTOMER_WATCH_ANY) {
      sub_cond(q, &n, "a.watch_reasons & ? <> 0");
      query_arg(q, DB_INT(f->watch));
    }
  }
  query_add(q, ")");
}

static void bought_in(struct query *q, const struct customer_filter *f)
{
  int n = 0;
  query_cond(q, "c.id IN (SELECT o.customer_id FROM orders o");
  if (f->bought_product || f->bought_category)
    query_add(q, " JOIN order_lines l ON l.order_id = o.id");
  if (f->bought_category) query_add(q, " JOIN products p ON p.id = l.product_id");
  sub_cond(q, &n, "o.status <> 'cancelled'");
  if (has(f->bought_from)) {
    sub_cond(q, &n, "o.ordered_on >= ?");
    query_arg(q, DB_STR(f->bought_from));
  }
  if (has(f->bought_to)) {
    sub_cond(q, &n, "o.ordered_on <= ?");
    query_arg(q, DB_STR(f->bought_to));
  }
  if (f->bought_product) {
    sub_cond(q, &n, "l.product_id = ?");
    query_arg(q, DB_INT(f->bought_product));
  }
  if (f->bought_category) {
    sub_cond(q, &n, "p.category_id = ?");
    query_arg(q, DB_INT(f->bought_category));
  }
  query_add(q, ")");
}

void customer_plan_analysis_where(struct query *q, const struct user *u,
                                  const struct customer_filter *f, unsigned region)
{
  if (has(f->size)) { query_cond(q, "c.size_class = ?"); query_arg(q, DB_STR(f->size)); }
  if (has(f->loyalty)) { query_cond(q, "c.loyalty = ?"); query_arg(q, DB_STR(f->loyalty)); }
  if (has(f->noncust)) { query_cond(q, "c.non_customer = ?"); query_arg(q, DB_STR(f->noncust)); }
  if (analysed(f)) analysis_in(q, u, f, region);
  if (bought(f)) bought_in(q, f);
}
