/* Unit tests for the customer classes computed from history
 * (cgi-bin/core/analysis_class.c): ABC, lifecycle stage, sleepers, RFM.
 * Every expected value is worked out by hand in the comment beside it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/analysis_class.h"

#define N(a) (sizeof a / sizeof a[0])

/* ---- ABC ---- */

static void expect_abc(const int64_t *rev, size_t n, const struct abc_settings *s,
                       const enum abc_class *want)
{
  enum abc_class out[16];
  assert_true(n <= N(out));
  assert_true(abc_assign(rev, n, s, out));
  assert_memory_equal(out, want, n * sizeof *want);
}

static void test_abc_pareto(void **state)
{
  (void)state;
  struct abc_settings s;
  abc_settings_default(&s);
  /* Total 1000, given out of order. Largest first, revenue before each:
   * 500: 0 (0 % < 70) A; 200: 500 (50 %) A; 100: 700 (70 %, not < 70,
   * < 90) B; 80: 800 B; 60: 880 (88 %) B; 40: 940 C; 20: 980 C. */
  int64_t rev[] = { 60, 500, 20, 100, 200, 40, 80 };
  enum abc_class want[] = { ABC_B, ABC_A, ABC_C, ABC_B, ABC_A, ABC_C, ABC_B };
  expect_abc(rev, N(rev), &s, want);

  /* A = first 50 %, B the next 30 %: 500 A; 200 (before 50 %) B;
   * 100 (70 %) B; 80 (80 %) C and the rest C. */
  s.a_pct = 50;
  s.b_pct = 30;
  enum abc_class want2[] = { ABC_C, ABC_A, ABC_C, ABC_B, ABC_B, ABC_C, ABC_C };
  expect_abc(rev, N(rev), &s, want2);
}

static void test_abc_tie_at_cut(void **state)
{
  (void)state;
  struct abc_settings s;
  abc_settings_default(&s);
  /* One dealer with 700 of 1000, three equal buyers of 100. Without the
   * tie rule the third 100 (900 before it, 90 %) would be C; the tie
   * group is judged by the 700 before its first member (70 %): all B. */
  int64_t rev[] = { 100, 700, 100, 100 };
  enum abc_class want[] = { ABC_B, ABC_A, ABC_B, ABC_B };
  expect_abc(rev, N(rev), &s, want);

  /* A tie straddling the A line stays A: 600, then 200 + 200 with 60 %
   * before them. */
  int64_t rev2[] = { 200, 600, 200 };
  enum abc_class want2[] = { ABC_A, ABC_A, ABC_A };
  expect_abc(rev2, N(rev2), &s, want2);
}

static void test_abc_edges(void **state)
{
  (void)state;
  struct abc_settings s;
  abc_settings_default(&s);
  enum abc_class out[3];
  /* No purchase, and returns above purchases: C; the one buyer is A. */
  int64_t rev[] = { 0, 100, -50 };
  enum abc_class want[] = { ABC_C, ABC_A, ABC_C };
  expect_abc(rev, N(rev), &s, want);
  /* One customer. */
  int64_t one[] = { 5 };
  assert_true(abc_assign(one, 1, &s, out));
  assert_int_equal(out[0], ABC_A);
  /* All zero: all C. */
  int64_t zero[] = { 0, 0 };
  assert_true(abc_assign(zero, 2, &s, out));
  assert_int_equal(out[0], ABC_C);
  assert_int_equal(out[1], ABC_C);
  /* Nobody. */
  assert_true(abc_assign(NULL, 0, &s, out));
  /* Cut-offs above 100 %: refused, out untouched. */
  out[0] = ABC_NONE;
  s.a_pct = 80;
  s.b_pct = 30;
  assert_false(abc_assign(one, 1, &s, out));
  assert_int_equal(out[0], ABC_NONE);
  s.a_pct = -1;
  s.b_pct = 20;
  assert_false(abc_assign(one, 1, &s, out));
}

/* ---- Lifecycle ---- */

