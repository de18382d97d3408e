#ifndef KEHU_CLOCK_H
#define KEHU_CLOCK_H
/* The time in China (+08:00, no daylight saving), the database's clock
 * (conf/my.cnf.in): dates typed and shown are China dates wherever the
 * server runs. */
#include <stddef.h>
#include <time.h>

/* Now, broken down as China's wall clock. */
struct tm china_now(void);
/* Now in China formatted by strftime's fmt, e.g. "%Y-%m-%d". */
void china_format(const char *fmt, char *out, size_t n);
#endif
