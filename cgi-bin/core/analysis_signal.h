#ifndef KEHU_ANALYSIS_SIGNAL_H
#define KEHU_ANALYSIS_SIGNAL_H
/* Customer analysis (客户分析) from one customer's history: profitability
 * (客户盈利), the hidden-dissatisfaction watch list (隐性不满, 预警名单), churn
 * (客户流失率) and lifetime value (客户终身价值). Pure: inputs are plain arrays
 * the caller read, money in cents (fen), days as day numbers (days since
 * 1970-01-01, any fixed origin works). Unit-tested on hand-worked histories
 * in tests/unit/test_analysis_signal.c; docs/analysis.md "Signals and value".
 *
 * Functions returning int give 1 on success and 0 on arithmetic overflow or
 * an invalid argument; their outputs are then untouched or meaningless. */
#include <stddef.h>
#include <stdint.h>

/* A half-open range of days [from, to). */
struct signal_period {
  int32_t from, to;
};

/* ---- Profitability (客户盈利能力) ----------------------------------------
 * profit = revenue (the lines' amounts) − cost of goods (quantity × product unit cost)
 *          − rebates and promotions (返利, 促销) − support-plan spend (支援)
 *          − complaint compensation (投诉赔偿), each counted in the period. */
struct signal_line {            /* one order line (交易记录) */
  int32_t day;
  int64_t quantity;             /* negative for a return */
  int64_t amount;               /* cents: the line's revenue, after any discount */
  int64_t unit_cost;            /* cents: the product's unit cost */
};

enum signal_charge_kind {
  SIGNAL_REBATE,                /* 返利 */
  SIGNAL_PROMOTION,             /* 促销 */
  SIGNAL_SUPPORT,               /* 支援经销商: actual cost of a plan measure */
  SIGNAL_COMPENSATION           /* 投诉赔偿 */
};

struct signal_charge {
  int32_t day;
  enum signal_charge_kind kind;
  int64_t cents;
};

struct signal_profit {
  int64_t revenue, cost_of_goods, rebates_promotions, support, compensation;
  int64_t profit;
};

int signal_profit(const struct signal_line *lines, size_t n_lines,
                  const struct signal_charge *charges, size_t n_charges,
                  struct signal_period period, struct signal_profit *out);

/* One customer's figure for a ranking (profit, or a watch score). */
struct signal_ranked {
  int64_t customer_id;
  int64_t value;
};

/* Sorts best (highest value) to worst; equal values by customer id. */
void signal_rank(struct signal_ranked *rows, size_t n);
/* How many rows, counted from the end of a ranking of n, form the worst
 * tail of `percent` % (rounded up, so any share > 0 names at least one
 * customer when n > 0): the candidates to serve differently. */
size_t signal_worst_tail(size_t n, unsigned percent);

/* ---- Hidden dissatisfaction (隐性不满) --------------------------------------
 * Source 003: only about 10 % of unhappy customers say so; the other 90 %
 * show it in behaviour, such as paying late (拖欠应付账款). Each reason compares
 * the recent window [as_of − window, as_of) with the earlier one
 * [as_of − 2·window, as_of − window), or looks at the recent window alone. */
struct signal_payment {          /* an invoice: due date and payment date */
  int32_t due_day;
  int32_t paid_day;              /* SIGNAL_UNPAID while open */
};
#define SIGNAL_UNPAID INT32_MIN

struct signal_order {            /* an order's total value */
  int32_t day;
  int64_t cents;
};

struct signal_contact {          /* a contact-log entry (巡视管理) */
  int32_t day;
  int32_t next_action_day;       /* SIGNAL_NO_ACTION when none was set */
  int done;                      /* the next action was carried out */
};
#define SIGNAL_NO_ACTION INT32_MIN

struct signal_settings {
  int32_t window_days;           /* length of each window (90) */
  /* payment delays rising: recent average days late minus the earlier
   * one at least this (7), with at least min_payments in each window (2) */
  int32_t late_rise_days;
  unsigned min_payments;
  /* order values falling: the recent window's total order value at least
   * this many percent below the earlier window's (30) */
  unsigned order_drop_percent;
  /* contacts unanswered: entries whose next action is more than grace
   * days past due and not done (0), at least this many (1) */
  int32_t contact_grace_days;
  unsigned min_unanswered;
  /* complaints recurring: at least this many in the recent window (2) */
  unsigned min_complaints;
  /* weights of the reasons in the score (3, 3, 2, 2) */
  int weight_late, weight_orders, weight_contacts, weight_complaints;
  /* the worst tail of the profitability ranking, in percent (20) */
  unsigned worst_tail_percent;
};

