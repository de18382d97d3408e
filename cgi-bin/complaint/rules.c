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

const char *attachment_type(const unsigned char *h, size_t n)
{
  static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  if (n >= 3 && h[0] == 0xff && h[1] == 0xd8 && h[2] == 0xff) return "image/jpeg";
  if (n >= 8 && memcmp(h, png, 8) == 0) return "image/png";
  if (n >= 5 && memcmp(h, "%PDF-", 5) == 0) return "application/pdf";
  return NULL;
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

void attachment_name(const char *in, char *out, size_t n)
{
  const char *slash = strrchr(in, '/'), *bslash = strrchr(in, '\\');
  if (slash && (!bslash || slash > bslash)) in = slash + 1;
  else if (bslash) in = bslash + 1;
  size_t k = 0;
  for (const unsigned char *p = (const unsigned char *)in; *p;) {
    size_t len = *p < 0x80 ? 1 : *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
    if (k + len >= n) break;
    if (*p >= 0x20 && *p != 0x7f) {
      memcpy(out + k, p, len);
      k += len;
    }
    for (size_t i = 0; i < len && *p; i++) p++;
  }
  out[k] = '\0';
  if (k == 0) snprintf(out, n, "file");
}