static void test_life_stages(void **state)
{
  (void)state;
  struct life_settings s;
  life_settings_default(&s);              /* 91-day periods, 3 of the last 4 */
  assert_true(life_settings_valid(&s));
  const int today = 1000;
  /* Nothing known: target; a purchase dated after today does not count. */
  int future[] = { 1005 };
  assert_int_equal(life_stage_of(NULL, 0, 0, today, &s), LIFE_TARGET);
  assert_int_equal(life_stage_of(future, 1, 0, today, &s), LIFE_TARGET);
  /* Two visits, no purchase: potential. */
  assert_int_equal(life_stage_of(future, 1, 2, today, &s), LIFE_POTENTIAL);
  /* One purchase: one-time, with or without contacts. */
  int once[] = { 900 };
  assert_int_equal(life_stage_of(once, 1, 0, today, &s), LIFE_ONE_TIME);
  assert_int_equal(life_stage_of(once, 1, 5, today, &s), LIFE_ONE_TIME);
  /* Steady buyer: days ago 10, 50 (period 0), 100, 150 (1), 200 (2),
   * 300 (3): four periods of four, loyal. */
  int steady[] = { 990, 950, 900, 850, 800, 700 };
  assert_int_equal(life_stage_of(steady, N(steady), 1, today, &s), LIFE_LOYAL);
  /* Slowing customer: days ago 600, 550, 500, 450, 400 (periods 4-6,
   * outside), 300 (3), 150 (1): two periods of the last four, one-time. */
  int slowing[] = { 400, 450, 500, 550, 600, 700, 850 };
  assert_int_equal(life_stage_of(slowing, N(slowing), 3, today, &s), LIFE_ONE_TIME);
  /* Seasonal buyer, every spring: days ago 20 (period 0), 385 (period 4,
   * outside), 750: one quarter only, one-time by quarters ... */
  int seasonal[] = { 980, 615, 250 };
  assert_int_equal(life_stage_of(seasonal, N(seasonal), 0, today, &s), LIFE_ONE_TIME);
  /* ... and loyal by years, 2 of the last 3: years 0, 1 (385 / 365),
   * 2 (750 / 365). */
  struct life_settings years = { 365, 2, 3 };
  assert_int_equal(life_stage_of(seasonal, N(seasonal), 0, today, &years), LIFE_LOYAL);
}

static void test_life_edges(void **state)
{
  (void)state;
  const int today = 1000;
  struct life_settings any = { 30, 1, 1 };
  /* Loyal needs purchases on two days: two orders on one day are one
   * purchase occasion; on two days in the period, loyal. */
  int same_day[] = { 990, 990 };
  int two_days[] = { 990, 980 };
  assert_int_equal(life_stage_of(same_day, 2, 0, today, &any), LIFE_ONE_TIME);
  assert_int_equal(life_stage_of(two_days, 2, 0, today, &any), LIFE_LOYAL);
  /* Period bounds: the first 30-day period is (970, 1000], so day 970
   * is in period 1 and day 971 in period 0. */
  int edge[] = { 990, 970 };
  struct life_settings two = { 30, 2, 2 };
  assert_int_equal(life_stage_of(edge, 2, 0, today, &any), LIFE_LOYAL);
  assert_int_equal(life_stage_of(edge, 2, 0, today, &two), LIFE_LOYAL);
  int inside[] = { 990, 971 };                  /* both in period 0 */
  assert_int_equal(life_stage_of(inside, 2, 0, today, &two), LIFE_ONE_TIME);
  /* Invalid settings never propose loyal. */
  struct life_settings bad = { 0, 1, 1 };
  assert_false(life_settings_valid(&bad));
  assert_int_equal(life_stage_of(two_days, 2, 0, today, &bad), LIFE_ONE_TIME);
  struct life_settings nm = { 30, 3, 2 };
  assert_false(life_settings_valid(&nm));
}

/* ---- Sleepers ---- */

static void expect_sleep(const int *days, size_t n, int today, const struct sleep_settings *s,
                         enum sleep_state st, int interval, int since)
{
  struct sleep_result r;
  assert_true(sleep_state_of(days, n, today, s, &r));
  assert_int_equal(r.state, st);
  assert_int_equal(r.interval_days, interval);
  assert_int_equal(r.days_since, since);
}

static void test_sleep_histories(void **state)
{
  (void)state;
  struct sleep_settings s;
  sleep_settings_default(&s);             /* 90 days; 1.5, 2.5, 4 intervals */
  /* Steady monthly buyer: every gap 30, interval 30. 30 days since:
   * 3000 < 30 * 150 = 4500, awake. 80 days since: 8000 >= 7500 (2.5
   * intervals) and < 12000, half-asleep. */
  int steady[] = { 700, 730, 760, 790, 820, 850, 880, 910, 940, 970 };
  expect_sleep(steady, N(steady), 1000, &s, SLEEP_AWAKE, 30, 30);
  expect_sleep(steady, N(steady), 1050, &s, SLEEP_HALF, 30, 80);
  /* Seasonal buyer, once a year: interval 365; a year since the last
   * purchase is its usual rhythm, awake (a 90-day rule would call it
   * dormant). 548 days: 54800 >= 365 * 150 = 54750, drowsy. */
  int seasonal[] = { -95, 270, 635 };
  expect_sleep(seasonal, N(seasonal), 1000, &s, SLEEP_AWAKE, 365, 365);
  expect_sleep(seasonal, N(seasonal), 1183, &s, SLEEP_DROWSY, 365, 548);
  /* Slowing customer: gaps 30, 30, 30, 60, 100, median 30. 50 days
   * since: 5000 >= 4500, drowsy; 80: 8000 >= 7500, half; 150:
   * 15000 >= 12000, dormant. */
  int slowing[] = { 0, 30, 60, 90, 150, 250 };
  expect_sleep(slowing, N(slowing), 300, &s, SLEEP_DROWSY, 30, 50);
  expect_sleep(slowing, N(slowing), 330, &s, SLEEP_HALF, 30, 80);
  expect_sleep(slowing, N(slowing), 400, &s, SLEEP_DORMANT, 30, 150);
}

