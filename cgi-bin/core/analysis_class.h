#ifndef KEHU_ANALYSIS_CLASS_H
#define KEHU_ANALYSIS_CLASS_H
/* Customer classes computed from a customer's history (客户分析, issue 17):
 * ABC class, lifecycle stage, sleeper state and RFM scores. Pure: inputs
 * are plain arrays (days as day numbers, any fixed origin; money in
 * cents), outputs are enums and small structs. The rules and defaults are
 * written out for the pages in docs/analysis.md ("## Classes"); unit tests
 * with hand-worked histories in tests/unit/test_analysis_class.c. */
#include <stddef.h>
#include <stdint.h>

/* ---- ABC (大客户 / 一般客户 / 小客户), source 004 ----
 * Customers sorted by revenue over the period, largest first. A customer
 * is A when the revenue of the customers before it is below a_pct % of the
 * total (so the customer that crosses the line is still A: "the customers
 * that make the first 70 %"), B when it is below (a_pct + b_pct) %, C
 * otherwise. Ties: customers with equal revenue share one class, the one
 * of the first of them (the cut never splits a tie). Revenue <= 0 (no
 * purchase, or returns above purchases) is C: every customer has a class,
 * the many small ones included. All zero: all C. One customer with
 * revenue: A. */
enum abc_class { ABC_NONE = 0, ABC_A, ABC_B, ABC_C };

struct abc_settings {
  int a_pct;                    /* default 70 */
  int b_pct;                    /* default 20 (B: the next 20 %) */
};

void abc_settings_default(struct abc_settings *s);
/* out[i] for revenue[i]; 0 on invalid settings (percentages outside
 * 0..100 or summing above 100) or when out of memory, out untouched. */
int abc_assign(const int64_t *revenue, size_t n, const struct abc_settings *s,
               enum abc_class *out);
/* Screen name: "大客户", "一般客户", "小客户", "" for ABC_NONE. */
const char *abc_name(enum abc_class c);

/* ---- Lifecycle stage (目标客户 → 潜在客户 → 一次客户 → 忠诚客户), source 002 ----
 * Proposed from data, staff may override (not here):
 *   no contact and no purchase          目标客户 (target)
 *   contacted, no purchase              潜在客户 (potential)
 *   purchased, not loyal                一次客户 (one-time)
 *   purchases on at least 2 days, in at least N of the last M periods
 *                                       忠诚客户 (loyal)
 * Period k (k = 0 .. M-1) covers the days (today - (k+1)*len, today -
 * k*len]; purchases after today are ignored. A customer who bought
 * several times long ago but not in N recent periods is one-time: its
 * loyalty is no longer shown by data. */
enum life_stage { LIFE_TARGET = 0, LIFE_POTENTIAL, LIFE_ONE_TIME, LIFE_LOYAL };

struct life_settings {
  int period_days;              /* default 91 (a quarter) */
  int periods_n;                /* default 3 ... */
  int periods_m;                /* ... of the last 4 periods */
};

void life_settings_default(struct life_settings *s);
/* 0 unless period_days > 0 and 1 <= periods_n <= periods_m <= 64. */
int life_settings_valid(const struct life_settings *s);
/* purchase_days: the days of the customer's purchases, any order, repeats
 * allowed; contacts: how many contacts (visits, calls, meetings) are
 * logged. Invalid settings (check them once with life_settings_valid)
 * never propose LIFE_LOYAL. */
enum life_stage life_stage_of(const int *purchase_days, size_t n, size_t contacts,
                              int today, const struct life_settings *s);
const char *life_name(enum life_stage st);
/* Source 002's strategy for the stage, shown beside it on the file. */
const char *life_strategy(enum life_stage st);

/* ---- Sleepers (瞌睡 / 半睡 / 沉睡), source 001 ----
 * The customer's usual interval is the median gap in days between its
 * distinct purchase days (the mean of the two middle gaps, rounded down,
 * when their number is even); with fewer than 2 purchase days the
 * default interval. Days since the last purchase (d) against it:
 *   d >= dormant_pct % of the interval   沉睡 (dormant)
 *   d >= half_pct %                      半睡 (half-asleep)
 *   d >= drowsy_pct %                    瞌睡 (drowsy)
 *   otherwise                            awake
 * No purchase at all: SLEEP_NEVER (not a sleeper: a target or potential
 * customer). Purchases after today are ignored. */
enum sleep_state { SLEEP_NEVER = 0, SLEEP_AWAKE, SLEEP_DROWSY, SLEEP_HALF, SLEEP_DORMANT };

struct sleep_settings {
  int default_interval_days;    /* default 90 */
  int drowsy_pct;               /* default 150 (1.5 intervals) */
  int half_pct;                 /* default 250 */
  int dormant_pct;              /* default 400 */
};

struct sleep_result {
  enum sleep_state state;
  int interval_days;            /* the usual interval used */
  int days_since;               /* since the last purchase; -1 when none */
};

void sleep_settings_default(struct sleep_settings *s);
/* 0 when the thresholds are not 0 < drowsy <= half <= dormant or the
 * default interval is not positive. */
int sleep_settings_valid(const struct sleep_settings *s);
/* 0 on invalid settings or out of memory; *r filled otherwise. */
int sleep_state_of(const int *purchase_days, size_t n, int today,
                   const struct sleep_settings *s, struct sleep_result *r);
const char *sleep_name(enum sleep_state st);

/* ---- RFM scores and segments ----
 * The population is the customers with at least one purchase in the
 * period (frequency > 0); the others get scores 0 and RFM_NONE. Each of
 * recency (days since the last purchase, fewer is better), frequency
 * (purchases) and monetary (revenue in cents) scores 1-5 by quintile:
 * score = 1 + floor(5 * L / n), L the number of customers in the
 * population with a strictly worse value. Ties share the score of the
 * lowest of them, so equal values always score the same; the worst
 * value scores 1, the best of n distinct values 5 (when n >= 5).
 * Segment: each score is "high" when >= high_from (default 3), and the
 * three highs name one of eight segments (the usual RFM model). */
struct rfm_in {
  int recency_days;
  int frequency;
  int64_t monetary;
};

enum rfm_segment {
  RFM_NONE = 0,
  RFM_IMPORTANT_VALUE,          /* R F M high: 重要价值客户 */
  RFM_IMPORTANT_KEEP,           /* F M high, R low: 重要保持客户 (win back) */
  RFM_IMPORTANT_DEVELOP,        /* R M high, F low: 重要发展客户 */
  RFM_IMPORTANT_RETAIN,         /* M high only: 重要挽留客户 */
  RFM_GENERAL_VALUE,            /* R F high, M low: 一般价值客户 */
  RFM_GENERAL_KEEP,             /* F high only: 一般保持客户 */
  RFM_GENERAL_DEVELOP,          /* R high only: 一般发展客户 */
  RFM_GENERAL_RETAIN            /* all low: 一般挽留客户 */
};

struct rfm_score {
  int r, f, m;                  /* 1-5, 0 outside the population */
  enum rfm_segment segment;
};

struct rfm_settings {
  int high_from;                /* default 3 */
};

void rfm_settings_default(struct rfm_settings *s);
/* out[i] for in[i]; 0 on invalid settings (high_from outside 1..5) or
 * out of memory, out untouched. */
int rfm_score_all(const struct rfm_in *in, size_t n, const struct rfm_settings *s,
                  struct rfm_score *out);
/* The segment of one set of scores (RFM_NONE when any is 0). */
enum rfm_segment rfm_segment_of(int r, int f, int m, const struct rfm_settings *s);
const char *rfm_segment_name(enum rfm_segment seg);
#endif