void signal_settings_default(struct signal_settings *s);

enum {
  SIGNAL_LATE_RISING = 1 << 0,        /* 拖欠加剧 */
  SIGNAL_ORDERS_FALLING = 1 << 1,     /* 订货减少 */
  SIGNAL_CONTACTS_UNANSWERED = 1 << 2,/* 联系未回应 */
  SIGNAL_COMPLAINTS_RECURRING = 1 << 3/* 投诉反复 */
};

struct signal_watch {
  unsigned reasons;                 /* SIGNAL_* flags */
  int score;                        /* sum of the flagged reasons' weights */
  /* the figures behind the reasons, for the page to show */
  unsigned payments_earlier, payments_recent;
  int64_t late_tenths_earlier, late_tenths_recent;  /* average days late × 10 */
  int64_t orders_earlier, orders_recent;            /* total cents */
  unsigned unanswered, complaints;
};

/* Each reason on its own (the watch list combines them). Lateness of a
 * payment is max(0, paid − due), or as_of − due for one still open; it
 * belongs to the window of its due day. */
int signal_late_rising(const struct signal_payment *p, size_t n, int32_t as_of,
                       const struct signal_settings *s, struct signal_watch *w);
int signal_orders_falling(const struct signal_order *o, size_t n, int32_t as_of,
                          const struct signal_settings *s, struct signal_watch *w);
int signal_contacts_unanswered(const struct signal_contact *c, size_t n, int32_t as_of,
                               const struct signal_settings *s, struct signal_watch *w);
/* complaint_days: the days complaints were registered */
int signal_complaints_recurring(const int32_t *complaint_days, size_t n, int32_t as_of,
                                const struct signal_settings *s, struct signal_watch *w);

struct signal_history {
  const struct signal_payment *payments; size_t n_payments;
  const struct signal_order *orders; size_t n_orders;
  const struct signal_contact *contacts; size_t n_contacts;
  const int32_t *complaint_days; size_t n_complaints;
};

/* All four reasons and the score into *w (cleared first). */
int signal_watch(const struct signal_history *h, int32_t as_of,
                 const struct signal_settings *s, struct signal_watch *w);

/* ---- Churn and value (客户流失, 客户终身价值) ------------------------------ */
struct signal_churn {
  size_t active_before;   /* customers who bought in the previous period */
  size_t lost;            /* of those, customers who did not buy in this one */
  int32_t rate_bp;        /* lost / active_before in basis points (1/10000),
                           * rounded half up; 0 when nobody was active */
};

/* before, now: ids of the customers who bought in the previous period and
 * in this one, each sorted ascending without repeats (0 when not). One
 * segment's churn is the same call on that segment's ids. */
int signal_churn(const int64_t *before, size_t n_before,
                 const int64_t *now, size_t n_now, struct signal_churn *out);

/* The average of a customer's margin per period (cents; rounded toward
 * zero). n = 0 is an error. */
int signal_average_margin(const int64_t *margins, size_t n, int64_t *avg);

/* Customer lifetime value (客户终身价值) from a constant margin m per period
 * (cents), retention r and discount rate d per period (both in basis
 * points, r = 10000 − churn):
 *
 *     CLV = m × r / (1 + d − r)
 *
 * the infinite-horizon sum of m·r^t / (1 + d)^t for t = 1, 2, ..., margins
 * counted at the end of each period (S. Gupta and D. R. Lehmann, "Customers
 * as assets", Journal of Interactive Marketing 17(1), 2003; also Gupta,
 * Lehmann and Stuart, "Valuing customers", Journal of Marketing Research
 * 41(1), 2004). Rounded to the nearest cent, halves away from zero.
 * 0 <= r <= 10000, d >= 0, and not r = 10000 with d = 0 (no finite value). */
int signal_lifetime_value(int64_t margin, int32_t retention_bp, int32_t discount_bp,
                          int64_t *clv);
#endif
