#include "complaint_public/rules.h"
#include <ctype.h>
#include <sodium.h>
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

/* Up to n-1 digits of a phone number, separators dropped. */
static size_t phone_digits(const char *phone, char *out, size_t n)
{
  size_t k = 0;
  for (const char *p = phone ? phone : ""; *p && k + 1 < n; p++)
    if (isdigit((unsigned char)*p)) out[k++] = *p;
  out[k] = '\0';
  return k;
}

int phone_matches(const char *stored, const char *given)
{
  char a[40], b[40];
  unsigned char ha[crypto_hash_sha256_BYTES], hb[crypto_hash_sha256_BYTES];
  size_t na = phone_digits(stored, a, sizeof a), nb = phone_digits(given, b, sizeof b);
  /* Compared as hashes: equal lengths whatever was typed, and no early
   * exit at the first differing digit. */
  crypto_hash_sha256(ha, (const unsigned char *)a, na);
  crypto_hash_sha256(hb, (const unsigned char *)b, nb);
  return (sodium_memcmp(ha, hb, sizeof ha) == 0) & (na >= PHONE_MIN_DIGITS);
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
