#ifndef KEHU_DASHBOARD_FIGURES_H
#define KEHU_DASHBOARD_FIGURES_H
/* The dashboard's sleep status, pure (no database): unit-tested in
 * tests/unit/test_dashboard_figures.c. Per cents: core/format.h. */
#include <stddef.h>

/* Sleep status (瞌睡 / 半睡 / 沉睡) of a dealer whose last purchase was
 * idle_days ago (idle_days < 0: never bought): "never", "deep" from
 * deep_days on, "half" from half_days, "doze" from doze_days, else "awake". */
const char *dash_sleep(long idle_days, int doze_days, int half_days, int deep_days);

/* The sleep word of a dashboard row: the customer's own rhythm as the
 * analysis batch stored it (customer_analysis.sleep_state, text "0".."4":
 * never, awake, 瞌睡, 半睡, 沉睡) when the dealer has a row there; a dealer
 * the batch has not seen yet (new since the last run) falls back to the
 * fixed days of dash_sleep. */
const char *dash_sleep_of(const char *state, long idle_days, int doze_days, int half_days,
                          int deep_days);

#endif
