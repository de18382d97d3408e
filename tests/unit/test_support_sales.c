/* Unit tests for the support-plan return's sums from the batch's orders
 * (cgi-bin/core/support_sales.c): the units from the executions, a
 * dealer's own windows, the pool of its region and class, the family
 * (region, class, category, year) taken out of the peers, and the orders
 * that count nowhere, worked out by hand.
 *
 * Region 1. Dealers: D (id 10) B, P1 (20) B, P2 (30) B, Q (40) A; E (50)
 * buys but is not an active dealer. Units, all of 2025:
 *   U0 D  category 2, support May 2025: before Feb-Apr, after Jun-Aug
 *   U1 P2 category 2, support March 2025: before Dec 2024-Feb, after Apr-Jun
 *   U2 D  category 3, support May 2025 (the only one of its family)
 * Orders (revenue / cost of goods, cents):
 *   D  2024-12-31 999/1, 2025-02-03 1000/600, 05-20 500/300 (support month),
 *      06-03 1500/900, 09-01 700/400 (after U0's windows)
 *   P1 2025-03-10 2000/1200, 07-10 2200/1300
 *   P2 2025-02-10 1000/500, 08-10 1000/500
 *   Q  2025-02-10 5000/1000 (class A: not in the B pool)
 *   E  2025-03-01 8000/1 (no dealer: in no pool) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>

#include "core/analysis_cells.h"
#include "core/support_sales.h"

static void add_customer(struct ar_history *h, uint32_t id)
{
  struct ar_customer *c = ar_push(&h->customers);
  assert_non_null(c);
  c->id = id;
  c->region_id = 1;
}

static void add_order(struct ar_history *h, uint32_t cust, int y, int m, int d, int64_t revenue,
                      int64_t cost)
{
  struct ar_order *o = ar_push(&h->orders);
  assert_non_null(o);
  *o = (struct ar_order){ .cust = cust, .day = cell_day(y, m, d), .revenue = revenue, .cost = cost };
}

static void history(struct ar_history *h)
{
  ar_history_init(h);
  for (uint32_t id = 10; id <= 50; id += 10) add_customer(h, id);
  add_order(h, 0, 2024, 12, 31, 999, 1);
  add_order(h, 0, 2025, 2, 3, 1000, 600);
  add_order(h, 0, 2025, 5, 20, 500, 300);
  add_order(h, 0, 2025, 6, 3, 1500, 900);
  add_order(h, 0, 2025, 9, 1, 700, 400);
  add_order(h, 1, 2025, 3, 10, 2000, 1200);
  add_order(h, 1, 2025, 7, 10, 2200, 1300);
  add_order(h, 2, 2025, 2, 10, 1000, 500);
  add_order(h, 2, 2025, 8, 10, 1000, 500);
  add_order(h, 3, 2025, 2, 10, 5000, 1000);
  add_order(h, 4, 2025, 3, 1, 8000, 1);
}

static const struct ss_dealer dealers[] = {
  { 0, 1, 'B' }, { 1, 1, 'B' }, { 2, 1, 'B' }, { 3, 1, 'A' },
};

static struct ss_unit unit(uint32_t plan, uint32_t id, uint32_t cust, uint8_t cat, int month)
{
  return (struct ss_unit){ .plan_id = plan, .customer_id = id, .cust = cust, .region_id = 1,
                           .year = 2025, .category_id = cat, .abc = 'B',
                           .support_month = sr_month(2025, month), .cost = 100 };
}

static void pair_equal(struct sr_pair p, int64_t before, int64_t after)
{
  assert_int_equal(p.before, before);
  assert_int_equal(p.after, after);
}

static void test_customer_index(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  assert_int_equal(ss_customer_index(&h, 10), 0);
  assert_int_equal(ss_customer_index(&h, 50), 4);
  assert_int_equal(ss_customer_index(&h, 35), SS_NONE);
  assert_int_equal(ss_customer_index(&h, 60), SS_NONE);
  ar_history_free(&h);
}

static void test_figures(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  struct ss_unit u[] = { unit(100, 10, 0, 2, 5), unit(101, 30, 2, 2, 3), unit(100, 10, 0, 3, 5) };
  assert_true(ss_figures(&h, dealers, 4, u, 3));

  /* U0: own Feb 1000/600 against Jun 1500/900. Pool B over Feb-Apr: D 1000
   * + P1 2000 + P2 1000 = 4000 / 2300; Jun-Aug: 1500 + 2200 + 1000 = 4700
   * / 2700. Family {D, P2}: 2000 / 1100 and 2500 / 1400. Peers: 3 B
   * dealers − 2 = 1 (P1): 2000 → 2200, cost 1200 → 1300. */
  pair_equal(u[0].sales, 1000, 1500);
  pair_equal(u[0].cogs, 600, 900);
  assert_int_equal(u[0].peers, 1);
  pair_equal(u[0].peer_sales, 2000, 2200);
  pair_equal(u[0].peer_cogs, 1200, 1300);

  /* U1: own Dec-Feb 1000/500 (P2's Feb), Apr-Jun nothing (its Aug is out).
   * Pool Dec-Feb: D 999 + 1000, P2 1000 = 2999 / 1101; Apr-Jun: D 500 +
   * 1500 = 2000 / 1200 (P1's March is the support month). The family holds
   * the same orders: the one peer (P1) sold nothing in either window. */
  pair_equal(u[1].sales, 1000, 0);
  pair_equal(u[1].cogs, 500, 0);
  assert_int_equal(u[1].peers, 1);
  pair_equal(u[1].peer_sales, 0, 0);
  pair_equal(u[1].peer_cogs, 0, 0);

  /* U2: D alone in category 3: peers P1 and P2, the pool less D's own:
   * 4000 − 1000 = 3000 → 4700 − 1500 = 3200; cost 1700 → 1800. */
  pair_equal(u[2].sales, 1000, 1500);
  assert_int_equal(u[2].peers, 2);
  pair_equal(u[2].peer_sales, 3000, 3200);
  pair_equal(u[2].peer_cogs, 1700, 1800);
  ar_history_free(&h);
}

