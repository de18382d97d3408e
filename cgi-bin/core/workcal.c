#include "core/workcal.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAY 86400L
/* Ten years: a calendar with no working time at all gives up here rather
 * than looping for ever (the settings form refuses one anyway). */
#define DAYS_MAX 3660L

/* Days from civil and back, for the proleptic Gregorian calendar (the
 * well-known era arithmetic): no timegm, no time zone. */
long workcal_day_number(int y, int m, int d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void workcal_civil(long day, int *y, int *m, int *d)
{
  day += 719468;
  long era = (day >= 0 ? day : day - 146096) / 146097;
  long doe = day - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

int workcal_weekday(long day)
{
  /* 1970-01-01 was a Thursday. */
  long w = (day + 3) % 7;
  if (w < 0) w += 7;
  return (int)w + 1;
}

static int digits(const char *s, int n, int *out)
{
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return 1;
}

static int days_in_month(int y, int m)
{
  static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : dm[m - 1];
}

/* YYYY-MM-DD at s: the day number, or 0 (and *ok 0) when it is no date. */
static long read_date(const char *s, int *ok)
{
  int y, m, d;
  *ok = digits(s, 4, &y) && s[4] == '-' && digits(s + 5, 2, &m) && s[7] == '-' &&
        digits(s + 8, 2, &d) && y >= 1970 && m >= 1 && m <= 12 && d >= 1 &&
        d <= days_in_month(y, m);
  return *ok ? workcal_day_number(y, m, d) : 0;
}

long long workcal_time(const char *s)
{
  int ok, hh = 0, mm = 0, ss = 0;
  if (!s) return -1;
  long day = read_date(s, &ok);
  if (!ok) return -1;
  if (s[10]) {
    if (s[10] != ' ' && s[10] != 'T') return -1;
    if (!digits(s + 11, 2, &hh) || s[13] != ':' || !digits(s + 14, 2, &mm)) return -1;
    if (s[16] == ':' && !digits(s + 17, 2, &ss)) return -1;
    if (s[16] && s[16] != ':') return -1;
    if (hh > 23 || mm > 59 || ss > 59) return -1;
  }
  return (long long)day * DAY + hh * 3600 + mm * 60 + ss;
}

void workcal_format(long long t, char *out, size_t n)
{
  long day = (long)(t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY));
  long s = (long)(t - (long long)day * DAY);
  int y, m, d;
  workcal_civil(day, &y, &m, &d);
  snprintf(out, n, "%04d-%02d-%02d %02ld:%02ld:%02ld", y, m, d, s / 3600, s / 60 % 60, s % 60);
}

int workcal_parse_weekdays(const char *s)
{
  unsigned bits = 0;
  for (; s && *s; s++) {
    if (*s < '1' || *s > '7') return -1;
    bits |= 1u << (*s - '1');
  }
  return (int)bits;
}

/* HH:MM at *p (24:00 allowed: the end of the day), moving *p past it. */
static int read_clock(const char **p, int *secs)
{
  int hh, mm;
  const char *s = *p;
  int one = s[1] == ':';     /* 8:30 as well as 08:30 */
  if (one ? !digits(s, 1, &hh) : !digits(s, 2, &hh)) return 0;
  s += one ? 1 : 2;
  if (*s != ':' || !digits(s + 1, 2, &mm) || mm > 59 || hh > 24 || (hh == 24 && mm)) return 0;
  *secs = hh * 3600 + mm * 60;
  *p = s + 3;
  return 1;
}

/* Separators between spans: ASCII space, tab, comma, and the Chinese
 * comma and enumeration comma (UTF-8). */
static size_t separator(const char *s)
{
  if (*s == ' ' || *s == ',' || *s == '\t' || *s == ';') return 1;
  if (!strncmp(s, "，", strlen("，"))) return strlen("，");
  if (!strncmp(s, "、", strlen("、"))) return strlen("、");
  if (!strncmp(s, "；", strlen("；"))) return strlen("；");
  return 0;
}

static size_t dash(const char *s)
{
  if (*s == '-' || *s == '~') return 1;
  if (!strncmp(s, "–", strlen("–"))) return strlen("–");
  if (!strncmp(s, "～", strlen("～"))) return strlen("～");
  if (!strncmp(s, "—", strlen("—"))) return strlen("—");
  return 0;
}

static int by_start(const void *a, const void *b)
{
  const struct workcal_span *x = a, *y = b;
  return (x->start > y->start) - (x->start < y->start);
}

enum workcal_bad workcal_parse_hours(const char *s, struct workcal *c)
{
  int n = 0;
  struct workcal_span spans[WORKCAL_SPANS];
  const char *p = s ? s : "";
  for (;;) {
    size_t k;
    while ((k = separator(p))) p += k;
    if (!*p) break;
    if (n == WORKCAL_SPANS) return WORKCAL_TOO_MANY;
    if (!read_clock(&p, &spans[n].start)) return WORKCAL_SHAPE;
    while (*p == ' ') p++;
    if (!(k = dash(p))) return WORKCAL_SHAPE;
    p += k;
    while (*p == ' ') p++;
    if (!read_clock(&p, &spans[n].end)) return WORKCAL_SHAPE;
    if (*p && !separator(p)) return WORKCAL_SHAPE;
    if (spans[n].end <= spans[n].start || spans[n].start >= (int)DAY) return WORKCAL_ORDER;
    n++;
  }
  if (!n) return WORKCAL_EMPTY;
  qsort(spans, (size_t)n, sizeof spans[0], by_start);
  for (int i = 1; i < n; i++)
    if (spans[i].start < spans[i - 1].end) return WORKCAL_ORDER;
  memcpy(c->spans, spans, sizeof spans[0] * (size_t)n);
  c->nspans = n;
  return WORKCAL_OK;
}

void workcal_format_hours(const struct workcal *c, char *out, size_t n)
{
  size_t at = 0;
  if (n) out[0] = '\0';
  for (int i = 0; i < c->nspans && at < n; i++) {
    int w = snprintf(out + at, n - at, "%s%02d:%02d-%02d:%02d", i ? " " : "",
                     c->spans[i].start / 3600, c->spans[i].start / 60 % 60,
                     c->spans[i].end / 3600, c->spans[i].end / 60 % 60);
    if (w < 0) break;
    at += (size_t)w;
  }
}

int workcal_parse_day_line(const char *line, long *day, const char **note)
{
  int ok;
  *day = read_date(line, &ok);
  if (!ok) return 0;
  const char *p = line + 10;
  if (*p && *p != ' ' && *p != '\t') return 0;
  while (*p == ' ' || *p == '\t') p++;
  *note = p;
  return 1;
}

static int find_day(const long *days, int n, long day, int *at)
{
  int lo = 0, hi = n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  *at = lo;
  return lo < n && days[lo] == day;
}

int workcal_add_day(long *days, int *n, long day)
{
  int at;
  if (find_day(days, *n, day, &at)) return 1;
  if (*n >= WORKCAL_DAYS) return 0;
  memmove(days + at + 1, days + at, sizeof days[0] * (size_t)(*n - at));
  days[at] = day;
  (*n)++;
  return 1;
}

void workcal_hours_text(long long minutes, char *out, size_t n)
{
  if (minutes < 0) minutes = -minutes;
  long long tenths = (minutes + 3) / 6;
  if (tenths % 10) snprintf(out, n, "%lld.%lld", tenths / 10, tenths % 10);
  else snprintf(out, n, "%lld", tenths / 10);
}

int workcal_is_workday(const struct workcal *c, long day)
{
  int at;
  /* A date on both lists is a holiday: being off is the safer reading. */
  if (find_day(c->holidays, c->nholidays, day, &at)) return 0;
  if (find_day(c->workdays, c->nworkdays, day, &at)) return 1;
  return (c->weekdays >> (workcal_weekday(day) - 1)) & 1;
}

static long day_of(long long t)
{
  return (long)(t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY));
}

long long workcal_between(const struct workcal *c, long long from, long long to)
{
  if (to <= from) return 0;
  long long total = 0;
  long first = day_of(from), last = day_of(to - 1);
  for (long d = first; d <= last; d++) {
    if (!workcal_is_workday(c, d)) continue;
    long long base = (long long)d * DAY;
    for (int i = 0; i < c->nspans; i++) {
      long long a = base + c->spans[i].start, b = base + c->spans[i].end;
      if (a < from) a = from;
      if (b > to) b = to;
      if (b > a) total += b - a;
    }
  }
  return total;
}

long long workcal_add(const struct workcal *c, long long from, long long secs)
{
  if (secs <= 0) return from;
  long first = day_of(from);
  for (long d = first; d < first + DAYS_MAX; d++) {
    if (!workcal_is_workday(c, d)) continue;
    long long base = (long long)d * DAY;
    for (int i = 0; i < c->nspans; i++) {
      long long a = base + c->spans[i].start, b = base + c->spans[i].end;
      if (a < from) a = from;
      if (b <= a) continue;
      if (b - a >= secs) return a + secs;
      secs -= b - a;
    }
  }
  return -1;
}
