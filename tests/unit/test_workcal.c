/* Unit tests for the complaint clocks' working calendar (cgi-bin/core/
 * workcal.c): spans, the lunch break, overnight, weekends, holidays, 调休
 * days, and a pause across days. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/workcal.h"

#define H 3600LL
#define M 60LL

/* Monday to Friday, 08:30-12:00 and 13:30-17:30 (7.5 h a day). */
static struct workcal office(void)
{
  struct workcal c;
  memset(&c, 0, sizeof c);
  c.weekdays = (unsigned)workcal_parse_weekdays("12345");
  assert_int_equal(workcal_parse_hours("08:30-12:00, 13:30-17:30", &c), WORKCAL_OK);
  return c;
}

static long long at(const char *s)
{
  long long t = workcal_time(s);
  assert_true(t >= 0);
  return t;
}

static void assert_time(long long t, const char *want)
{
  char got[32];
  workcal_format(t, got, sizeof got);
  assert_string_equal(got, want);
}

static void test_dates(void **state)
{
  (void)state;
  assert_int_equal(workcal_day_number(1970, 1, 1), 0);
  assert_int_equal(workcal_weekday(0), 4);                      /* a Thursday */
  assert_int_equal(workcal_weekday(workcal_day_number(2026, 12, 4)), 5);   /* Friday */
  assert_int_equal(workcal_weekday(workcal_day_number(2024, 2, 29)), 4);
  int y, m, d;
  workcal_civil(workcal_day_number(2028, 2, 29), &y, &m, &d);
  assert_true(y == 2028 && m == 2 && d == 29);
  assert_time(at("2026-12-04 17:00"), "2026-12-04 17:00:00");
  assert_time(at("2026-12-31 23:59:59") + 1, "2027-01-01 00:00:00");
  assert_true(workcal_time("2026-02-29 10:00") < 0);
  assert_true(workcal_time("2026-12-04 24:00") < 0);
  assert_true(workcal_time("2026-12-4") < 0);
  assert_true(workcal_time("") < 0);
}

static void test_parse_hours(void **state)
{
  (void)state;
  struct workcal c;
  memset(&c, 0, sizeof c);
  char text[80];
  /* any order, Chinese commas, 8:30 without its zero, 24:00 */
  assert_int_equal(workcal_parse_hours("13:30～17:30、8:30-12:00，19:00 - 24:00", &c), WORKCAL_OK);
  assert_int_equal(c.nspans, 3);
  workcal_format_hours(&c, text, sizeof text);
  assert_string_equal(text, "08:30-12:00 13:30-17:30 19:00-24:00");
  assert_int_equal(workcal_parse_hours("", &c), WORKCAL_EMPTY);
  assert_int_equal(workcal_parse_hours("08:30", &c), WORKCAL_SHAPE);
  assert_int_equal(workcal_parse_hours("8.30-12.00", &c), WORKCAL_SHAPE);
  assert_int_equal(workcal_parse_hours("08:30-12:00x", &c), WORKCAL_SHAPE);
  assert_int_equal(workcal_parse_hours("08:30-25:00", &c), WORKCAL_SHAPE);
  assert_int_equal(workcal_parse_hours("12:00-08:30", &c), WORKCAL_ORDER);
  assert_int_equal(workcal_parse_hours("08:30-12:00 11:00-17:30", &c), WORKCAL_ORDER);
  assert_int_equal(workcal_parse_hours("1:00-2:00 3:00-4:00 5:00-6:00 7:00-8:00 9:00-10:00"
                                       " 11:00-12:00 13:00-14:00 15:00-16:00 17:00-18:00", &c),
                   WORKCAL_TOO_MANY);
  /* a failed parse leaves the spans as they were */
  assert_int_equal(c.nspans, 3);
  assert_int_equal(workcal_parse_weekdays("135"), 1 | 4 | 16);
  assert_int_equal(workcal_parse_weekdays("8"), -1);
}

static void test_day_lines(void **state)
{
  (void)state;
  long day, days[4];
  int n = 0;
  const char *note;
  assert_true(workcal_parse_day_line("2026-10-01 国庆节", &day, &note));
  assert_int_equal(day, workcal_day_number(2026, 10, 1));
  assert_string_equal(note, "国庆节");
  assert_true(workcal_parse_day_line("2026-10-08", &day, &note));
  assert_string_equal(note, "");
  assert_false(workcal_parse_day_line("2026-10-1", &day, &note));
  assert_false(workcal_parse_day_line("2026-10-01x", &day, &note));
  assert_false(workcal_parse_day_line("2026-13-01", &day, &note));
  assert_true(workcal_add_day(days, &n, 30));
  assert_true(workcal_add_day(days, &n, 10));
  assert_true(workcal_add_day(days, &n, 20));
  assert_true(workcal_add_day(days, &n, 20));
  assert_int_equal(n, 3);
  assert_true(days[0] == 10 && days[1] == 20 && days[2] == 30);
}

