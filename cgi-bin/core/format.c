#include "core/format.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void format_money(const char *in, char *out, size_t n)
{
  if (!in || !*in) in = "0";
  char *end;
  double v = strtod(in, &end);
  /* Only plain finite amounts are reformatted (below a quadrillion, more
   * than any ledger here holds); anything else is shown as stored. */
  if (*end || n < 32 || !isfinite(v) || fabs(v) >= 1e15) {
    snprintf(out, n, "%s", in);
    return;
  }
  char digits[64];
  snprintf(digits, sizeof digits, "%.2f", fabs(v));
  char *dot = strchr(digits, '.');
  size_t int_len = dot - digits, o = 0;
  if (v < 0 && strcmp(digits, "0.00") != 0) out[o++] = '-';
  for (size_t i = 0; i < int_len && o + 5 < n; i++) {
    if (i && (int_len - i) % 3 == 0) out[o++] = ',';
    out[o++] = digits[i];
  }
  snprintf(out + o, n - o, "%s", dot);
}

NEOERR *format_money_strfunc(const char *in, char **out)
{
  char buf[64];
  format_money(in, buf, sizeof buf);
  *out = strdup(buf);
  return *out ? STATUS_OK : nerr_raise(NERR_NOMEM, "money");
}

int pct_change(double cur, double prev, double *pct)
{
  if (!(prev > 0)) return 0;
  *pct = (cur - prev) * 100.0 / prev;
  return 1;
}

int pct_share(double num, double den, double *pct)
{
  if (!(den > 0)) return 0;
  *pct = num * 100.0 / den;
  return 1;
}

void pct_text(double pct, char *out, size_t n)
{
  /* Tenths, rounded half away from zero; the tiny bias absorbs binary
   * representation (12.35 is stored as 12.3499...). */
  double t = pct * 10.0;
  long long k = (long long)(t < 0 ? t - 0.5 - 1e-9 : t + 0.5 + 1e-9);
  long long a = k < 0 ? -k : k;
  snprintf(out, n, "%s%lld.%lld", k < 0 ? "-" : "", a / 10, a % 10);
}

/* Why here: the dashboard's support chart and the budget page both show
 * spend as a share of budget, from money columns read as text. */
NEOERR *pct_share_set(HDF *row, const char *part, const char *whole, const char *key,
                      const char *over_key)
{
  double pct;
  const char *p = hdf_get_value(row, part, NULL), *w = hdf_get_value(row, whole, NULL);
  if (!pct_share(p ? strtod(p, NULL) : 0, w ? strtod(w, NULL) : 0, &pct)) return STATUS_OK;
  char buf[32];
  pct_text(pct, buf, sizeof buf);
  NEOERR *err = hdf_set_value(row, key, buf);
  if (!err && over_key && pct > 100) err = hdf_set_value(row, over_key, "1");
  return nerr_pass(err);
}

NEOERR *pct_share_rows(HDF *rows, const char *part, const char *whole, const char *key,
                       const char *over_key)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = rows ? hdf_obj_child(rows) : NULL; row && !err; row = hdf_obj_next(row))
    err = pct_share_set(row, part, whole, key, over_key);
  return nerr_pass(err);
}

/* How long something has waited, in its largest whole unit (format.h). */
char span_unit(long long minutes, long long *n)
{
  if (minutes < 0) minutes = 0;
  if (minutes >= 1440) { *n = minutes / 1440; return 'd'; }
  if (minutes >= 60) { *n = minutes / 60; return 'h'; }
  *n = minutes;
  return 'm';
}

void format_count(long long v, const char *unit, char *out, size_t n)
{
  int latin = (unit[0] >= 'a' && unit[0] <= 'z') || (unit[0] >= 'A' && unit[0] <= 'Z');
  snprintf(out, n, "%lld%s%s", v, latin ? " " : "", unit);
}

long long money_cents(const char *s)
{
  if (!s) return 0;
  int neg = *s == '-';
  if (neg) s++;
  long long c = 0;
  int digits = 0;
  for (; *s >= '0' && *s <= '9'; s++)
    if (digits < 15 && (c || *s != '0')) {
      c = c * 10 + (*s - '0');
      digits++;
    }
  c *= 100;
  if (*s == '.') {
    if (s[1] >= '0' && s[1] <= '9') c += (s[1] - '0') * 10;
    if (s[1] && s[2] >= '0' && s[2] <= '9') c += s[2] - '0';
  }
  return neg ? -c : c;
}

void cents_text(long long cents, char *out, size_t n)
{
  long long a = cents < 0 ? -cents : cents;
  snprintf(out, n, "%s%lld.%02lld", cents < 0 ? "-" : "", a / 100, a % 100);
}
