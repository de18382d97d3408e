/* The wake-up list and its decisions (analysis_wake.h). The list reads
 * what the batch stored in customer_analysis (the sleep state, the usual
 * interval, the period's revenue) beside each customer's latest decision;
 * the decisions are written here and nowhere else but the batch, which
 * marks a pending one 'woke' when the customer buys again. */
#include "db/analysis_wake.h"
#include "core/err.h"
#include "db/audit.h"
#include "db/customer_sql.h"
#include "db/db.h"
#include "db/names.h"
#include "db/query.h"
#include "db/scope.h"
#include <stdio.h>
#include <string.h>

#define EXPORT_CHUNK 1000

/* The latest decision of each customer joined to its analysis row. The
 * customer_id term lets the join use the (customer_id, id) key: on the
 * id alone MariaDB joined decisions through a join buffer, which sorted
 * every sleeper of the filter instead of reading a page in index order. */
#define WAKE_FROM \
  " FROM customer_analysis ca JOIN customers c ON c.id = ca.customer_id" \
  " LEFT JOIN wake_decisions d ON d.customer_id = ca.customer_id AND d.id =" \
  " (SELECT MAX(w.id) FROM wake_decisions w WHERE w.customer_id = ca.customer_id)"

static const char *const status_cond[] = {
  [WAKE_ANY] = NULL,
  [WAKE_NONE] = "d.id IS NULL",
  [WAKE_PENDING] = "d.decision = 'wake' AND d.outcome = 'pending'",
  [WAKE_WOKE] = "d.decision = 'wake' AND d.outcome = 'woke'",
  [WAKE_NO_RESPONSE] = "d.decision = 'wake' AND d.outcome = 'no_response'",
  [WAKE_LET_GO] = "d.decision = 'let_go'",
};

/* The filter's conditions; `col` is the table alias holding region_id
 * and owner_id (ca on the list, d on the results). */
static void scope_where(struct query *q, const struct user *u, const struct wake_filter *f,
                        const char *col)
{
  char region_col[16];
  snprintf(region_col, sizeof region_col, "%s.region_id", col);
  scope_regions_cond(q, u, region_col);
  if (f->region_id) {
    query_cond(q, "%s.region_id = ?", col);
    query_arg(q, DB_INT(f->region_id));
  }
  if (f->owner_id) {
    query_cond(q, "%s.owner_id = ?", col);
    query_arg(q, DB_INT(f->owner_id));
  }
}

static void list_where(struct query *q, const struct user *u, const struct wake_filter *f)
{
  if (f->state >= 2 && f->state <= 4) {
    query_cond(q, "ca.sleep_state = ?");
    query_arg(q, DB_INT(f->state));
  } else {
    query_cond(q, "ca.sleep_state BETWEEN 2 AND 4");
  }
  query_cond(q, "c.status = 'active'");
  scope_where(q, u, f, "ca");
  if (f->status > WAKE_ANY && f->status <= WAKE_LET_GO) query_cond(q, "%s", status_cond[f->status]);
}

static NEOERR *in_scope(const struct user *u, const struct wake_filter *f)
{
  if (f->region_id && !scope_allows(u, f->region_id))
    return nerr_raise(KERR_NOT_FOUND, "region %u outside the user's scope", f->region_id);
  return STATUS_OK;
}

static NEOERR *row_names(HDF *rows)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = hdf_obj_child(rows); row && !err; row = hdf_obj_next(row))
    if (!(err = db_names_set(NAMES_REGION, hdf_get_value(row, "region_id", NULL), row,
                             "region_zh", "region_en")) &&
        !(err = db_names_set(NAMES_USER, hdf_get_value(row, "owner_id", NULL), row, "owner",
                             NULL)))
      err = db_names_set(NAMES_PRODUCT, hdf_get_value(row, "product_id", NULL), row, "product",
                         NULL);
  return nerr_pass(err);
}

