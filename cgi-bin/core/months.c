#include "core/months.h"
#include <stdio.h>
#include <string.h>

static const char *skip_sep(const char *s)
{
  for (;;) {
    if (*s == ' ' || *s == ',') s++;
    else if (strncmp(s, "\xEF\xBC\x8C", 3) == 0) s += 3;   /* ， */
    else return s;
  }
}

static int number(const char **s)
{
  int v = 0, digits = 0;
  while (**s >= '0' && **s <= '9' && digits < 3) v = v * 10 + (*(*s)++ - '0'), digits++;
  return digits && v >= 1 && v <= 12 ? v : 0;
}

int months_parse(const char *s, unsigned *mask)
{
  unsigned m = 0;
  for (s = skip_sep(s); *s; s = skip_sep(s)) {
    int a = number(&s), b = a;
    if (!a) return 0;
    if (*s == '-') {
      s++;
      if (!(b = number(&s)) || b < a) return 0;
    }
    if (*s && *s != ' ' && *s != ',' && strncmp(s, "\xEF\xBC\x8C", 3) != 0) return 0;
    for (int k = a; k <= b; k++) m |= 1u << (k - 1);
  }
  *mask = m;
  return 1;
}

int months_from_flags(const char *const flags[12], unsigned *mask)
{
  unsigned m = 0;
  for (int i = 0; i < 12; i++) {
    const char *f = flags[i];
    if (!f || !*f) continue;
    if (strcmp(f, "1") != 0) return 0;
    m |= 1u << i;
  }
  *mask = m;
  return 1;
}

void months_format(unsigned mask, char *out, size_t n)
{
  size_t k = 0;
  if (n) out[0] = '\0';
  for (int m = 1; m <= 12; m++) {
    if (!(mask & (1u << (m - 1)))) continue;
    int end = m;
    while (end < 12 && (mask & (1u << end))) end++;
    int w = end > m ? snprintf(out + k, n - k, "%s%d-%d", k ? ", " : "", m, end)
                    : snprintf(out + k, n - k, "%s%d", k ? ", " : "", m);
    if (w < 0 || (size_t)w >= n - k) return;
    k += (size_t)w;
    m = end;
  }
}

int months_next(unsigned mask, int from)
{
  for (int m = from < 1 ? 1 : from; m <= 12; m++)
    if (mask & (1u << (m - 1))) return m;
  return 0;
}

int months_count(unsigned mask)
{
  int c = 0;
  for (mask &= MONTHS_ALL; mask; mask &= mask - 1) c++;
  return c;
}
