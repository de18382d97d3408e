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
