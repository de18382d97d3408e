#ifndef KEHU_SUPPORT_RETURN_H
#define KEHU_SUPPORT_RETURN_H
/* Support-plan return (支援效果): does a kind of support pay? For one dealer
 * and one support category of a plan, the dealer's sales and margin in the
 * whole months after the support against the whole months before it, and
 * the same change of comparable dealers without that support (the peers:
 * same region and ABC class), so the uplift is what the dealer gained
 * beyond the trend every dealer of its kind saw. Pure: money in cents,
 * months as month numbers (year × 12 + month − 1). Unit-tested in
 * tests/unit/test_support_return.c; docs/analysis.md "Support-plan return".
 *
 * Functions returning int give 1 on success and 0 on overflow or a bad
 * argument. */
#include <stdint.h>

/* Whole months on each side of the support month (the month of the
 * category's first execution in the plan). The support month itself is in
 * neither window: it is part before and part after. */
#define SR_MONTHS 3

/* Half-open ranges of month numbers [from, to). */
struct sr_window {
  int before_from, before_to;   /* support − SR_MONTHS .. support */
  int after_from, after_to;     /* support + 1 .. support + 1 + SR_MONTHS */
};

/* The windows around the support month; after_to is the first month that
 * must have begun for the result to be complete. */
struct sr_window sr_window_of(int support_month);

/* 1 when every month of the after window is over on a day of as_of_month
 * (the month of as_of is never whole yet), else 0: "too early". */
int sr_complete(const struct sr_window *w, int as_of_month);

/* Month number of a year and month (1-12). */
static inline int sr_month(int year, int month) { return year * 12 + month - 1; }

enum sr_status {
  SR_DONE = 0,        /* before, after and peers: an uplift */
  SR_TOO_EARLY = 1,   /* the after window has not ended */
  SR_NO_BASE = 2,     /* no sales before: no change to compare */
  SR_NO_PEERS = 3     /* no comparable dealer, or they sold nothing before */
};

struct sr_pair {
  int64_t before, after;
};

struct sr_input {
  struct sr_pair sales, margin;           /* the dealer's, margin = sales − cost of goods */
  struct sr_pair peer_sales, peer_margin; /* summed over the peers */
  int64_t peers;                          /* how many peers */
  int64_t cost;                           /* the support's actual cost */
  int complete;                           /* sr_complete */
};

/* Changes are in basis points of the before figure (1234 = +12.34 %),
 * rounded half away from zero; a has_ flag says whether the figure exists. */
struct sr_result {
  enum sr_status status;
  int has_change, has_peer_change, has_uplift;
  int64_t change_bp;        /* the dealer's sales */
  int64_t peer_change_bp;   /* the peers' sales, pooled: Σ after / Σ before */
  int64_t uplift_bp;        /* change_bp − peer_change_bp */
  int has_margin_change, has_extra;
  int64_t margin_change_bp; /* the dealer's margin (before margin > 0) */
  /* The margin the support brought beyond the peers' trend:
   * after margin − before margin × peer after margin / peer before margin
   * (cents, rounded; needs peer before margin > 0). */
  int64_t extra_margin;
  int pays;                 /* SR_DONE and extra_margin > cost */
};

/* The rules, in this order: not complete → SR_TOO_EARLY (nothing else is
 * computed); sales before ≤ 0 → SR_NO_BASE; no peers or peer sales before
 * ≤ 0 → SR_NO_PEERS (the dealer's own change is still given); else SR_DONE
 * with the uplift, and pays when the extra margin exceeds the cost. */
int sr_evaluate(const struct sr_input *in, struct sr_result *out);

/* (after − before) × 10000 / before, rounded half away from zero; 0 when
 * before ≤ 0 or on overflow. */
int sr_change_bp(struct sr_pair p, int64_t *bp);
#endif
