#include "core/date_in.h"
#include "core/validate.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Excel counts days from 1899-12-30 (its 1900 leap-year slip lies before
 * the range read here); 25569 is 1970-01-01. */
static int excel_serial(const char *v, struct tm *tm)
{
  size_t n = strlen(v);
  if (n < 5 || n > 6 || strspn(v, "0123456789") != n) return -1;   /* not a serial */
  long serial = atol(v);
  if (serial < 20000 || serial > 80000) return 0;
  time_t t = (time_t)(serial - 25569) * 86400;
  return gmtime_r(&t, tm) != NULL;
}

static int typed(const char *v, struct tm *tm)
{
  static const char *const forms[] = { "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d" };
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
    memset(tm, 0, sizeof *tm);
    const char *rest = strptime(v, forms[i], tm);
    if (!rest) continue;
    rest += strspn(rest, " \t");
    return !*rest || strcmp(rest, "日") == 0;
  }
  return 0;
}

int date_in(const char *v, char out[11])
{
  struct tm tm;
  memset(&tm, 0, sizeof tm);
  out[0] = '\0';
  int serial = excel_serial(v, &tm);
  if (serial == 0 || (serial < 0 && !typed(v, &tm))) return 0;
  int y = tm.tm_year + 1900, m = tm.tm_mon + 1, d = tm.tm_mday;
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  if (valid_date(out)) return 1;
  out[0] = '\0';
  return 0;
}
