/* Unit tests for the report cells (cgi-bin/core/analysis_cells.c) and the
 * batch's computation on a small hand-made history
 * (cgi-bin/core/analysis_run.c). Expected values are worked out by hand in
 * the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/analysis_cells.h"
#include "core/analysis_run.h"

static void test_calendar(void **state)
{
  (void)state;
  assert_int_equal(cell_day(1970, 1, 1), 0);
  assert_int_equal(cell_day(2000, 1, 1), 10957);     /* 30 years, 7 leap days */
  int y, m, d;
  cell_ymd(cell_day(2024, 2, 29), &y, &m, &d);
  assert_int_equal(y, 2024); assert_int_equal(m, 2); assert_int_equal(d, 29);
  cell_ymd(-1, &y, &m, &d);
  assert_int_equal(y, 1969); assert_int_equal(m, 12); assert_int_equal(d, 31);

  /* 2026-12-07: month (2026 − 1970) × 12 + 11 = 683, quarter 683 / 3 =
   * 227 (Oct-Dec), year 56. */
  int32_t day = cell_day(2026, 12, 7);
  assert_int_equal(cell_period_of(CELL_MONTH, day), 683);
  assert_int_equal(cell_period_of(CELL_QUARTER, day), 227);
  assert_int_equal(cell_period_of(CELL_YEAR, day), 56);
  assert_int_equal(cell_period_start(CELL_MONTH, 683), cell_day(2026, 12, 1));
  assert_int_equal(cell_period_start(CELL_QUARTER, 227), cell_day(2026, 10, 1));
  assert_int_equal(cell_period_start(CELL_YEAR, 56), cell_day(2026, 1, 1));
  /* before 1970: month −1 is 1969-12, its quarter −1 starts 1969-10-01 */
  assert_int_equal(cell_period_of(CELL_MONTH, -1), -1);
  assert_int_equal(cell_period_of(CELL_QUARTER, -1), -1);
  assert_int_equal(cell_period_start(CELL_QUARTER, -1), cell_day(1969, 10, 1));

  /* months back keep the day, clamped to the month's length */
  assert_int_equal(cell_months_back(cell_day(2026, 12, 8), 12), cell_day(2025, 12, 8));
  assert_int_equal(cell_months_back(cell_day(2026, 3, 31), 1), cell_day(2026, 2, 28));
  assert_int_equal(cell_months_back(cell_day(2024, 2, 29), 12), cell_day(2023, 2, 28));
  assert_int_equal(cell_months_back(cell_day(2026, 1, 31), -1), cell_day(2026, 2, 28));
  assert_int_equal(cell_months_back(cell_day(2026, 1, 15), 24), cell_day(2024, 1, 15));
}

static void test_histogram(void **state)
{
  (void)state;
  assert_int_equal(cell_histogram_bucket(0), 0);
  assert_int_equal(cell_histogram_bucket(-500), 0);
  assert_int_equal(cell_histogram_bucket(50), 1);       /* 0.5 yuan: −3.0 → at least 1 */
  assert_int_equal(cell_histogram_bucket(100), 1);      /* 1 yuan: 1 + 0 */
  assert_int_equal(cell_histogram_bucket(1000), 11);    /* 10 yuan: 1 + 10 */
  assert_int_equal(cell_histogram_bucket(10000), 21);   /* 100 yuan */
  assert_int_equal(cell_histogram_bucket(12500), 21);   /* 10·log10(125) = 20.97 */
  assert_int_equal(cell_histogram_bucket(12600), 22);   /* 10·log10(126) = 21.004 */
  assert_int_equal(cell_histogram_bucket(999999), 40);  /* 9999.99 yuan: 39.99999 */
  assert_int_equal(cell_histogram_bucket(1000000), 41); /* 10000 yuan: exactly 40 */
}

struct calls { int n, period[16], bought[16], before[16]; };

static void record(void *ctx, int period, int bought, int before)
{
  struct calls *c = ctx;
  c->period[c->n] = period;
  c->bought[c->n] = bought;
  c->before[c->n] = before;
  c->n++;
}

