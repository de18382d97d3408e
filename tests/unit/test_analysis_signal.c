/* Unit tests for profitability, hidden-dissatisfaction reasons, churn and
 * lifetime value (cgi-bin/core/analysis_signal.c), on small hand-made
 * histories whose results are worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/analysis_signal.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

/* ---- profitability ---------------------------------------------------- */

static void test_profit(void **state)
{
  (void)state;
  const struct signal_period year = { 100, 465 };
  const struct signal_line lines[] = {
    { 120, 10, 15000, 900 },    /* revenue 15000, cost 10 × 900 */
    { 300, 4, 10000, 1600 },    /* revenue 10000, cost 4 × 1600 */
    { 99, 100, 150000, 900 },     /* before the period */
    { 465, 100, 150000, 900 },    /* the period's end is outside */
  };
  const struct signal_charge charges[] = {
    { 130, SIGNAL_REBATE, 1000 },
    { 200, SIGNAL_PROMOTION, 500 },
    { 210, SIGNAL_SUPPORT, 2000 },
    { 400, SIGNAL_COMPENSATION, 300 },
    { 50, SIGNAL_COMPENSATION, 99999 },   /* outside */
  };
  struct signal_profit p;
  assert_true(signal_profit(lines, N(lines), charges, N(charges), year, &p));
  assert_int_equal(p.revenue, 25000);
  assert_int_equal(p.cost_of_goods, 15400);
  assert_int_equal(p.rebates_promotions, 1500);
  assert_int_equal(p.support, 2000);
  assert_int_equal(p.compensation, 300);
  /* 25000 − 15400 − 1500 − 2000 − 300 */
  assert_int_equal(p.profit, 5800);

  /* a customer that costs more than it brings: 3000 − 3 × 800 − 1000 */
  const struct signal_line small[] = { { 150, 3, 3000, 800 } };
  const struct signal_charge support[] = { { 160, SIGNAL_SUPPORT, 1000 } };
  assert_true(signal_profit(small, 1, support, 1, year, &p));
  assert_int_equal(p.profit, -400);

  /* a return (negative quantity and amount) takes revenue and cost back;
   * a discounted line counts its amount: 5 at 1000 less 10 % = 4500 */
  const struct signal_line back[] = { { 150, 5, 4500, 600 }, { 155, -2, -1800, 600 } };
  assert_true(signal_profit(back, 2, NULL, 0, year, &p));
  assert_int_equal(p.revenue, 2700);
  assert_int_equal(p.cost_of_goods, 1800);
  assert_int_equal(p.profit, 900);

  /* nothing in the period */
  assert_true(signal_profit(NULL, 0, NULL, 0, year, &p));
  assert_int_equal(p.profit, 0);
}

static void test_profit_overflow(void **state)
{
  (void)state;
  const struct signal_period all = { INT32_MIN, INT32_MAX };
  struct signal_profit p = { .profit = 77 };
  const struct signal_line huge[] = { { 1, INT64_MAX / 2, 0, 3 } };   /* cost overflows */
  assert_false(signal_profit(huge, 1, NULL, 0, all, &p));
  const struct signal_line two[] = { { 1, 1, INT64_MAX, 0 }, { 2, 1, 1, 0 } };
  assert_false(signal_profit(two, 2, NULL, 0, all, &p));
  const struct signal_line neg[] = { { 1, 1, INT64_MIN + 1, 0 } };
  const struct signal_charge c[] = { { 1, SIGNAL_REBATE, 2 } };
  assert_false(signal_profit(neg, 1, c, 1, all, &p));
  const struct signal_charge bad[] = { { 1, (enum signal_charge_kind)9, 2 } };
  assert_false(signal_profit(NULL, 0, bad, 1, all, &p));
  assert_int_equal(p.profit, 77);                  /* untouched on failure */
}

static void test_rank(void **state)
{
  (void)state;
  struct signal_ranked r[] = { { 1, 5800 }, { 2, -1200 }, { 3, 12000 }, { 5, 300 }, { 4, 300 } };
  signal_rank(r, N(r));
  const int64_t order[] = { 3, 1, 4, 5, 2 };      /* equal 300s by id */
  for (size_t i = 0; i < N(r); i++) assert_int_equal(r[i].customer_id, order[i]);
  /* 20 % of 5 = 1: customer 2; 30 % of 5 = 1.5, rounded up: 5 and 2 */
  assert_int_equal(signal_worst_tail(5, 20), 1);
  assert_int_equal(signal_worst_tail(5, 30), 2);
  assert_int_equal(signal_worst_tail(5, 0), 0);
  assert_int_equal(signal_worst_tail(5, 150), 5);
  assert_int_equal(signal_worst_tail(0, 20), 0);
  assert_int_equal(signal_worst_tail(1, 1), 1);
  signal_rank(r, 0);
  signal_rank(NULL, 0);
}

