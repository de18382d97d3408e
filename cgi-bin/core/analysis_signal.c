#include "core/analysis_signal.h"
#include <stdlib.h>
#include <string.h>

/* Overflow is an error the caller sees, never a wrapped figure on a page. */
#define ADD(a, b, r) (!__builtin_add_overflow((a), (b), (r)))
#define SUB(a, b, r) (!__builtin_sub_overflow((a), (b), (r)))
#define MUL(a, b, r) (!__builtin_mul_overflow((a), (b), (r)))

static int in(struct signal_period p, int32_t day)
{
  return day >= p.from && day < p.to;
}

int signal_profit(const struct signal_line *lines, size_t n_lines,
                  const struct signal_charge *charges, size_t n_charges,
                  struct signal_period period, struct signal_profit *out)
{
  struct signal_profit r = { 0 };
  for (size_t i = 0; i < n_lines; i++) {
    const struct signal_line *l = &lines[i];
    int64_t cost;
    if (!in(period, l->day)) continue;
    if (!ADD(r.revenue, l->amount, &r.revenue) ||
        !MUL(l->quantity, l->unit_cost, &cost) || !ADD(r.cost_of_goods, cost, &r.cost_of_goods))
      return 0;
  }
  for (size_t i = 0; i < n_charges; i++) {
    const struct signal_charge *c = &charges[i];
    int64_t *sum;
    if (!in(period, c->day)) continue;
    switch (c->kind) {
    case SIGNAL_REBATE:
    case SIGNAL_PROMOTION: sum = &r.rebates_promotions; break;
    case SIGNAL_SUPPORT: sum = &r.support; break;
    case SIGNAL_COMPENSATION: sum = &r.compensation; break;
    default: return 0;
    }
    if (!ADD(*sum, c->cents, sum)) return 0;
  }
  if (!SUB(r.revenue, r.cost_of_goods, &r.profit) ||
      !SUB(r.profit, r.rebates_promotions, &r.profit) ||
      !SUB(r.profit, r.support, &r.profit) ||
      !SUB(r.profit, r.compensation, &r.profit))
    return 0;
  *out = r;
  return 1;
}

static int best_first(const void *pa, const void *pb)
{
  const struct signal_ranked *a = pa, *b = pb;
  if (a->value != b->value) return a->value > b->value ? -1 : 1;
  return (a->customer_id > b->customer_id) - (a->customer_id < b->customer_id);
}

void signal_rank(struct signal_ranked *rows, size_t n)
{
  if (n > 1) qsort(rows, n, sizeof *rows, best_first);
}

size_t signal_worst_tail(size_t n, unsigned percent)
{
  if (percent >= 100) return n;
  /* n × percent fits: a ranking is far below SIZE_MAX / 100 rows */
  return (n * percent + 99) / 100;
}

void signal_settings_default(struct signal_settings *s)
{
  *s = (struct signal_settings){
    .window_days = 90,
    .late_rise_days = 7, .min_payments = 2,
    .order_drop_percent = 30,
    .contact_grace_days = 0, .min_unanswered = 1,
    .min_complaints = 2,
    .weight_late = 3, .weight_orders = 3, .weight_contacts = 2, .weight_complaints = 2,
    .worst_tail_percent = 20,
  };
}

/* The two windows ending at as_of; 0 when they reach outside int32 days. */
static int windows(int32_t as_of, const struct signal_settings *s,
                   struct signal_period *earlier, struct signal_period *recent)
{
  int32_t mid, start;
  if (s->window_days <= 0 || !SUB(as_of, s->window_days, &mid) ||
      !SUB(mid, s->window_days, &start))
    return 0;
  *earlier = (struct signal_period){ start, mid };
  *recent = (struct signal_period){ mid, as_of };
  return 1;
}

int signal_late_rising(const struct signal_payment *p, size_t n, int32_t as_of,
                       const struct signal_settings *s, struct signal_watch *w)
{
  struct signal_period earlier, recent;
  int64_t sum_e = 0, sum_r = 0;
  unsigned n_e = 0, n_r = 0;
  if (!windows(as_of, s, &earlier, &recent)) return 0;
  for (size_t i = 0; i < n; i++) {
    int64_t end = p[i].paid_day == SIGNAL_UNPAID ? as_of : p[i].paid_day;
    int64_t late = end - p[i].due_day;       /* int32 − int32 fits int64 */
    if (late < 0) late = 0;
    if (in(earlier, p[i].due_day)) {
      if (!ADD(sum_e, late, &sum_e)) return 0;
      n_e++;
    } else if (in(recent, p[i].due_day)) {
      if (!ADD(sum_r, late, &sum_r)) return 0;
      n_r++;
    }
  }
  w->payments_earlier = n_e;
  w->payments_recent = n_r;
  w->late_tenths_earlier = n_e ? sum_e * 10 / n_e : 0;
  w->late_tenths_recent = n_r ? sum_r * 10 / n_r : 0;
  w->reasons &= ~(unsigned)SIGNAL_LATE_RISING;
  if (n_e < s->min_payments || n_r < s->min_payments || !n_e || !n_r) return 1;
  /* avg_r − avg_e >= rise, without division: sum_r·n_e − sum_e·n_r >= rise·n_r·n_e */
  int64_t lhs_a, lhs_b, lhs, rhs;
  if (!MUL(sum_r, (int64_t)n_e, &lhs_a) || !MUL(sum_e, (int64_t)n_r, &lhs_b) ||
      !SUB(lhs_a, lhs_b, &lhs) || !MUL((int64_t)s->late_rise_days, (int64_t)n_r, &rhs) ||
      !MUL(rhs, (int64_t)n_e, &rhs))
    return 0;
  if (lhs >= rhs) w->reasons |= SIGNAL_LATE_RISING;
  return 1;
}