static void test_presence(void **state)
{
  (void)state;
  /* Bought in 3, 4 and 6, reported up to 8: 3 new, 4 kept (active
   * before), 5 lost, 6 back (not active before), 7 lost, 8 nothing. */
  const int idx[] = { 3, 4, 6 };
  struct calls c = { 0 };
  cell_presence(idx, 3, 8, record, &c);
  assert_int_equal(c.n, 5);
  const int period[] = { 3, 4, 5, 6, 7 }, bought[] = { 1, 1, 0, 1, 0 }, before[] = { 0, 1, 1, 0, 1 };
  assert_memory_equal(c.period, period, sizeof period);
  assert_memory_equal(c.bought, bought, sizeof bought);
  assert_memory_equal(c.before, before, sizeof before);

  /* Up to 6: the loss in 7 is not reported yet; a period after `last` is
   * ignored (a purchase after as_of). */
  const int late[] = { 3, 4, 6, 9 };
  memset(&c, 0, sizeof c);
  cell_presence(late, 4, 6, record, &c);
  assert_int_equal(c.n, 4);
  assert_int_equal(c.period[3], 6);

  /* Churn per cell from two customers: A bought in 1 and 2, B in 1 only.
   * Period 2: customers 1 (A), active before 2, lost 1 (B): 50 %. */
  int customers[4] = { 0 }, active[4] = { 0 }, lost[4] = { 0 };
  const int a[] = { 1, 2 }, b[] = { 1 };
  struct calls ca = { 0 }, cb = { 0 };
  cell_presence(a, 2, 3, record, &ca);
  cell_presence(b, 1, 3, record, &cb);
  struct calls *all[] = { &ca, &cb };
  for (int k = 0; k < 2; k++)
    for (int i = 0; i < all[k]->n; i++) {
      customers[all[k]->period[i]] += all[k]->bought[i];
      active[all[k]->period[i]] += all[k]->before[i];
      lost[all[k]->period[i]] += all[k]->before[i] && !all[k]->bought[i];
    }
  assert_int_equal(customers[1], 2);
  assert_int_equal(customers[2], 1);
  assert_int_equal(active[2], 2);
  assert_int_equal(lost[2], 1);
  assert_int_equal(active[3], 1);    /* A, lost in 3 */
  assert_int_equal(lost[3], 1);
}

static void test_map(void **state)
{
  (void)state;
  struct cell_map m;
  cell_map_init(&m);
  /* 3000 cells force several growths; every one keeps its values. */
  for (int i = 0; i < 3000; i++) {
    struct cell_val *v = cell_at(&m, 1 + i % 3, cell_day(2020, 1, 1) + i, i % 15, (unsigned)(i % 7),
                                 i % 2 ? -1 : i);
    assert_non_null(v);
    v->sales += i;
  }
  assert_int_equal(m.n, 3000);
  struct cell_val *v = cell_at(&m, 1 + 7 % 3, cell_day(2020, 1, 1) + 7, 7, 0, -1);
  assert_int_equal(v->sales, 7);
  v = cell_at(&m, CELL_NOW, -400, DIM_POSTAL, 65535, -1);   /* before 1970, top region */
  v->customers = 3;
  assert_int_equal(m.n, 3001);
  size_t seen = 0;
  for (size_t i = 0; i < m.cap; i++) {
    if (!m.slot[i].at) continue;
    seen++;
    int kind, dim;
    int32_t start;
    unsigned region;
    cell_unpack(&m.slot[i], &kind, &start, &dim, &region);
    if (m.slot[i].v.customers == 3) {
      assert_int_equal(kind, CELL_NOW);
      assert_int_equal(start, -400);
      assert_int_equal(dim, DIM_POSTAL);
      assert_int_equal(region, 65535);
      assert_int_equal(m.slot[i].key, -1);
    }
  }
  assert_int_equal(seen, 3001);
  cell_map_free(&m);
}

/* ---- the computation on a small history ----
 * as_of 2026-06-30; the period is 2025-07-01 .. 2026-06-30.
 * Products: 10 (category 1, cost 100), 11 (category 1, cost 200).
 * Customer 1 (index 0): region 5, owner 7, postal 100, a quasi-non-customer
 *   orders 05-10 (10: 2 for 1000, 11: 1 for 500), 05-20 (10: 1 for 600),
 *   06-05 (11: 3 for 1500); a rebate of 200 on 06-10.
 * Customer 2 (index 1): region 5, no owner, no postal code; override
 *   loyal; order 04-15 (10: 1 for 700); a wake decision of 04-01. */