NEOERR *db_wake_list(const struct user *u, const struct wake_filter *f, HDF *hdf,
                     const char *prefix, long long *total, int *capped, int *more_rows)
{
  struct query q;
  DB_STMT *s;
  int more;
  NEOERR *err = in_scope(u, f);
  if (err) return nerr_pass(err);
  /* Counted up to the cap, as the customer list: at a million customers
   * a salesperson has a hundred thousand sleepers, counting them all cost
   * 50 ms a page, and the list is worked from its first pages (schema/057
   * and 058 give their order); past the cap the pager runs on. */
  query_init(&q);
  query_add(&q, "SELECT COUNT(*) FROM (SELECT 1" WAKE_FROM);
  list_where(&q, u, f);
  query_add(&q, " LIMIT %d) t", WAKE_COUNT_CAP + 1);
  if ((err = query_run(&q, &s)) || (err = db_next(s, &more))) return nerr_pass(err);
  *total = more ? db_int(s, 0) : 0;
  db_done(s);
  *capped = *total > WAKE_COUNT_CAP;
  if (*capped) *total = WAKE_COUNT_CAP;
  query_init(&q);
  query_add(&q, "SELECT ca.customer_id, c.code, c.name, ca.sleep_state, ca.days_since,"
                " ca.interval_days, ROUND(100 * ca.days_since / NULLIF(ca.interval_days, 0))"
                " AS ratio_pct, c.last_purchase_on, ca.revenue, ca.abc_class, ca.owner_id,"
                " ca.region_id, d.id AS decision_id, d.decision, d.approach, d.product_id,"
                " d.outcome, d.decided_on" WAKE_FROM);
  list_where(&q, u, f);
  query_add(&q, " ORDER BY ca.sleep_state, ca.revenue DESC, ca.customer_id LIMIT ? OFFSET ?");
  query_arg(&q, DB_INT(f->per));
  query_arg(&q, DB_INT((long long)(f->page - 1) * f->per));
  if ((err = query_run(&q, &s)) || (err = db_rows_to_hdf(s, hdf, prefix, NULL)))
    return nerr_pass(err);
  int rows = 0;
  for (HDF *row = hdf_obj_child(hdf_get_obj(hdf, prefix)); row; row = hdf_obj_next(row)) rows++;
  *more_rows = rows == f->per && (*capped || (long long)f->page * f->per < *total);
  return nerr_pass(row_names(hdf_get_obj(hdf, prefix)));
}

NEOERR *db_wake_export(const struct user *u, const struct wake_filter *f, export_each_fn each,
                       void *each_ctx)
{
  NEOERR *err = in_scope(u, f);
  long long state = 0, revenue = 0, id = 0;
  int first = 1;
  /* Keyset on the list's order (state, revenue descending, id), so memory
   * and time per chunk stay flat however many rows match. */
  while (!err) {
    struct query q;
    DB_STMT *s;
    int more, n = 0;
    const char *cols[WAKE_EXPORT_COLS];
    query_init(&q);
    query_add(&q, "SELECT ca.sleep_state, ca.revenue, ca.customer_id, c.code, c.name,"
                  " ca.sleep_state, ca.days_since, ca.interval_days, c.last_purchase_on,"
                  " CAST(ca.revenue / 100 AS DECIMAL(16, 2)), ca.abc_class, ou.display_name,"
                  " d.decision, d.approach, p.name, IF(d.decision = 'wake', d.outcome, NULL),"
                  " d.decided_on" WAKE_FROM
                  " LEFT JOIN users ou ON ou.id = ca.owner_id"
                  " LEFT JOIN products p ON p.id = d.product_id");
    list_where(&q, u, f);
    if (!first) {
      query_cond(&q, "(ca.sleep_state > ? OR (ca.sleep_state = ? AND (ca.revenue < ?"
                     " OR (ca.revenue = ? AND ca.customer_id > ?))))");
      query_arg(&q, DB_INT(state));
      query_arg(&q, DB_INT(state));
      query_arg(&q, DB_INT(revenue));
      query_arg(&q, DB_INT(revenue));
      query_arg(&q, DB_INT(id));
    }
    query_add(&q, " ORDER BY ca.sleep_state, ca.revenue DESC, ca.customer_id LIMIT %d",
              EXPORT_CHUNK);
    if ((err = query_run(&q, &s))) break;
    while (!(err = db_next(s, &more)) && more) {
      state = db_int(s, 0);
      revenue = db_int(s, 1);
      id = db_int(s, 2);
      for (int i = 0; i < WAKE_EXPORT_COLS; i++) cols[i] = db_str(s, i + 3);
      if ((err = each(each_ctx, cols))) break;
      n++;
    }
    db_done(s);
    first = 0;
    if (n < EXPORT_CHUNK) break;
  }
  return nerr_pass(err);
}

