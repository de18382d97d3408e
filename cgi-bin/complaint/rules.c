#include "complaint/rules.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long days_of_date(const char *ymd)
{
  /* Civil-from-days inverted (proleptic Gregorian): March-based years
   * put the leap day last. */
  long y = atol(ymd), m = atol(ymd + 5), d = atol(ymd + 8);
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int return_window(const char *purchase, const char *submitted, int packaging)
{
  int out = RW_INSIDE;
  if (!purchase || !*purchase || packaging < 0) out |= RW_UNKNOWN;
  if (purchase && *purchase && submitted && *submitted &&
      days_of_date(submitted) - days_of_date(purchase) > RETURN_WINDOW_DAYS)
    out |= RW_TOO_LATE;
  if (packaging == 0) out |= RW_OPENED;
  return out;
}

int phone_last4_matches(const char *phone, const char *last4)
{
  if (!phone || !last4 || strlen(last4) != 4) return 0;
  for (int i = 0; i < 4; i++)
    if (!isdigit((unsigned char)last4[i])) return 0;
  char tail[4];
  int have = 0;
  for (const char *p = phone + strlen(phone); p > phone && have < 4;) {
    p--;
    if (isdigit((unsigned char)*p)) tail[3 - have++] = *p;
  }
  return have == 4 && memcmp(tail, last4, 4) == 0;
}

int valid_idem_key(const char *s)
{
  if (!s || strlen(s) != 32) return 0;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s) && !(*s >= 'a' && *s <= 'f')) return 0;
  return 1;
}

int tracking_no_normalise(char *s)
{
  char *p = s;
  while (isspace((unsigned char)*p)) p++;
  size_t n = strlen(p);
  while (n && isspace((unsigned char)p[n - 1])) n--;
  memmove(s, p, n);
  s[n] = '\0';
  for (char *c = s; *c; c++) *c = (char)toupper((unsigned char)*c);
  if (n < 15 || n > 18 || strncmp(s, "TS", 2) != 0 || s[10] != '-') return 0;
  for (size_t i = 2; i < n; i++)
    if (i != 10 && !isdigit((unsigned char)s[i])) return 0;
  return 1;
}
