#ifndef KEHU_MONTHS_H
#define KEHU_MONTHS_H
/* Planned months of a support-plan measure as a bit set: bit (m - 1) for
 * month m, 1-12 (support_plan_items.months). Pure; unit-tested in
 * tests/unit/test_months.c. */
#include <stddef.h>

#define MONTHS_ALL 0xfffu

/* The set from a form's twelve check boxes m1..m12 (flags[m - 1]: NULL
 * or "" unchecked, "1" checked); 0 when a box sent anything else. */
int months_from_flags(const char *const flags[12], unsigned *mask);
/* "3,4,9" or "3-5, 9" (commas, spaces, ranges; also the full-width comma)
 * into *mask; 0 when the text names anything but months 1-12. "" is an
 * empty set. The inverse of months_format. */
int months_parse(const char *s, unsigned *mask);
/* The set as text with ranges, "3-5, 9" ("" for none). */
void months_format(unsigned mask, char *out, size_t n);
/* The first planned month at or after `from` (1-12), 0 when none. */
int months_next(unsigned mask, int from);
/* How many months are planned. */
int months_count(unsigned mask);
#endif