/* Counts of decisions; woke_pct is of the decisions to wake. */
#define RESULT_COLS \
  "COUNT(*) AS decisions, SUM(d.decision = 'wake') AS wake," \
  " SUM(d.decision = 'wake' AND d.outcome = 'woke') AS woke," \
  " SUM(d.decision = 'wake' AND d.outcome = 'no_response') AS no_response," \
  " SUM(d.decision = 'wake' AND d.outcome = 'pending') AS pending," \
  " SUM(d.decision = 'let_go') AS let_go," \
  " ROUND(100 * SUM(d.decision = 'wake' AND d.outcome = 'woke')" \
  " / NULLIF(SUM(d.decision = 'wake'), 0)) AS woke_pct"

static NEOERR *results_part(const struct user *u, const struct wake_filter *f, const char *from,
                            const char *to, const char *group, HDF *hdf, const char *prefix,
                            int one)
{
  struct query q;
  DB_STMT *s;
  NEOERR *err;
  query_init(&q);
  query_add(&q, "SELECT %s%s" RESULT_COLS " FROM wake_decisions d", group ? group : "",
            group ? ", " : "");
  query_cond(&q, "d.decided_on BETWEEN ? AND ?");
  query_arg(&q, DB_STR(from));
  query_arg(&q, DB_STR(to));
  scope_where(&q, u, f, "d");
  if (group && !strcmp(group, "d.approach")) query_cond(&q, "d.decision = 'wake'");
  if (group) query_add(&q, " GROUP BY %s ORDER BY %s", group, group);
  if ((err = query_run(&q, &s))) return nerr_pass(err);
  err = one ? db_row_to_hdf(s, hdf, prefix, NULL) : db_rows_to_hdf(s, hdf, prefix, NULL);
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_wake_results(const struct user *u, const struct wake_filter *f, const char *from,
                        const char *to, HDF *hdf, const char *prefix)
{
  char name[64];
  NEOERR *err = in_scope(u, f);
  snprintf(name, sizeof name, "%s.States", prefix);
  if (!err) err = results_part(u, f, from, to, "d.sleep_state", hdf, name, 0);
  snprintf(name, sizeof name, "%s.Approaches", prefix);
  if (!err) err = results_part(u, f, from, to, "d.approach", hdf, name, 0);
  snprintf(name, sizeof name, "%s.Total", prefix);
  if (!err) err = results_part(u, f, from, to, NULL, hdf, name, 1);
  return nerr_pass(err);
}

/* The customer even before the batch has analysed it (not asleep then). */
static DB_STMT customer = DB_STMT_INIT(
    "SELECT c.id AS customer_id, c.code, c.name, COALESCE(ca.sleep_state, 0) AS sleep_state,"
    " ca.days_since, ca.interval_days,"
    " ROUND(100 * ca.days_since / NULLIF(ca.interval_days, 0)) AS ratio_pct,"
    " c.last_purchase_on, ca.revenue, ca.abc_class, c.owner_id, c.region_id"
    " FROM customers c LEFT JOIN customer_analysis ca ON ca.customer_id = c.id"
    " WHERE c.id = ? AND c.status = 'active' AND " CUSTOMER_SCOPE("c.region_id"));
static DB_STMT decisions = DB_STMT_INIT(
    "SELECT d.id, d.decision, d.approach, d.product_id, d.note, d.decided_on, d.sleep_state,"
    " d.outcome, d.outcome_on, d.version, db.display_name AS decided_by,"
    " ob.display_name AS outcome_by"
    " FROM wake_decisions d JOIN users db ON db.id = d.decided_by"
    " LEFT JOIN users ob ON ob.id = d.outcome_by"
    " WHERE d.customer_id = ? ORDER BY d.id DESC LIMIT 50");

NEOERR *db_wake_customer(const struct user *u, unsigned long long customer_id, HDF *hdf,
                         const char *prefix, int *found)
{
  char name[64];
  NEOERR *err = db_read_row(&customer, hdf, prefix, found, "iii", (long long)customer_id,
                            (long long)scope_limited(u), (long long)u->id);
  if (err || !*found) return nerr_pass(err);
  snprintf(name, sizeof name, "%s.Decisions", prefix);
  if (!(err = db_names_set(NAMES_USER, hdf_get_valuef(hdf, "%s.owner_id", prefix),
                           hdf_get_obj(hdf, prefix), "owner", NULL)) &&
      !(err = db_read_rows(&decisions, hdf, name, "i", (long long)customer_id)))
    err = row_names(hdf_get_obj(hdf, name));
  return nerr_pass(err);
}

static DB_STMT customer_lock = DB_STMT_INIT(
    "SELECT COALESCE(ca.sleep_state, 0), c.region_id, c.owner_id"
    " FROM customers c LEFT JOIN customer_analysis ca ON ca.customer_id = c.id"
    " WHERE c.id = ? AND c.status = 'active' AND " CUSTOMER_SCOPE("c.region_id")
    " FOR UPDATE");
static DB_STMT product_active = DB_STMT_INIT(
    "SELECT 1 FROM products WHERE id = ? AND active = 1");
static DB_STMT decide = DB_STMT_INIT(
    "INSERT INTO wake_decisions (customer_id, region_id, owner_id, sleep_state, decision,"
    " product_id, approach, note, decided_by, decided_on)"
    " VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, CURDATE())");

NEOERR *db_wake_decide(const struct user *u, const char *ip, const struct wake_decision *d,
                       unsigned long long *id, enum wake_outcome *outcome)
{
  int found;
  *outcome = WAKE_SAVED;
  NEOERR *err = db_begin_row(&customer_lock, &found, "iii", (long long)d->customer_id,
                             (long long)scope_limited(u), (long long)u->id);
  long long state = 0, region = 0;
  const char *owner = NULL;
  char owner_id[24] = "";
  if (!err && found) {
    state = db_int(&customer_lock, 0);
    region = db_int(&customer_lock, 1);
    if ((owner = db_str(&customer_lock, 2))) snprintf(owner_id, sizeof owner_id, "%s", owner);
  }
  db_done(&customer_lock);
  if (!err && !found) *outcome = WAKE_NOT_FOUND;
  else if (!err && (state < 2 || state > 4)) *outcome = WAKE_NOT_SLEEPING;
  if (!err && !*outcome && d->product_id) {
    if (!(err = db_exec(&product_active, "i", (long long)d->product_id)) &&
        !(err = db_next(&product_active, &found)) && !found)
      *outcome = WAKE_BAD_PRODUCT;
    db_done(&product_active);
  }
  if (!err && !*outcome &&
      !(err = db_exec(&decide, "iisisissi", (long long)d->customer_id, region,
                      owner ? owner_id : NULL, state, d->wake ? "wake" : "let_go",
                      (long long)d->product_id, d->approach, d->note, (long long)u->id))) {
    *id = db_insert_id(&decide);
    db_done(&decide);
    char detail[160];
    snprintf(detail, sizeof detail, "customer %llu state %lld %s product %llu approach %s",
             d->customer_id, state, d->wake ? "wake" : "let_go", d->product_id,
             d->approach ? d->approach : "-");
    err = db_audit(u, ip, "create", "wake_decision", *id, detail);
  }
  return nerr_pass(db_end(err, *outcome == WAKE_SAVED));
}

static DB_STMT decision_lock = DB_STMT_INIT(
    "SELECT d.decision, d.version, d.customer_id, d.outcome FROM wake_decisions d"
    " WHERE d.id = ? AND " CUSTOMER_SCOPE("d.region_id") " FOR UPDATE");
static DB_STMT set_outcome = DB_STMT_INIT(
    "UPDATE wake_decisions SET outcome = ?, outcome_on = CURDATE(), outcome_by = ?,"
    " version = version + 1 WHERE id = ?");

NEOERR *db_wake_outcome(const struct user *u, const char *ip, unsigned long long decision_id,
                        long long version, const char *outcome,
                        unsigned long long *customer_id, enum wake_outcome *result)
{
  int found;
  char was[16] = "";
  *result = WAKE_SAVED;
  *customer_id = 0;
  NEOERR *err = db_begin_row(&decision_lock, &found, "iii", (long long)decision_id,
                             (long long)scope_limited(u), (long long)u->id);
  if (!err && found) {
    *customer_id = (unsigned long long)db_int(&decision_lock, 2);
    snprintf(was, sizeof was, "%s", db_str(&decision_lock, 3));
    if (strcmp(db_str(&decision_lock, 0), "wake")) *result = WAKE_NOT_WAKE;
    else if (db_int(&decision_lock, 1) != version) *result = WAKE_STALE;
  }
  db_done(&decision_lock);
  if (!err && !found) *result = WAKE_NOT_FOUND;
  if (!err && !*result &&
      !(err = db_exec_done(&set_outcome, "sii", outcome, (long long)u->id,
                           (long long)decision_id))) {
    char detail[80];
    snprintf(detail, sizeof detail, "outcome %s -> %s", was, outcome);
    err = db_audit(u, ip, "outcome", "wake_decision", decision_id, detail);
  }
  return nerr_pass(db_end(err, *result == WAKE_SAVED));
}