/* ---- hidden dissatisfaction ---------------------------------------------
 * as_of = 200, window 90: earlier [20, 110), recent [110, 200). */
#define AS_OF 200

static struct signal_settings settings(void)
{
  struct signal_settings s;
  signal_settings_default(&s);
  return s;
}

/* a late payer getting later */
static const struct signal_payment later_payer[] = {
  { 30, 32 }, { 60, 63 }, { 90, 91 },        /* earlier: 2, 3, 1 → 2.0 days */
  { 120, 130 }, { 150, 162 },                /* recent: 10, 12 */
  { 180, SIGNAL_UNPAID },                    /* open: 200 − 180 = 20 → 14.0 days */
  { 10, 70 },                                /* due before both windows */
};
/* a steady one: pays a couple of days late, always */
static const struct signal_payment steady_payer[] = {
  { 30, 32 }, { 60, 63 }, { 90, 91 },        /* 2.0 */
  { 120, 122 }, { 150, 152 }, { 180, 180 },  /* 2, 2, 0 */
  { 195, SIGNAL_UNPAID },                    /* open 5 days: 9 / 4 → 2.25 */
};

static void test_late_rising(void **state)
{
  (void)state;
  struct signal_settings s = settings();
  struct signal_watch w = { 0 };
  assert_true(signal_late_rising(later_payer, N(later_payer), AS_OF, &s, &w));
  assert_int_equal(w.reasons, SIGNAL_LATE_RISING);
  assert_int_equal(w.payments_earlier, 3);
  assert_int_equal(w.payments_recent, 3);
  assert_int_equal(w.late_tenths_earlier, 20);
  assert_int_equal(w.late_tenths_recent, 140);   /* 42 / 3 */

  /* rise 12 days: a threshold of 12 still flags, 13 does not */
  s.late_rise_days = 12;
  assert_true(signal_late_rising(later_payer, N(later_payer), AS_OF, &s, &w));
  assert_int_equal(w.reasons, SIGNAL_LATE_RISING);
  s.late_rise_days = 13;
  assert_true(signal_late_rising(later_payer, N(later_payer), AS_OF, &s, &w));
  assert_int_equal(w.reasons, 0);

  s = settings();
  assert_true(signal_late_rising(steady_payer, N(steady_payer), AS_OF, &s, &w));
  assert_int_equal(w.reasons, 0);
  assert_int_equal(w.late_tenths_earlier, 20);
  assert_int_equal(w.late_tenths_recent, 22);    /* 2.25, truncated; rise 0.25 */

  /* early payment counts as 0 days late, not as negative */
  const struct signal_payment early[] = { { 30, 20 }, { 60, 50 }, { 120, 128 }, { 150, 156 } };
  assert_true(signal_late_rising(early, N(early), AS_OF, &s, &w));
  assert_int_equal(w.late_tenths_earlier, 0);
  assert_int_equal(w.late_tenths_recent, 70);
  assert_int_equal(w.reasons, SIGNAL_LATE_RISING);

  /* too few payments in a window to judge */
  const struct signal_payment few[] = { { 30, 30 }, { 120, 190 }, { 150, 190 } };
  assert_true(signal_late_rising(few, N(few), AS_OF, &s, &w));
  assert_int_equal(w.reasons, 0);
  s.min_payments = 1;
  assert_true(signal_late_rising(few, N(few), AS_OF, &s, &w));
  assert_int_equal(w.reasons, SIGNAL_LATE_RISING);

  s.window_days = 0;
  assert_false(signal_late_rising(few, N(few), AS_OF, &s, &w));
}

/* a slowing buyer: 3 × 500 yuan earlier, 300 + 200 recently */
static const struct signal_order slowing_buyer[] = {
  { 40, 50000 }, { 70, 50000 }, { 100, 50000 },   /* earlier 150000 */
  { 130, 30000 }, { 170, 20000 },                 /* recent 50000 */
};
/* a steady buyer: 150000 then 140000 */
static const struct signal_order steady_buyer[] = {
  { 40, 50000 }, { 70, 50000 }, { 100, 50000 },
  { 130, 70000 }, { 170, 70000 }, { 200, 99999 },  /* day 200 is after the window */
};

