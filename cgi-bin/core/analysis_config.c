/* The analysis settings' defaults and checks (analysis_config.h). The
 * ranges are what the rules accept (analysis_class.h) plus what a setting
 * can sensibly mean: a period of 1-36 months, a nightly time within the
 * day. */
#include "core/analysis_config.h"
#include <string.h>

void analysis_config_default(struct analysis_config *c)
{
  memset(c, 0, sizeof *c);
  c->period_months = 12;
  abc_settings_default(&c->abc);
  life_settings_default(&c->life);
  sleep_settings_default(&c->sleep);
  rfm_settings_default(&c->rfm);
  signal_settings_default(&c->signal);
  c->discount_bp = 1000;
  c->run_at_minutes = 150;
  c->version = 1;
}

static int within(long v, long lo, long hi)
{
  return v >= lo && v <= hi;
}

const char *analysis_config_invalid(const struct analysis_config *c)
{
  if (!within(c->period_months, 1, 36)) return "period_months";
  if (!within(c->abc.a_pct, 1, 99)) return "abc_a_pct";
  if (!within(c->abc.b_pct, 0, 99) || c->abc.a_pct + c->abc.b_pct > 100) return "abc_b_pct";
  if (!within(c->life.period_days, 1, 3660)) return "life_period_days";
  if (!within(c->life.periods_m, 1, 64)) return "life_periods_m";
  if (!within(c->life.periods_n, 1, c->life.periods_m)) return "life_periods_n";
  if (!within(c->sleep.default_interval_days, 1, 3660)) return "sleep_interval_days";
  if (!within(c->sleep.drowsy_pct, 1, 10000)) return "sleep_drowsy_pct";
  if (!within(c->sleep.half_pct, c->sleep.drowsy_pct, 10000)) return "sleep_half_pct";
  if (!within(c->sleep.dormant_pct, c->sleep.half_pct, 10000)) return "sleep_dormant_pct";
  if (!within(c->rfm.high_from, 1, 5)) return "rfm_high_from";
  if (!within(c->signal.window_days, 7, 730)) return "watch_window_days";
  if (!within(c->signal.late_rise_days, 1, 365)) return "watch_late_rise_days";
  if (!within(c->signal.order_drop_percent, 1, 100)) return "watch_order_drop_pct";
  if (!within(c->signal.min_complaints, 1, 100)) return "watch_min_complaints";
  if (!within(c->signal.worst_tail_percent, 1, 100)) return "worst_tail_pct";
  if (!within(c->discount_bp, 0, 10000)) return "discount_bp";
  if (!within(c->run_at_minutes, 0, 24 * 60 - 1)) return "run_at";
  return NULL;
}

const char *const analysis_config_names[ANALYSIS_CONFIG_FIELDS] = {
  "period_months", "abc_a_pct", "abc_b_pct", "life_period_days", "life_periods_n",
  "life_periods_m", "sleep_interval_days", "sleep_drowsy_pct", "sleep_half_pct",
  "sleep_dormant_pct", "rfm_high_from", "watch_window_days", "watch_late_rise_days",
  "watch_order_drop_pct", "watch_min_complaints", "worst_tail_pct", "discount_bp", "run_at",
};

/* One place that knows where each setting lives in the struct. */
#define FIELDS(X)                                                                                  \
  X(0, period_months, int) X(1, abc.a_pct, int) X(2, abc.b_pct, int)                               \
  X(3, life.period_days, int) X(4, life.periods_n, int) X(5, life.periods_m, int)                  \
  X(6, sleep.default_interval_days, int) X(7, sleep.drowsy_pct, int) X(8, sleep.half_pct, int)     \
  X(9, sleep.dormant_pct, int) X(10, rfm.high_from, int) X(11, signal.window_days, int32_t)        \
  X(12, signal.late_rise_days, int32_t) X(13, signal.order_drop_percent, unsigned)                 \
  X(14, signal.min_complaints, unsigned) X(15, signal.worst_tail_percent, unsigned)                \
  X(16, discount_bp, int) X(17, run_at_minutes, int)

long analysis_config_get(const struct analysis_config *c, int i)
{
  switch (i) {
#define GET(n, field, type) case n: return (long)c->field;
    FIELDS(GET)
#undef GET
  }
  return 0;
}

void analysis_config_set(struct analysis_config *c, int i, long v)
{
  switch (i) {
#define SET(n, field, type) case n: c->field = (type)v; break;
    FIELDS(SET)
#undef SET
  }
}
