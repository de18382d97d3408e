#ifndef KEHU_FORMAT_H
#define KEHU_FORMAT_H
/* Number formatting for screens, also registered as template functions. */
#include <ClearSilver.h>
#include <stddef.h>

/* "1234567.5" -> "1,234,567.50"; anything unparsable is copied as is. */
void format_money(const char *in, char *out, size_t n);
/* Cents of an amount ("1234.5", "-3", a stored DECIMAL). Whatever the
 * text, nothing overflows: integer digits past the fifteenth are not read
 * (no valid amount, see valid_amount, nor stored DECIMAL has them), and
 * reading stops at the first character that is not part of an amount. */
long long money_cents(const char *s);
/* "1234.50" (or "-3.00") into out. */
void cents_text(long long cents, char *out, size_t n);
/* ClearSilver string function `money(x)`. */
NEOERR *format_money_strfunc(const char *in, char **out);

/* Change of cur over prev in per cent; 0 (no figure) when prev <= 0. */
int pct_change(double cur, double prev, double *pct);
/* num as a per cent of den; 0 (no figure) when den <= 0. */
int pct_share(double num, double den, double *pct);
/* A per cent with one decimal, as the database's ROUND(x, 1) gives it
 * (halves away from zero): "12.3", "-4.0". */
void pct_text(double pct, char *out, size_t n);
/* row.key = row.part per cent of row.whole (pct_text), left out without a
 * whole; with over_key, row.over_key = 1 above 100%. pct_share_rows: the
 * same for each child of rows (NULL: none). */
NEOERR *pct_share_set(HDF *row, const char *part, const char *whole, const char *key,
                      const char *over_key);
NEOERR *pct_share_rows(HDF *rows, const char *part, const char *whole, const char *key,
                       const char *over_key);

/* How long something has waited, in its largest whole unit: 'd' (days),
 * 'h' (hours) or 'm' (minutes), the count in *n ("3 天", not "3天 4小时":
 * a list of waits is read at a glance). A negative span (clocks apart) is
 * 0 minutes. */
char span_unit(long long minutes, long long *n);

/* A count and its unit as each language writes them: a unit in Latin
 * letters stands apart from the number ("0 min", "3 d"), a Chinese one
 * does not ("0分钟", "3天"). */
void format_count(long long v, const char *unit, char *out, size_t n);
#endif