/* The orders reason alone, for the history o[0..n) */
static unsigned orders_reason(const struct signal_order *o, size_t n,
                              const struct signal_settings *s, struct signal_watch *w)
{
  assert_true(signal_orders_falling(o, n, AS_OF, s, w));
  return w->reasons;
}

static void test_orders_falling(void **state)
{
  (void)state;
  const struct signal_settings s = settings();
  struct signal_watch w = { 0 };
  /* 50000 <= 150000 × 70 % */
  assert_int_equal(orders_reason(slowing_buyer, N(slowing_buyer), &s, &w), SIGNAL_ORDERS_FALLING);
  assert_int_equal(w.orders_earlier, 150000);
  assert_int_equal(w.orders_recent, 50000);
  /* 140000 > 105000 */
  assert_int_equal(orders_reason(steady_buyer, N(steady_buyer), &s, &w), 0);
  assert_int_equal(w.orders_recent, 140000);

  /* exactly 30 % down flags; 29 % down does not */
  const struct signal_order edge[] = { { 50, 100000 }, { 150, 70000 } };
  const struct signal_order edge2[] = { { 50, 100000 }, { 150, 71000 } };
  assert_int_equal(orders_reason(edge, N(edge), &s, &w), SIGNAL_ORDERS_FALLING);
  assert_int_equal(orders_reason(edge2, N(edge2), &s, &w), 0);

  /* stopped buying: 0 recent is a fall; a new customer with nothing
   * earlier is not */
  const struct signal_order stopped[] = { { 50, 100000 } };
  const struct signal_order fresh[] = { { 150, 100000 } };
  assert_int_equal(orders_reason(stopped, N(stopped), &s, &w), SIGNAL_ORDERS_FALLING);
  assert_int_equal(orders_reason(fresh, N(fresh), &s, &w), 0);

  struct signal_settings bad = s;
  const struct signal_order huge[] = { { 50, INT64_MAX }, { 60, 1 } };
  assert_false(signal_orders_falling(huge, N(huge), AS_OF, &bad, &w));
  bad.order_drop_percent = 101;
  assert_false(signal_orders_falling(edge, N(edge), AS_OF, &bad, &w));
}

static const struct signal_contact unanswered_log[] = {
  { 150, 190, 0 },                 /* past due, not done: counts */
  { 160, 195, 1 },                 /* done */
  { 170, 205, 0 },                 /* not yet due */
  { 180, SIGNAL_NO_ACTION, 0 },    /* no next action set */
  { 185, 200, 0 },                 /* due today: not yet past */
};

/* The contacts reason on unanswered_log with the given grace and minimum */
static unsigned contacts_reason(int32_t grace, unsigned min, struct signal_watch *w)
{
  struct signal_settings s = settings();
  s.contact_grace_days = grace;
  s.min_unanswered = min;
  assert_true(signal_contacts_unanswered(unanswered_log, N(unanswered_log), AS_OF, &s, w));
  return w->reasons;
}

static void test_contacts_unanswered(void **state)
{
  (void)state;
  struct signal_watch w = { 0 };
  assert_int_equal(contacts_reason(0, 1, &w), SIGNAL_CONTACTS_UNANSWERED);
  assert_int_equal(w.unanswered, 1);
  /* 10 days of grace: 190 + 10 is not before 200; 9 days: 199 is */
  assert_int_equal(contacts_reason(10, 1, &w), 0);
  assert_int_equal(w.unanswered, 0);
  assert_int_equal(contacts_reason(9, 1, &w), SIGNAL_CONTACTS_UNANSWERED);
  /* one unanswered entry is below a minimum of two */
  assert_int_equal(contacts_reason(0, 2, &w), 0);
  assert_int_equal(w.unanswered, 1);

  struct signal_settings s = settings();
  assert_true(signal_contacts_unanswered(NULL, 0, AS_OF, &s, &w));
  assert_int_equal(w.unanswered, 0);
  s.contact_grace_days = -1;
  assert_false(signal_contacts_unanswered(NULL, 0, AS_OF, &s, &w));
}