static void history(struct ar_history *h)
{
  ar_history_init(h);
  h->as_of = cell_day(2026, 6, 30);
  struct ar_product p[] = { { 10, 1, 100 }, { 11, 1, 200 } };
  for (int i = 0; i < 2; i++) *(struct ar_product *)ar_push(&h->products) = p[i];
  struct ar_customer c0 = { .id = 1, .owner_id = 7, .region_id = 5, .life = 0, .override_life = -1,
                            .noncust = 1, .postal3 = 100 };
  struct ar_customer c1 = { .id = 2, .region_id = 5, .override_life = LIFE_LOYAL, .postal3 = -1 };
  *(struct ar_customer *)ar_push(&h->customers) = c0;
  *(struct ar_customer *)ar_push(&h->customers) = c1;
  struct ar_order o[] = { { 0, cell_day(2026, 5, 10), 1500, 400 }, { 0, cell_day(2026, 5, 20), 600, 100 },
                          { 0, cell_day(2026, 6, 5), 1500, 600 }, { 1, cell_day(2026, 4, 15), 700, 100 } };
  for (int i = 0; i < 4; i++) *(struct ar_order *)ar_push(&h->orders) = o[i];
  struct ar_line l[] = { { 0, 0, 1000, 200 }, { 0, 1, 500, 200 }, { 1, 0, 600, 100 },
                         { 2, 1, 1500, 600 }, { 3, 0, 700, 100 } };
  for (int i = 0; i < 5; i++) *(struct ar_line *)ar_push(&h->lines) = l[i];
  *(struct ar_charge *)ar_push(&h->charges) =
      (struct ar_charge){ 0, cell_day(2026, 6, 10), SIGNAL_REBATE, 200 };
  *(struct ar_wake *)ar_push(&h->wakes) = (struct ar_wake){ 41, 1, cell_day(2026, 4, 1) };
  *(struct ar_wake *)ar_push(&h->wakes) = (struct ar_wake){ 42, 0, cell_day(2026, 6, 10) };
}

static const struct cell_val *cell(struct ar_output *o, int kind, int32_t start, int dim, int32_t key)
{
  return cell_at(&o->cells, kind, start, dim, 5, key);
}

