#ifndef KEHU_FORMAT_H
#define KEHU_FORMAT_H
/* Number formatting for screens, also registered as template functions. */
#include <ClearSilver.h>
#include <stddef.h>

/* "1234567.5" -> "1,234,567.50"; anything unparsable is copied as is. */
void format_money(const char *in, char *out, size_t n);
/* ClearSilver string function `money(x)`. */
NEOERR *format_money_strfunc(const char *in, char **out);
#endif