static void test_complaints_recurring(void **state)
{
  (void)state;
  struct signal_settings s = settings();
  struct signal_watch w = { 0 };
  const int32_t twice[] = { 120, 185 };
  const int32_t spread[] = { 50, 150, 200 };    /* one earlier, one recent, one after */
  assert_true(signal_complaints_recurring(twice, N(twice), AS_OF, &s, &w));
  assert_int_equal(w.complaints, 2);
  assert_int_equal(w.reasons, SIGNAL_COMPLAINTS_RECURRING);
  assert_true(signal_complaints_recurring(spread, N(spread), AS_OF, &s, &w));
  assert_int_equal(w.complaints, 1);
  assert_int_equal(w.reasons, 0);
  s.min_complaints = 3;
  assert_true(signal_complaints_recurring(twice, N(twice), AS_OF, &s, &w));
  assert_int_equal(w.reasons, 0);
}

static void test_watch(void **state)
{
  (void)state;
  struct signal_settings s = settings();
  struct signal_watch w;
  const int32_t twice[] = { 120, 185 };

  /* everything at once: 3 + 3 + 2 + 2 */
  struct signal_history all = {
    later_payer, N(later_payer), slowing_buyer, N(slowing_buyer),
    unanswered_log, N(unanswered_log), twice, N(twice),
  };
  assert_true(signal_watch(&all, AS_OF, &s, &w));
  assert_int_equal(w.reasons, SIGNAL_LATE_RISING | SIGNAL_ORDERS_FALLING |
                              SIGNAL_CONTACTS_UNANSWERED | SIGNAL_COMPLAINTS_RECURRING);
  assert_int_equal(w.score, 10);

  /* only paying later: the silent 90 % of source 003 */
  struct signal_history late = { .payments = later_payer, .n_payments = N(later_payer),
                                 .orders = steady_buyer, .n_orders = N(steady_buyer) };
  assert_true(signal_watch(&late, AS_OF, &s, &w));
  assert_int_equal(w.reasons, SIGNAL_LATE_RISING);
  assert_int_equal(w.score, 3);

  /* the steady customer is not on the list */
  struct signal_history steady = { .payments = steady_payer, .n_payments = N(steady_payer),
                                   .orders = steady_buyer, .n_orders = N(steady_buyer) };
  assert_true(signal_watch(&steady, AS_OF, &s, &w));
  assert_int_equal(w.reasons, 0);
  assert_int_equal(w.score, 0);

  /* weights are settings */
  s.weight_orders = 5;
  struct signal_history slow = { .payments = steady_payer, .n_payments = N(steady_payer),
                                 .orders = slowing_buyer, .n_orders = N(slowing_buyer),
                                 .contacts = unanswered_log, .n_contacts = N(unanswered_log) };
  assert_true(signal_watch(&slow, AS_OF, &s, &w));
  assert_int_equal(w.reasons, SIGNAL_ORDERS_FALLING | SIGNAL_CONTACTS_UNANSWERED);
  assert_int_equal(w.score, 7);

  /* ranked by score, highest first: 10, 7, 3, 0 */
  struct signal_ranked r[] = { { 4, 0 }, { 2, 7 }, { 3, 3 }, { 1, 10 } };
  signal_rank(r, N(r));
  for (size_t i = 0; i < N(r); i++) assert_int_equal(r[i].customer_id, (int64_t)i + 1);

  s.window_days = -5;
  w.score = 42;
  assert_false(signal_watch(&slow, AS_OF, &s, &w));
  assert_int_equal(w.score, 42);
}

/* ---- churn and value ---------------------------------------------------- */

static void test_churn(void **state)
{
  (void)state;
  struct signal_churn c;
  const int64_t before[] = { 1, 2, 3, 5, 8 };
  const int64_t now[] = { 2, 3, 4, 8, 9 };       /* 1 and 5 left; 4 and 9 are new */
  assert_true(signal_churn(before, N(before), now, N(now), &c));
  assert_int_equal(c.active_before, 5);
  assert_int_equal(c.lost, 2);
  assert_int_equal(c.rate_bp, 4000);             /* 2 / 5 */

  const int64_t three[] = { 10, 20, 30 };
  const int64_t one[] = { 20 };
  assert_true(signal_churn(three, N(three), one, N(one), &c));
  assert_int_equal(c.lost, 2);
  assert_int_equal(c.rate_bp, 6667);             /* 2 / 3 = 0.66667, half up */
  assert_true(signal_churn(three, N(three), NULL, 0, &c));
  assert_int_equal(c.rate_bp, 10000);
  assert_true(signal_churn(NULL, 0, one, N(one), &c));
  assert_int_equal(c.active_before, 0);
  assert_int_equal(c.rate_bp, 0);

  const int64_t unsorted[] = { 3, 1 };
  const int64_t repeated[] = { 1, 1 };
  assert_false(signal_churn(unsorted, N(unsorted), now, N(now), &c));
  assert_false(signal_churn(before, N(before), repeated, N(repeated), &c));
}

