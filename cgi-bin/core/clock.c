#include "core/clock.h"

struct tm china_now(void)
{
  time_t t = time(NULL) + 8 * 3600;
  struct tm tm;
  gmtime_r(&t, &tm);
  return tm;
}

void china_format(const char *fmt, char *out, size_t n)
{
  struct tm tm = china_now();
  if (n && !strftime(out, n, fmt, &tm)) out[0] = '\0';
}
