/* Unit tests for the support-plan return rules (cgi-bin/core/support_return.c):
 * windows, changes and their rounding, the peers' trend, the uplift, the
 * margin beyond the trend against the cost, and the edge cases (too early,
 * no base, no peers, overflow), each worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/support_return.h"

static void test_windows(void **state)
{
  (void)state;
  /* support in April 2026: before = January-March, after = May-July */
  struct sr_window w = sr_window_of(sr_month(2026, 4));
  assert_int_equal(w.before_from, sr_month(2026, 1));
  assert_int_equal(w.before_to, sr_month(2026, 4));
  assert_int_equal(w.after_from, sr_month(2026, 5));
  assert_int_equal(w.after_to, sr_month(2026, 8));
  /* July is not over during July; it is on any day of August */
  assert_false(sr_complete(&w, sr_month(2026, 7)));
  assert_true(sr_complete(&w, sr_month(2026, 8)));
  assert_true(sr_complete(&w, sr_month(2027, 1)));
  /* across a year: support in January 2026 looks back to October 2025 and
   * is complete from May 2026 */
  w = sr_window_of(sr_month(2026, 1));
  assert_int_equal(w.before_from, sr_month(2025, 10));
  assert_int_equal(w.after_to, sr_month(2026, 5));
  assert_false(sr_complete(&w, sr_month(2026, 4)));
}

static void test_change_rounding(void **state)
{
  (void)state;
  int64_t bp;
  /* 100000 → 130000: +30000 × 10000 / 100000 = 3000 bp (+30 %) */
  assert_true(sr_change_bp((struct sr_pair){ 100000, 130000 }, &bp));
  assert_int_equal(bp, 3000);
  /* 3 → 4: 3333.33 → 3333; 3 → 5: 6666.67 → 6667 */
  assert_true(sr_change_bp((struct sr_pair){ 3, 4 }, &bp));
  assert_int_equal(bp, 3333);
  assert_true(sr_change_bp((struct sr_pair){ 3, 5 }, &bp));
  assert_int_equal(bp, 6667);
  /* falls round the same way: 3 → 2 is −3333, 3 → 1 is −6667 */
  assert_true(sr_change_bp((struct sr_pair){ 3, 2 }, &bp));
  assert_int_equal(bp, -3333);
  assert_true(sr_change_bp((struct sr_pair){ 3, 1 }, &bp));
  assert_int_equal(bp, -6667);
  /* exactly half a basis point goes away from zero: ±10000 / 20000 */
  assert_true(sr_change_bp((struct sr_pair){ 20000, 20001 }, &bp));
  assert_int_equal(bp, 1);
  assert_true(sr_change_bp((struct sr_pair){ 20000, 19999 }, &bp));
  assert_int_equal(bp, -1);
  /* sold nothing after: −100 % */
  assert_true(sr_change_bp((struct sr_pair){ 5000, 0 }, &bp));
  assert_int_equal(bp, -10000);
  /* no base: no change */
  assert_false(sr_change_bp((struct sr_pair){ 0, 5000 }, &bp));
  assert_false(sr_change_bp((struct sr_pair){ -100, 5000 }, &bp));
  /* 1 → 2^63 − 1: the change does not fit 64 bits */
  assert_false(sr_change_bp((struct sr_pair){ 1, INT64_MAX }, &bp));
}

/* The dealer grew 30 %, its peers 10 %: uplift 20 points. Margin 300 → 420
 * yuan; the peers' margin grew 300000 → 315000 (× 1.05), so 300 yuan would
 * have become 315: the support brought 420 − 315 = 105 yuan beyond the
 * trend, which pays for a cost of 80 yuan and not for one of 105. */
static const struct sr_input grew = {
  .sales = { 100000, 130000 }, .margin = { 30000, 42000 },
  .peer_sales = { 1000000, 1100000 }, .peer_margin = { 300000, 315000 },
  .peers = 12, .cost = 8000, .complete = 1,
};