/* Inside one span, across the lunch break, from before the day starts. */
static void test_spans_and_lunch(void **state)
{
  (void)state;
  struct workcal c = office();
  assert_int_equal(workcal_between(&c, at("2026-12-07 09:00"), at("2026-12-07 10:00")), 1 * H);
  assert_int_equal(workcal_between(&c, at("2026-12-07 11:00"), at("2026-12-07 14:00")),
                   90 * M);
  assert_int_equal(workcal_between(&c, at("2026-12-07 00:00"), at("2026-12-08 00:00")),
                   450 * M);
  assert_int_equal(workcal_between(&c, at("2026-12-07 12:30"), at("2026-12-07 13:00")), 0);
  assert_int_equal(workcal_between(&c, at("2026-12-07 10:00"), at("2026-12-07 09:00")), 0);
  assert_time(workcal_add(&c, at("2026-12-07 11:00"), 2 * H), "2026-12-07 14:30:00");
  /* ending exactly at noon is noon, not after lunch */
  assert_time(workcal_add(&c, at("2026-12-07 11:00"), 1 * H), "2026-12-07 12:00:00");
  /* received in the lunch break: the clock starts at 13:30 */
  assert_time(workcal_add(&c, at("2026-12-07 12:15"), 30 * M), "2026-12-07 14:00:00");
  /* received before opening */
  assert_time(workcal_add(&c, at("2026-12-07 06:00"), 30 * M), "2026-12-07 09:00:00");
  assert_time(workcal_add(&c, at("2026-12-07 06:00"), 0), "2026-12-07 06:00:00");
}

/* A Tuesday evening's complaint for 8 working hours: all of Wednesday
 * (7.5 h) and half an hour on Thursday. */
static void test_overnight(void **state)
{
  (void)state;
  struct workcal c = office();
  long long t = workcal_add(&c, at("2026-12-08 20:00"), 8 * H);
  assert_time(t, "2026-12-10 09:00:00");
  assert_int_equal(workcal_between(&c, at("2026-12-08 20:00"), t), 8 * H);
  /* a night span written as two halves of the day */
  struct workcal night = office();
  assert_int_equal(workcal_parse_hours("00:00-06:00 22:00-24:00", &night), WORKCAL_OK);
  night.weekdays = 0x7f;
  assert_time(workcal_add(&night, at("2026-12-08 23:00"), 2 * H), "2026-12-09 01:00:00");
}

/* Friday 17:00 with 8 h: 30 min on Friday, Monday's 7.5 h. */
static void test_weekend(void **state)
{
  (void)state;
  struct workcal c = office();
  assert_time(workcal_add(&c, at("2026-12-04 17:00"), 8 * H), "2026-12-07 17:30:00");
  assert_time(workcal_add(&c, at("2026-12-04 17:00"), 1 * H), "2026-12-07 09:00:00");
  assert_int_equal(workcal_between(&c, at("2026-12-04 17:00"), at("2026-12-07 09:00")), 1 * H);
  /* received on Saturday: the clock starts on Monday */
  assert_time(workcal_add(&c, at("2026-12-05 10:00"), 30 * M), "2026-12-07 09:00:00");
}

/* Monday 2026-12-07 a holiday: Friday's promise moves to Tuesday. */
static void test_holiday(void **state)
{
  (void)state;
  struct workcal c = office();
  assert_true(workcal_add_day(c.holidays, &c.nholidays, workcal_day_number(2026, 12, 7)));
  assert_false(workcal_is_workday(&c, workcal_day_number(2026, 12, 7)));
  assert_time(workcal_add(&c, at("2026-12-04 17:00"), 1 * H), "2026-12-08 09:00:00");
  assert_int_equal(workcal_between(&c, at("2026-12-04 17:00"), at("2026-12-08 09:00")), 1 * H);
}

/* 调休: Saturday 2026-12-05 is worked. */
static void test_extra_workday(void **state)
{
  (void)state;
  struct workcal c = office();
  assert_true(workcal_add_day(c.workdays, &c.nworkdays, workcal_day_number(2026, 12, 5)));
  assert_true(workcal_is_workday(&c, workcal_day_number(2026, 12, 5)));
  assert_time(workcal_add(&c, at("2026-12-04 17:00"), 1 * H), "2026-12-05 09:00:00");
  /* on both lists a day is off */
  assert_true(workcal_add_day(c.holidays, &c.nholidays, workcal_day_number(2026, 12, 5)));
  assert_time(workcal_add(&c, at("2026-12-04 17:00"), 1 * H), "2026-12-07 09:00:00");
}

/* The due time moves by the working time spent waiting for the customer:
 * received Monday 09:00 with 16 h; waiting from Tuesday 16:00 to Thursday
 * 10:00 (1.5 h + 7.5 h + 1.5 h = 10.5 h paused). */
static void test_pause_across_days(void **state)
{
  (void)state;
  struct workcal c = office();
  long long received = at("2026-12-07 09:00");
  long long due = workcal_add(&c, received, 16 * H);
  assert_time(due, "2026-12-09 10:00:00");
  long long paused = workcal_between(&c, at("2026-12-08 16:00"), at("2026-12-10 10:00"));
  assert_int_equal(paused, 10 * H + 30 * M);
  long long moved = workcal_add(&c, due, paused);
  assert_time(moved, "2026-12-10 14:30:00");
  /* the same as the promise counted from receipt with the pause added */
  assert_int_equal(moved, workcal_add(&c, received, 16 * H + paused));
  /* and the working time elapsed, less the pause, is the promise */
  assert_int_equal(workcal_between(&c, received, moved) - paused, 16 * H);
}

static void test_no_working_time(void **state)
{
  (void)state;
  struct workcal c = office();
  c.weekdays = 0;
  assert_true(workcal_add(&c, at("2026-12-04 17:00"), 1 * H) < 0);
  assert_int_equal(workcal_between(&c, at("2026-12-01 00:00"), at("2026-12-31 00:00")), 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_dates),
    cmocka_unit_test(test_parse_hours),
    cmocka_unit_test(test_day_lines),
    cmocka_unit_test(test_spans_and_lunch),
    cmocka_unit_test(test_overnight),
    cmocka_unit_test(test_weekend),
    cmocka_unit_test(test_holiday),
    cmocka_unit_test(test_extra_workday),
    cmocka_unit_test(test_pause_across_days),
    cmocka_unit_test(test_no_working_time),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
