#ifndef KEHU_DASHBOARD_FIGURES_H
#define KEHU_DASHBOARD_FIGURES_H
/* The dashboard's arithmetic, pure (no database): unit-tested in
 * tests/unit/test_dashboard_figures.c. */
#include <stddef.h>

/* Sleep status (瞌睡 / 半睡 / 沉睡) of a dealer whose last purchase was
 * idle_days ago (idle_days < 0: never bought): "never", "deep" from
 * deep_days on, "half" from half_days, "doze" from doze_days, else "awake". */
const char *dash_sleep(long idle_days, int doze_days, int half_days, int deep_days);

/* Change of cur over prev in per cent; 0 (no figure) when prev <= 0. */
int dash_growth(double cur, double prev, double *pct);

/* num as a per cent of den; 0 (no figure) when den <= 0. */
int dash_share(double num, double den, double *pct);

/* A per cent with one decimal, as the database's ROUND(x, 1) gives it
 * (halves away from zero): "12.3", "-4.0". */
void dash_pct_text(double pct, char *out, size_t n);
#endif