static void test_compute(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  struct ar_output o;
  const char *why;
  assert_true(ar_compute(&h, &o, &why));

  /* Revenue 3600 and 700 of 4300: customer 1 is A (0 before it), customer
   * 2 B (3600 = 83.7 % before it, below 90). Profit of customer 1:
   * 3600 − (400 + 100 + 600) − 200 = 2300. */
  const struct ar_result *a = &o.rows[0], *b = &o.rows[1];
  assert_int_equal(a->abc, 'A');
  assert_int_equal(b->abc, 'B');
  assert_int_equal(a->revenue, 3600);
  assert_int_equal(a->revenue_rank, 1);
  assert_int_equal(b->revenue_rank, 2);
  assert_int_equal(a->profit.cost_of_goods, 1100);
  assert_int_equal(a->profit.rebates_promotions, 200);
  assert_int_equal(a->profit.profit, 2300);
  assert_int_equal(b->profit.profit, 600);
  assert_int_equal(a->profit_rank, 1);
  /* Gaps 10 and 16 days: interval 13; 25 days since 06-05 is 192 %:
   * 瞌睡. Customer 2: one purchase, interval 90, 76 days: awake. */
  assert_int_equal(a->interval_days, 13);
  assert_int_equal(a->days_since, 25);
  assert_int_equal(a->sleep_state, SLEEP_DROWSY);
  assert_int_equal(b->sleep_state, SLEEP_AWAKE);
  /* Both bought in one quarter only: one-time; customer 2's override. */
  assert_int_equal(a->life_proposed, LIFE_ONE_TIME);
  assert_int_equal(a->life, LIFE_ONE_TIME);
  assert_int_equal(b->life_proposed, LIFE_ONE_TIME);
  assert_int_equal(b->life, LIFE_LOYAL);
  assert_int_equal(a->first_day, cell_day(2026, 5, 10));
  /* Customer 2 woke on 04-15 (decided 04-01); customer 1 has not bought
   * since its decision of 06-10. */
  assert_int_equal(o.n_woke, 1);
  assert_int_equal(o.woke[0].id, 41);
  assert_int_equal(o.woke[0].day, cell_day(2026, 4, 15));

  /* May: customer 1's two orders, 2100 (cost 500); customer 2 bought in
   * April, not May: active before 1, lost 1; customer 1 is new and a
   * conversion (a quasi-non-customer). */
  const struct cell_val *v = cell(&o, CELL_MONTH, cell_day(2026, 5, 1), DIM_ALL, 0);
  assert_int_equal(v->sales, 2100);
  assert_int_equal(v->cost_of_goods, 500);
  assert_int_equal(v->customers, 1);
  assert_int_equal(v->active_before, 1);
  assert_int_equal(v->lost, 1);
  assert_int_equal(v->new_customers, 1);
  assert_int_equal(v->conversions, 1);
  /* June: 1500, the rebate 200; customer 1 kept from May. */
  v = cell(&o, CELL_MONTH, cell_day(2026, 6, 1), DIM_ALL, 0);
  assert_int_equal(v->sales, 1500);
  assert_int_equal(v->charges, 200);
  assert_int_equal(v->active_before, 1);
  assert_int_equal(v->lost, 0);
  /* The quarter: both customers, 4300, both new. */
  v = cell(&o, CELL_QUARTER, cell_day(2026, 4, 1), DIM_ALL, 0);
  assert_int_equal(v->sales, 4300);
  assert_int_equal(v->customers, 2);
  assert_int_equal(v->new_customers, 2);
  assert_int_equal(v->conversions, 1);
  /* Keys: customer 1 is owner 7, postal 100; customer 2 owner 0, postal −1. */
  assert_int_equal(cell(&o, CELL_MONTH, cell_day(2026, 5, 1), DIM_OWNER, 7)->sales, 2100);
  assert_int_equal(cell(&o, CELL_MONTH, cell_day(2026, 4, 1), DIM_POSTAL, -1)->sales, 700);
  /* Product 10 in May: 1000 + 600 from two orders of one customer. In the
   * quarter: + 700 from customer 2: two customers. */
  v = cell(&o, CELL_MONTH, cell_day(2026, 5, 1), DIM_PRODUCT, 10);
  assert_int_equal(v->sales, 1600);
  assert_int_equal(v->cost_of_goods, 300);
  assert_int_equal(v->customers, 1);
  v = cell(&o, CELL_QUARTER, cell_day(2026, 4, 1), DIM_PRODUCT, 10);
  assert_int_equal(v->sales, 2300);
  assert_int_equal(v->customers, 2);
  v = cell(&o, CELL_QUARTER, cell_day(2026, 4, 1), DIM_CATEGORY, 1);
  assert_int_equal(v->sales, 4300);
  assert_int_equal(v->customers, 2);
  assert_int_equal(v->charges, 0);
  /* Now (period_kind 0): class A holds customer 1, its margin the profit;
   * the histogram: 36 yuan → 1 + ⌊15.6⌋ = 16, 7 yuan → 1 + ⌊8.5⌋ = 9. */
  v = cell(&o, CELL_NOW, h.as_of, DIM_ABC, 1);
  assert_int_equal(v->customers, 1);
  assert_int_equal(v->sales - v->cost_of_goods - v->charges, 2300);
  assert_int_equal(cell(&o, CELL_NOW, h.as_of, DIM_HISTOGRAM, 16)->customers, 1);
  assert_int_equal(cell(&o, CELL_NOW, h.as_of, DIM_HISTOGRAM, 9)->customers, 1);
  assert_int_equal(cell(&o, CELL_NOW, h.as_of, DIM_STAGE, 4)->customers, 1);   /* loyal */
  assert_int_equal(cell(&o, CELL_NOW, h.as_of, DIM_SLEEP, SLEEP_DROWSY)->customers, 1);
  ar_output_free(&o);

  /* Invalid settings: refused, named. */
  h.cfg.abc.a_pct = 90;
  h.cfg.abc.b_pct = 20;
  assert_false(ar_compute(&h, &o, &why));
  assert_non_null(why);
  ar_output_free(&o);
  ar_history_free(&h);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_calendar),
    cmocka_unit_test(test_histogram),
    cmocka_unit_test(test_presence),
    cmocka_unit_test(test_map),
    cmocka_unit_test(test_compute),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