static void test_sleep_edges(void **state)
{
  (void)state;
  struct sleep_settings s;
  sleep_settings_default(&s);
  /* Never bought: not a sleeper. */
  expect_sleep(NULL, 0, 1000, &s, SLEEP_NEVER, 90, -1);
  /* One purchase: the default interval 90, thresholds 135, 225, 360
   * days, each inclusive. */
  int once[] = { 900 };
  expect_sleep(once, 1, 1034, &s, SLEEP_AWAKE, 90, 134);
  expect_sleep(once, 1, 1035, &s, SLEEP_DROWSY, 90, 135);
  expect_sleep(once, 1, 1125, &s, SLEEP_HALF, 90, 225);
  expect_sleep(once, 1, 1260, &s, SLEEP_DORMANT, 90, 360);
  /* Two orders on one day are still fewer than 2 purchase days. */
  int same[] = { 900, 900 };
  expect_sleep(same, 2, 1000, &s, SLEEP_AWAKE, 90, 100);
  /* Even number of gaps (10 and 20, any order, repeats and a future
   * date ignored): median 15, thresholds 22.5, 37.5, 60 days. */
  int even[] = { 30, 2000, 0, 10, 10 };
  expect_sleep(even, N(even), 52, &s, SLEEP_AWAKE, 15, 22);
  expect_sleep(even, N(even), 53, &s, SLEEP_DROWSY, 15, 23);
  expect_sleep(even, N(even), 68, &s, SLEEP_HALF, 15, 38);
  expect_sleep(even, N(even), 90, &s, SLEEP_DORMANT, 15, 60);
  /* Invalid thresholds are refused. */
  struct sleep_result r;
  s.drowsy_pct = 300;
  assert_false(sleep_settings_valid(&s));
  assert_false(sleep_state_of(once, 1, 1000, &s, &r));
  sleep_settings_default(&s);
  s.default_interval_days = 0;
  assert_false(sleep_state_of(once, 1, 1000, &s, &r));
}

/* ---- RFM ---- */

static void test_rfm_population(void **state)
{
  (void)state;
  struct rfm_settings s;
  rfm_settings_default(&s);
  /* Five buyers and one who never bought. Sorted worst to best:
   *   recency 400, 200, 60, 30, 5     -> scores 1 2 3 4 5
   *   frequency 1, 2, 4, 10, 12       -> 1 2 3 4 5
   *   monetary 9000, 10000, 50000, 500000, 600000 -> 1 2 3 4 5
   * (n = 5, score = 1 + 5 * L / 5 = L + 1). */
  struct rfm_in in[] = {
    { 5, 12, 600000 },   /* steady big buyer: 5 5 5, all high */
    { 200, 10, 500000 }, /* slowing big buyer: 2 4 4, F M high, R low */
    { 30, 2, 50000 },    /* new mid buyer: 4 2 3, R M high */
    { 60, 1, 10000 },    /* seasonal small buyer: 3 1 2, R high */
    { 400, 4, 9000 },    /* lapsed small regular: 1 3 1, F high */
    { 0, 0, 0 },         /* never bought: outside the population */
  };
  struct rfm_score want[] = {
    { 5, 5, 5, RFM_IMPORTANT_VALUE },
    { 2, 4, 4, RFM_IMPORTANT_KEEP },
    { 4, 2, 3, RFM_IMPORTANT_DEVELOP },
    { 3, 1, 2, RFM_GENERAL_DEVELOP },
    { 1, 3, 1, RFM_GENERAL_KEEP },
    { 0, 0, 0, RFM_NONE },
  };
  struct rfm_score out[N(in)];
  assert_true(rfm_score_all(in, N(in), &s, out));
  for (size_t i = 0; i < N(in); i++) {
    assert_int_equal(out[i].r, want[i].r);
    assert_int_equal(out[i].f, want[i].f);
    assert_int_equal(out[i].m, want[i].m);
    assert_int_equal(out[i].segment, want[i].segment);
  }
  assert_string_equal(rfm_segment_name(out[1].segment), "重要保持客户");
}

