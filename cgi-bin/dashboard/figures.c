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

int dash_growth(double cur, double prev, double *pct)
{
  if (!(prev > 0)) return 0;
  *pct = (cur - prev) * 100.0 / prev;
  return 1;
}

int dash_share(double num, double den, double *pct)
{
  if (!(den > 0)) return 0;
  *pct = num * 100.0 / den;
  return 1;
}

void dash_pct_text(double pct, char *out, size_t n)
{
  /* Tenths, rounded half away from zero; the tiny bias absorbs binary
   * representation (12.35 is stored as 12.3499...). */
  double t = pct * 10.0;
  long long k = (long long)(t < 0 ? t - 0.5 - 1e-9 : t + 0.5 + 1e-9);
  long long a = k < 0 ? -k : k;
  snprintf(out, n, "%s%lld.%lld", k < 0 ? "-" : "", a / 10, a % 10);
}