int signal_orders_falling(const struct signal_order *o, size_t n, int32_t as_of,
                          const struct signal_settings *s, struct signal_watch *w)
{
  struct signal_period earlier, recent;
  int64_t sum_e = 0, sum_r = 0, lhs, rhs;
  if (!windows(as_of, s, &earlier, &recent) || s->order_drop_percent > 100) return 0;
  for (size_t i = 0; i < n; i++) {
    if (in(earlier, o[i].day) && !ADD(sum_e, o[i].cents, &sum_e)) return 0;
    if (in(recent, o[i].day) && !ADD(sum_r, o[i].cents, &sum_r)) return 0;
  }
  w->orders_earlier = sum_e;
  w->orders_recent = sum_r;
  w->reasons &= ~(unsigned)SIGNAL_ORDERS_FALLING;
  if (sum_e <= 0) return 1;          /* nothing earlier to fall from */
  /* recent <= earlier × (100 − drop) / 100, in integers */
  if (!MUL(sum_r, (int64_t)100, &lhs) ||
      !MUL(sum_e, (int64_t)(100 - s->order_drop_percent), &rhs))
    return 0;
  if (lhs <= rhs) w->reasons |= SIGNAL_ORDERS_FALLING;
  return 1;
}

int signal_contacts_unanswered(const struct signal_contact *c, size_t n, int32_t as_of,
                               const struct signal_settings *s, struct signal_watch *w)
{
  unsigned count = 0;
  if (s->contact_grace_days < 0) return 0;
  for (size_t i = 0; i < n; i++) {
    if (c[i].next_action_day == SIGNAL_NO_ACTION || c[i].done) continue;
    if ((int64_t)c[i].next_action_day + s->contact_grace_days < as_of) count++;
  }
  w->unanswered = count;
  w->reasons &= ~(unsigned)SIGNAL_CONTACTS_UNANSWERED;
  if (count && count >= s->min_unanswered) w->reasons |= SIGNAL_CONTACTS_UNANSWERED;
  return 1;
}

int signal_complaints_recurring(const int32_t *complaint_days, size_t n, int32_t as_of,
                                const struct signal_settings *s, struct signal_watch *w)
{
  struct signal_period earlier, recent;
  unsigned count = 0;
  if (!windows(as_of, s, &earlier, &recent)) return 0;
  for (size_t i = 0; i < n; i++)
    if (in(recent, complaint_days[i])) count++;
  w->complaints = count;
  w->reasons &= ~(unsigned)SIGNAL_COMPLAINTS_RECURRING;
  if (count && count >= s->min_complaints) w->reasons |= SIGNAL_COMPLAINTS_RECURRING;
  return 1;
}

int signal_watch(const struct signal_history *h, int32_t as_of,
                 const struct signal_settings *s, struct signal_watch *w)
{
  struct signal_watch r;
  memset(&r, 0, sizeof r);
  if (!signal_late_rising(h->payments, h->n_payments, as_of, s, &r) ||
      !signal_orders_falling(h->orders, h->n_orders, as_of, s, &r) ||
      !signal_contacts_unanswered(h->contacts, h->n_contacts, as_of, s, &r) ||
      !signal_complaints_recurring(h->complaint_days, h->n_complaints, as_of, s, &r))
    return 0;
  if (r.reasons & SIGNAL_LATE_RISING) r.score += s->weight_late;
  if (r.reasons & SIGNAL_ORDERS_FALLING) r.score += s->weight_orders;
  if (r.reasons & SIGNAL_CONTACTS_UNANSWERED) r.score += s->weight_contacts;
  if (r.reasons & SIGNAL_COMPLAINTS_RECURRING) r.score += s->weight_complaints;
  *w = r;
  return 1;
}

int signal_churn(const int64_t *before, size_t n_before,
                 const int64_t *now, size_t n_now, struct signal_churn *out)
{
  size_t lost = 0, j = 0;
  for (size_t i = 1; i < n_before; i++) if (before[i - 1] >= before[i]) return 0;
  for (size_t i = 1; i < n_now; i++) if (now[i - 1] >= now[i]) return 0;
  for (size_t i = 0; i < n_before; i++) {       /* merge walk of two sorted lists */
    while (j < n_now && now[j] < before[i]) j++;
    if (j == n_now || now[j] != before[i]) lost++;
  }
  out->active_before = n_before;
  out->lost = lost;
  /* lost <= n_before, so lost × 10000 overflows only beyond 2^50 customers */
  out->rate_bp = n_before ? (int32_t)((lost * 10000 + n_before / 2) / n_before) : 0;
  return 1;
}

int signal_average_margin(const int64_t *margins, size_t n, int64_t *avg)
{
  int64_t sum = 0;
  if (!n) return 0;
  for (size_t i = 0; i < n; i++)
    if (!ADD(sum, margins[i], &sum)) return 0;
  *avg = sum / (int64_t)n;
  return 1;
}

int signal_lifetime_value(int64_t margin, int32_t retention_bp, int32_t discount_bp,
                          int64_t *clv)
{
  int64_t num, den, q, rem;
  if (retention_bp < 0 || retention_bp > 10000 || discount_bp < 0) return 0;
  /* m·(r/10⁴) / (1 + d/10⁴ − r/10⁴) = m·r / (10⁴ + d − r) */
  den = (int64_t)10000 + discount_bp - retention_bp;
  if (den <= 0 || !MUL(margin, (int64_t)retention_bp, &num)) return 0;
  q = num / den;
  rem = num % den;
  /* halves away from zero: |rem| >= den − |rem| */
  if (rem < 0 ? -rem >= den + rem : rem >= den - rem) q += num < 0 ? -1 : 1;
  *clv = q;
  return 1;
}