static void test_rfm_ties(void **state)
{
  (void)state;
  struct rfm_settings s;
  rfm_settings_default(&s);
  /* Ten buyers, same recency and frequency (L = 0 for all: score 1).
   * Monetary with L (strictly lower) and 1 + 5L/10:
   *   100 x3: L 0 -> 1;  200 x2: L 3 -> 2;  300: L 5 -> 3;
   *   400: L 6 -> 4;  500: L 7 -> 4;  600: L 8 -> 5;  700: L 9 -> 5. */
  struct rfm_in in[10];
  int64_t money[] = { 100, 100, 100, 200, 200, 300, 400, 500, 600, 700 };
  int want_m[] = { 1, 1, 1, 2, 2, 3, 4, 4, 5, 5 };
  for (size_t i = 0; i < 10; i++) in[i] = (struct rfm_in){ 10, 1, money[i] };
  struct rfm_score out[10];
  assert_true(rfm_score_all(in, 10, &s, out));
  for (size_t i = 0; i < 10; i++) {
    assert_int_equal(out[i].r, 1);
    assert_int_equal(out[i].f, 1);
    assert_int_equal(out[i].m, want_m[i]);
    assert_int_equal(out[i].segment, want_m[i] >= 3 ? RFM_IMPORTANT_RETAIN : RFM_GENERAL_RETAIN);
  }
  /* One buyer alone has nobody worse: 1 1 1. */
  assert_true(rfm_score_all(in, 1, &s, out));
  assert_int_equal(out[0].r + out[0].f + out[0].m, 3);
  /* Nobody: fine. */
  assert_true(rfm_score_all(NULL, 0, &s, out));
}

static void test_rfm_segments(void **state)
{
  (void)state;
  struct rfm_settings s;
  rfm_settings_default(&s);
  assert_int_equal(rfm_segment_of(3, 3, 3, &s), RFM_IMPORTANT_VALUE);
  assert_int_equal(rfm_segment_of(5, 5, 2, &s), RFM_GENERAL_VALUE);
  assert_int_equal(rfm_segment_of(2, 2, 2, &s), RFM_GENERAL_RETAIN);
  assert_int_equal(rfm_segment_of(0, 5, 5, &s), RFM_NONE);
  s.high_from = 4;
  assert_int_equal(rfm_segment_of(3, 3, 3, &s), RFM_GENERAL_RETAIN);
  assert_int_equal(rfm_segment_of(1, 1, 4, &s), RFM_IMPORTANT_RETAIN);
  s.high_from = 0;
  struct rfm_in one = { 1, 1, 1 };
  struct rfm_score out = { 9, 9, 9, RFM_NONE };
  assert_false(rfm_score_all(&one, 1, &s, &out));
  assert_int_equal(out.r, 9);
}

/* The screen names, the source texts' terms. */
static void test_names(void **state)
{
  (void)state;
  const struct { const char *got, *want; } n[] = {
    { abc_name(ABC_A), "大客户" }, { abc_name(ABC_B), "一般客户" },
    { abc_name(ABC_C), "小客户" }, { abc_name(ABC_NONE), "" },
    { life_name(LIFE_TARGET), "目标客户" }, { life_name(LIFE_POTENTIAL), "潜在客户" },
    { life_name(LIFE_ONE_TIME), "一次客户" }, { life_name(LIFE_LOYAL), "忠诚客户" },
    { life_strategy(LIFE_TARGET), "扩大广告宣传,增强初步认知" },
    { life_strategy(LIFE_LOYAL), "发挥最大潜能,提高利用效率" },
    { sleep_name(SLEEP_DROWSY), "瞌睡客户" }, { sleep_name(SLEEP_HALF), "半睡客户" },
    { sleep_name(SLEEP_DORMANT), "沉睡客户" }, { sleep_name(SLEEP_AWAKE), "" },
    { sleep_name(SLEEP_NEVER), "" },
    { rfm_segment_name(RFM_IMPORTANT_VALUE), "重要价值客户" },
    { rfm_segment_name(RFM_GENERAL_RETAIN), "一般挽留客户" },
    { rfm_segment_name(RFM_NONE), "" },
  };
  for (size_t i = 0; i < N(n); i++) assert_string_equal(n[i].got, n[i].want);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_abc_pareto),
    cmocka_unit_test(test_abc_tie_at_cut),
    cmocka_unit_test(test_abc_edges),
    cmocka_unit_test(test_life_stages),
    cmocka_unit_test(test_life_edges),
    cmocka_unit_test(test_sleep_histories),
    cmocka_unit_test(test_sleep_edges),
    cmocka_unit_test(test_rfm_population),
    cmocka_unit_test(test_rfm_ties),
    cmocka_unit_test(test_rfm_segments),
    cmocka_unit_test(test_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
