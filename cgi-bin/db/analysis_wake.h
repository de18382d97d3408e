#ifndef KEHU_DB_ANALYSIS_WAKE_H
#define KEHU_DB_ANALYSIS_WAKE_H
/* The wake-up list (唤醒名单) and its decisions (schema/047
 * customer_analysis, wake_decisions). Region scope is applied here: a
 * regional manager's list, decisions and counts stay within their regions,
 * and another region's customer or decision is not found. */
#include "core/export.h"
#include "core/req.h"

/* The latest decision's status, as the list filters it. */
enum wake_status {
  WAKE_ANY = 0,
  WAKE_NONE,            /* no decision yet */
  WAKE_PENDING,         /* 唤醒, no outcome yet */
  WAKE_WOKE,            /* 已唤醒 */
  WAKE_NO_RESPONSE,     /* 没有回应 */
  WAKE_LET_GO,          /* 放弃 */
};

struct wake_filter {
  unsigned owner_id;    /* 0: every salesperson in scope */
  unsigned region_id;   /* 0: every region in scope */
  int state;            /* 2 瞌睡, 3 半睡, 4 沉睡; 0: all three */
  enum wake_status status;
  int page, per;
};

/* The page's rows under prefix.N: customer_id, code, name, sleep_state,
 * days_since, interval_days, ratio_pct (days_since as % of the interval),
 * last_purchase_on, revenue, abc_class, owner_id, owner, region_zh/_en,
 * and the latest decision: decision_id, decision, approach, product,
 * outcome, decided_on. Sorted by state (瞌睡 first: nearest to waking),
 * then revenue, largest first. *total: the matching rows counted up to
 * WAKE_COUNT_CAP (*capped 1 when there are more); *more_rows: rows follow
 * this page. A region outside the user's scope is KERR_NOT_FOUND. */
#define WAKE_COUNT_CAP 1000
NEOERR *db_wake_list(const struct user *u, const struct wake_filter *f, HDF *hdf,
                     const char *prefix, long long *total, int *capped, int *more_rows);

/* Every matching row for an export, in the list's order, 1,000 at a time.
 * Columns: code, name, sleep_state, days_since, interval_days,
 * last_purchase_on, revenue (yuan), abc_class, owner, decision, approach,
 * product, outcome, decided_on. */
#define WAKE_EXPORT_COLS 14
NEOERR *db_wake_export(const struct user *u, const struct wake_filter *f, export_each_fn each,
                       void *each_ctx);

/* The results panel for decisions made from `from` to `to` (inclusive,
 * YYYY-MM-DD) within the filter's owner and region: prefix.States.N
 * {sleep_state, decisions, wake, woke, no_response, pending, let_go,
 * woke_pct} per state at the decision, prefix.Approaches.N {approach,
 * wake, woke, no_response, pending, woke_pct}, and prefix.Total the same
 * as a state row over all. woke_pct is of the wake decisions, empty when
 * there are none. */
NEOERR *db_wake_results(const struct user *u, const struct wake_filter *f, const char *from,
                        const char *to, HDF *hdf, const char *prefix);

/* One customer for the decision form under prefix: customer_id, code,
 * name, sleep_state, days_since, interval_days, last_purchase_on,
 * revenue, abc_class, owner; its decisions under prefix.Decisions.N
 * (newest first: id, decision, approach, product, note, decided_on,
 * decided_by, sleep_state, outcome, outcome_on, outcome_by, version).
 * *found 0 when the customer is not active or not in scope; a customer
 * the batch has not analysed yet has sleep_state 0. */
NEOERR *db_wake_customer(const struct user *u, unsigned long long customer_id, HDF *hdf,
                         const char *prefix, int *found);

struct wake_decision {
  unsigned long long customer_id;
  int wake;                  /* 1 唤醒, 0 放弃 */
  unsigned long long product_id;   /* 0: none (let go) */
  const char *approach;      /* an approach enum value, NULL when letting go */
  const char *note;
};

enum wake_outcome {
  WAKE_SAVED = 0,
  WAKE_NOT_FOUND,            /* no such customer or decision in scope */
  WAKE_NOT_SLEEPING,         /* the customer is not asleep (any more) */
  WAKE_BAD_PRODUCT,          /* the product is not an active one */
  WAKE_STALE,                /* the decision changed since it was read */
  WAKE_NOT_WAKE,             /* an outcome for a decision to let go */
};

/* Records a decision with the customer's sleep state now; audited.
 * *id is the new decision's id. */
NEOERR *db_wake_decide(const struct user *u, const char *ip, const struct wake_decision *d,
                       unsigned long long *id, enum wake_outcome *outcome);

/* Sets a wake decision's outcome by hand ("woke" or "no_response"; the
 * batch sets "woke" when the customer buys again) if its version is still
 * `version`; audited. *customer_id: the decision's customer. */
NEOERR *db_wake_outcome(const struct user *u, const char *ip, unsigned long long decision_id,
                        long long version, const char *outcome,
                        unsigned long long *customer_id, enum wake_outcome *result);
#endif
