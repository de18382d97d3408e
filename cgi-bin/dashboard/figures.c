#include "dashboard/figures.h"
#include <stdio.h>

const char *dash_sleep(long idle_days, int doze_days, int half_days, int deep_days)
{
  if (idle_days < 0) return "never";
  if (idle_days >= deep_days) return "deep";
  if (idle_days >= half_days) return "half";
  if (idle_days >= doze_days) return "doze";
  return "awake";
}

const char *dash_sleep_of(const char *state, long idle_days, int doze_days, int half_days,
                          int deep_days)
{
  static const char *const words[] = { "never", "awake", "doze", "half", "deep" };
  if (state && state[0] >= '0' && state[0] <= '4' && !state[1]) return words[state[0] - '0'];
  return dash_sleep(idle_days, doze_days, half_days, deep_days);
}
