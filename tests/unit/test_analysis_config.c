/* Unit tests for the analysis settings' checks (core/analysis_config.c):
 * the defaults pass, and each setting out of its range names its own
 * column, so the settings form marks the right field. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/analysis_config.h"

static void test_defaults_valid(void **state)
{
  (void)state;
  struct analysis_config c;
  analysis_config_default(&c);
  assert_null(analysis_config_invalid(&c));
  assert_int_equal(c.period_months, 12);
  assert_int_equal(c.abc.a_pct, 70);
  assert_int_equal(c.abc.b_pct, 20);
  assert_int_equal(c.sleep.dormant_pct, 400);
  assert_int_equal(c.run_at_minutes, 150);
}

static void test_each_range(void **state)
{
  (void)state;
  struct analysis_config c;
#define BAD(stmt, column)                                                                          \
  do {                                                                                             \
    analysis_config_default(&c);                                                                   \
    stmt;                                                                                          \
    assert_string_equal(analysis_config_invalid(&c), column);                                      \
  } while (0)
  BAD(c.period_months = 0, "period_months");
  BAD(c.period_months = 37, "period_months");
  /* 80 + 30 = 110 % cannot be cut: the second figure is the one marked */
  BAD((c.abc.a_pct = 80, c.abc.b_pct = 30), "abc_b_pct");
  BAD(c.abc.a_pct = 0, "abc_a_pct");
  BAD(c.life.periods_n = 5, "life_periods_n");     /* 5 of the last 4 */
  BAD(c.life.periods_m = 65, "life_periods_m");
  BAD(c.sleep.half_pct = 100, "sleep_half_pct");   /* below drowsy 150 */
  BAD(c.sleep.dormant_pct = 200, "sleep_dormant_pct"); /* below half 250 */
  BAD(c.rfm.high_from = 6, "rfm_high_from");
  BAD(c.signal.window_days = 6, "watch_window_days");
  BAD(c.signal.worst_tail_percent = 0, "worst_tail_pct");
  BAD(c.discount_bp = -1, "discount_bp");
  BAD(c.run_at_minutes = 24 * 60, "run_at");
#undef BAD
  /* the edges themselves are valid */
  analysis_config_default(&c);
  c.abc.a_pct = 80;
  c.abc.b_pct = 20;
  c.life.periods_n = c.life.periods_m = 64;
  c.sleep.drowsy_pct = c.sleep.half_pct = c.sleep.dormant_pct = 150;
  c.run_at_minutes = 0;
  assert_null(analysis_config_invalid(&c));
}
/* The field table: each name reads and writes its own member, and the
 * names are the ones analysis_config_invalid reports. */
static void test_fields_by_name(void **state)
{
  (void)state;
  struct analysis_config c;
  analysis_config_default(&c);
  assert_string_equal(analysis_config_names[7], "sleep_drowsy_pct");
  assert_int_equal(analysis_config_get(&c, 7), 150);
  assert_int_equal(analysis_config_get(&c, 13), 30);   /* watch_order_drop_pct */
  assert_int_equal(analysis_config_get(&c, 17), 150);  /* run_at 02:30 */
  analysis_config_set(&c, 9, 90);                      /* dormant below half 250 */
  assert_int_equal(c.sleep.dormant_pct, 90);
  assert_string_equal(analysis_config_invalid(&c), analysis_config_names[9]);
  for (int i = 0; i < ANALYSIS_CONFIG_FIELDS; i++) {
    analysis_config_default(&c);
    analysis_config_set(&c, i, 100000);
    assert_int_equal(analysis_config_get(&c, i), 100000);
    /* out of every range: the field set is the one named */
    assert_string_equal(analysis_config_invalid(&c), analysis_config_names[i]);
  }
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_defaults_valid),
    cmocka_unit_test(test_each_range),
    cmocka_unit_test(test_fields_by_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