static void test_unknown_dealer(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  /* A unit whose dealer the batch did not read (added since): no sums of
   * its own, but it counts in its family like the old set statements. */
  struct ss_unit u[] = { unit(100, 10, 0, 2, 5), unit(102, 99, SS_NONE, 2, 5) };
  assert_true(ss_figures(&h, dealers, 4, u, 2));
  pair_equal(u[1].sales, 0, 0);
  assert_int_equal(u[1].peers, 1);               /* 3 B dealers − D − itself */
  pair_equal(u[1].peer_sales, 3000, 3200);      /* the pool less D */
  ar_history_free(&h);
}

static void test_judge(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  struct ss_unit u[] = { unit(100, 10, 0, 2, 5) };
  assert_true(ss_figures(&h, dealers, 4, u, 1));
  struct sr_input in;
  struct sr_result r;
  /* Alone in its family, D's peers are P1 and P2: 3000 → 3200 (+667 bp),
   * margin 1300 → 1400. D: 1000 → 1500 (+5000 bp), margin 400 → 600, so
   * 600 − round(400 × 1400 / 1300 = 430.77) = 169 cents > cost 100: pays. */
  ss_judge(&u[0], sr_month(2025, 12), &in, &r);
  assert_int_equal(r.status, SR_DONE);
  assert_int_equal(r.change_bp, 5000);
  assert_int_equal(r.peer_change_bp, 667);
  assert_int_equal(r.uplift_bp, 4333);
  assert_int_equal(r.extra_margin, 169);
  assert_true(r.pays);
  pair_equal(in.margin, 400, 600);
  /* in August the after window (June-August) is not over */
  ss_judge(&u[0], sr_month(2025, 8), &in, &r);
  assert_int_equal(r.status, SR_TOO_EARLY);
  assert_false(r.has_change);
  ar_history_free(&h);
}

static void test_units(void **state)
{
  (void)state;
  struct ar_history h;
  history(&h);
  /* Plan 7 (D, 2025): line 1 is category 3 in one revision and 2 in
   * another (the lower counts), line 2 category 4, line 9 no measure.
   * Plan 8 (P1) has an execution but is no active dealer's: not listed. */
  struct ss_item items[] = { { 7, 2, 4 }, { 7, 1, 3 }, { 8, 1, 2 }, { 7, 1, 2 } };
  struct ss_execution ex[] = {
    { 7, 1, cell_day(2025, 5, 20), 5000 },   /* category 2, the later one */
    { 7, 2, cell_day(2025, 6, 1), 700 },     /* category 4 */
    { 7, 1, cell_day(2025, 4, 30), 2500 },   /* category 2, the first: April */
    { 7, 9, cell_day(2025, 1, 1), 100 },     /* no measure: nowhere */
    { 8, 1, cell_day(2025, 3, 1), 900 },     /* plan not listed: nowhere */
  };
  struct ss_plan plans[] = { { 7, 10, 2025, 1, 'B' } };
  struct ss_unit *u = NULL;
  size_t n = 0;
  assert_true(ss_units(items, 4, ex, 5, plans, 1, &h, &u, &n));
  assert_int_equal(n, 2);
  assert_int_equal(u[0].plan_id, 7);
  assert_int_equal(u[0].category_id, 2);
  assert_int_equal(u[0].support_month, sr_month(2025, 4));
  assert_int_equal(u[0].cost, 7500);
  assert_int_equal(u[0].cust, 0);                /* customer 10 is the first */
  assert_int_equal(u[0].region_id, 1);
  assert_int_equal(u[0].abc, 'B');
  assert_int_equal(u[0].year, 2025);
  assert_int_equal(u[1].category_id, 4);
  assert_int_equal(u[1].support_month, sr_month(2025, 6));
  assert_int_equal(u[1].cost, 700);
  free(u);
  /* nothing executed: no units */
  assert_true(ss_units(items, 4, ex, 0, plans, 1, &h, &u, &n));
  assert_int_equal(n, 0);
  free(u);
  ar_history_free(&h);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_customer_index),
    cmocka_unit_test(test_figures),
    cmocka_unit_test(test_unknown_dealer),
    cmocka_unit_test(test_judge),
    cmocka_unit_test(test_units),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