static void test_uplift_pays(void **state)
{
  (void)state;
  struct sr_result r;
  assert_true(sr_evaluate(&grew, &r));
  assert_int_equal(r.status, SR_DONE);
  assert_true(r.has_change && r.has_peer_change && r.has_uplift);
  assert_int_equal(r.change_bp, 3000);
  assert_int_equal(r.peer_change_bp, 1000);
  assert_int_equal(r.uplift_bp, 2000);
  assert_true(r.has_margin_change);
  assert_int_equal(r.margin_change_bp, 4000);     /* 12000 / 30000 */
  assert_true(r.has_extra);
  assert_int_equal(r.extra_margin, 10500);
  assert_true(r.pays);

  struct sr_input dear = grew;
  dear.cost = 10500;                              /* exactly the extra: not more */
  assert_true(sr_evaluate(&dear, &r));
  assert_int_equal(r.status, SR_DONE);
  assert_false(r.pays);
}

/* Everyone fell 20 % while the dealer held level: the support is worth
 * +20 points. Margin level at 300 yuan; the peers' margin fell to 0.8, so
 * 240 was expected and 60 yuan came from the support: pays at a cost of 50. */
static void test_held_against_a_fall(void **state)
{
  (void)state;
  struct sr_input in = {
    .sales = { 100000, 100000 }, .margin = { 30000, 30000 },
    .peer_sales = { 1000000, 800000 }, .peer_margin = { 300000, 240000 },
    .peers = 3, .cost = 5000, .complete = 1,
  };
  struct sr_result r;
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.status, SR_DONE);
  assert_int_equal(r.change_bp, 0);
  assert_int_equal(r.peer_change_bp, -2000);
  assert_int_equal(r.uplift_bp, 2000);
  assert_int_equal(r.extra_margin, 6000);
  assert_true(r.pays);

  /* a support that did not keep up with the peers: dealer +5 %, peers +10 % */
  in.sales.after = 105000;
  in.peer_sales.after = 1100000;
  in.margin.after = 30000;
  in.peer_margin.after = 330000;                  /* 300 expected 330 → −30 yuan */
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.uplift_bp, 500 - 1000);
  assert_int_equal(r.extra_margin, -3000);
  assert_false(r.pays);
}

static void test_edges(void **state)
{
  (void)state;
  struct sr_result r;
  /* too early: nothing is computed, even with figures */
  struct sr_input in = grew;
  in.complete = 0;
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.status, SR_TOO_EARLY);
  assert_false(r.has_change || r.has_uplift || r.has_extra || r.pays);

  /* no peers: the dealer's own change, no uplift, never "pays" */
  in = grew;
  in.peers = 0;
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.status, SR_NO_PEERS);
  assert_true(r.has_change);
  assert_int_equal(r.change_bp, 3000);
  assert_false(r.has_peer_change || r.has_uplift || r.has_extra || r.pays);

  /* peers who sold nothing before give no trend either */
  in = grew;
  in.peer_sales.before = 0;
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.status, SR_NO_PEERS);

  /* zero base: the dealer sold nothing before; the peers' trend is kept */
  in = grew;
  in.sales.before = 0;
  in.margin.before = 0;
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.status, SR_NO_BASE);
  assert_false(r.has_change || r.has_uplift || r.pays);
  assert_true(r.has_peer_change);
  assert_int_equal(r.peer_change_bp, 1000);

  /* peers whose margin was not positive before: an uplift, no extra margin */
  in = grew;
  in.peer_margin.before = 0;
  assert_true(sr_evaluate(&in, &r));
  assert_int_equal(r.status, SR_DONE);
  assert_int_equal(r.uplift_bp, 2000);
  assert_false(r.has_extra || r.pays);

  /* a dealer selling at a loss before: no margin change, extra still defined:
   * −100 yuan × 315000 / 300000 = −105 expected, 50 made: +155 yuan */
  in = grew;
  in.margin.before = -10000;
  in.margin.after = 5000;
  assert_true(sr_evaluate(&in, &r));
  assert_false(r.has_margin_change);
  assert_int_equal(r.extra_margin, 15500);

  /* overflow and bad input are refused */
  in = grew;
  in.sales.before = 1;
  in.sales.after = INT64_MAX;
  assert_false(sr_evaluate(&in, &r));
  in = grew;
  in.peers = -1;
  assert_false(sr_evaluate(&in, &r));
  assert_false(sr_evaluate(NULL, &r));
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_windows),
    cmocka_unit_test(test_change_rounding),
    cmocka_unit_test(test_uplift_pays),
    cmocka_unit_test(test_held_against_a_fall),
    cmocka_unit_test(test_edges),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
