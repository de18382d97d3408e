#ifndef KEHU_WORKCAL_H
#define KEHU_WORKCAL_H
/* The working calendar of the complaint clocks (schema/042, docs/sla-clock.md):
 * which weekdays are worked, the working hours of such a day (one or more
 * spans: 08:30-12:00 13:30-17:30), holidays (dates off) and 调休 days
 * (weekend dates that are worked). Pure: no database, no clock; times are
 * seconds since 1970-01-01 00:00 on China's wall clock (+08:00, no daylight
 * saving), so a day is always 86,400 seconds. Unit-tested in
 * tests/unit/test_workcal.c. */
#include <stddef.h>

#define WORKCAL_SPANS 8      /* working spans per day */
#define WORKCAL_DAYS 512     /* holidays, and 调休 days, each */
#define WORKCAL_HOURS_MAX 120 /* characters of the hours text */

struct workcal_span { int start, end; };   /* seconds of the day, start < end */

struct workcal {
  unsigned weekdays;         /* bit 0 Monday ... bit 6 Sunday */
  int nspans;
  struct workcal_span spans[WORKCAL_SPANS]; /* ascending, not touching */
  int nholidays, nworkdays;
  long holidays[WORKCAL_DAYS];  /* day numbers (days since 1970-01-01), ascending */
  long workdays[WORKCAL_DAYS];
  int first_minutes;         /* the first-response promise, business minutes */
  int resolve_minutes;       /* the resolution promise, business minutes */
};

enum workcal_bad {
  WORKCAL_OK = 0,
  WORKCAL_SHAPE,             /* not HH:MM-HH:MM */
  WORKCAL_ORDER,             /* a span ends before it starts, or spans overlap */
  WORKCAL_TOO_MANY,
  WORKCAL_EMPTY,
};

/* "08:30-12:00 13:30-17:30" (separated by spaces, commas or 、; '-', '~'
 * or '–' inside a span; 24:00 ends a day) into c->spans, sorted. */
enum workcal_bad workcal_parse_hours(const char *s, struct workcal *c);
/* The spans back as text, "08:30-12:00 13:30-17:30". */
void workcal_format_hours(const struct workcal *c, char *out, size_t n);
/* "12345" (digits 1-7, Monday 1) as the weekdays bit set; -1 if bad. */
int workcal_parse_weekdays(const char *s);

/* One line of a holiday or 调休 list: "YYYY-MM-DD" and an optional note
 * after a space. *day the day number; note points into line (may be "").
 * Returns 0 if the line's shape is wrong. */
int workcal_parse_day_line(const char *line, long *day, const char **note);
/* Adds a day to a sorted list (no duplicate); 0 when the list is full. */
int workcal_add_day(long *days, int *n, long day);

/* Day numbers and times. */
long workcal_day_number(int y, int m, int d);
void workcal_civil(long day, int *y, int *m, int *d);
int workcal_weekday(long day);     /* 1 Monday ... 7 Sunday */
/* "YYYY-MM-DD HH:MM[:SS]" (or a date alone) as seconds; -1 if bad. */
long long workcal_time(const char *s);
/* Seconds as "YYYY-MM-DD HH:MM:SS". */
void workcal_format(long long t, char *out, size_t n);

/* Minutes as hours to a tenth, whole hours without ".0": "8", "7.5"
 * (the sign dropped). */
void workcal_hours_text(long long minutes, char *out, size_t n);

int workcal_is_workday(const struct workcal *c, long day);
/* Working seconds in [from, to); 0 when to <= from. */
long long workcal_between(const struct workcal *c, long long from, long long to);
/* The moment at which `secs` working seconds after `from` have passed (a
 * promise made at 17:00 on a Friday for one hour falls on Monday at
 * 09:00 with the hours above); -1 when the calendar has no working time
 * within ten years. */
long long workcal_add(const struct workcal *c, long long from, long long secs);
#endif