static void test_lifetime_value(void **state)
{
  (void)state;
  int64_t m = 0, v = 0;
  const int64_t margins[] = { 120000, 80000, 100000 };
  assert_true(signal_average_margin(margins, N(margins), &m));
  assert_int_equal(m, 100000);
  assert_false(signal_average_margin(margins, 0, &m));
  const int64_t huge[] = { INT64_MAX, 1 };
  assert_false(signal_average_margin(huge, N(huge), &m));

  /* churn 40 % from test_churn: r = 0.6, d = 0.1:
   * 100000 × 0.6 / (1 + 0.1 − 0.6) = 60000 / 0.5 = 120000 */
  assert_true(signal_lifetime_value(100000, 6000, 1000, &v));
  assert_int_equal(v, 120000);
  /* r = 0.8, d = 0.12: 80000 / 0.32 = 250000 */
  assert_true(signal_lifetime_value(100000, 8000, 1200, &v));
  assert_int_equal(v, 250000);
  /* 1000 × 0.5 / 0.6 = 833.33 → 833; 1000 × 0.5 / 0.8 = 625 */
  assert_true(signal_lifetime_value(1000, 5000, 1000, &v));
  assert_int_equal(v, 833);
  assert_true(signal_lifetime_value(1000, 5000, 3000, &v));
  assert_int_equal(v, 625);
  /* rounding to the cent, halves away from zero */
  assert_true(signal_lifetime_value(1, 5000, 0, &v));    /* 0.5 / 0.5 = 1 */
  assert_int_equal(v, 1);
  assert_true(signal_lifetime_value(3, 7500, 0, &v));    /* 3 × 0.75 / 0.25 = 9 */
  assert_int_equal(v, 9);
  assert_true(signal_lifetime_value(1, 5000, 1000, &v)); /* 0.5 / 0.6 = 0.83 → 1 */
  assert_int_equal(v, 1);
  assert_true(signal_lifetime_value(1, 2000, 0, &v));    /* 0.2 / 0.8 = 0.25 → 0 */
  assert_int_equal(v, 0);
  assert_true(signal_lifetime_value(-1000, 5000, 1000, &v)); /* a loss: −833.33 → −833 */
  assert_int_equal(v, -833);
  assert_true(signal_lifetime_value(-1, 6000, 0, &v));   /* −0.6 / 0.4 = −1.5 → −2 */
  assert_int_equal(v, -2);
  assert_true(signal_lifetime_value(1, 6000, 0, &v));    /* 1.5 → 2 */
  assert_int_equal(v, 2);
  /* nobody stays: worth nothing beyond this period */
  assert_true(signal_lifetime_value(100000, 0, 1000, &v));
  assert_int_equal(v, 0);

  v = 7;
  assert_false(signal_lifetime_value(100000, 10000, 0, &v));   /* infinite */
  assert_false(signal_lifetime_value(100000, 10001, 1000, &v));
  assert_false(signal_lifetime_value(100000, -1, 1000, &v));
  assert_false(signal_lifetime_value(100000, 5000, -1, &v));
  assert_false(signal_lifetime_value(INT64_MAX / 2, 5000, 1000, &v));
  assert_int_equal(v, 7);
  /* full retention with a discount rate is finite: 1000 × 1 / 0.1 */
  assert_true(signal_lifetime_value(1000, 10000, 1000, &v));
  assert_int_equal(v, 10000);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_profit),
    cmocka_unit_test(test_profit_overflow),
    cmocka_unit_test(test_rank),
    cmocka_unit_test(test_late_rising),
    cmocka_unit_test(test_orders_falling),
    cmocka_unit_test(test_contacts_unanswered),
    cmocka_unit_test(test_complaints_recurring),
    cmocka_unit_test(test_watch),
    cmocka_unit_test(test_churn),
    cmocka_unit_test(test_lifetime_value),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
