#ifndef KEHU_COMPLAINT_PUBLIC_RULES_H
#define KEHU_COMPLAINT_PUBLIC_RULES_H
/* The public complaint form's pure rules, unit-tested in
 * tests/unit/test_complaint_public_rules.c (which includes rules.c). */
#include "core/files.h"   /* attachment_type, file_name_clean */
#include <stddef.h>

/* The 7-day return window (消费者保护法: within 7 days of the purchase
 * day, packaging intact). A bit per condition that failed, so the receipt
 * can say which; 0 means inside the window. */
enum {
  RW_INSIDE = 0,
  RW_TOO_LATE = 1 << 0,        /* bought more than 7 days before submitting */
  RW_OPENED = 1 << 1,          /* packaging not intact */
  RW_UNKNOWN = 1 << 2,         /* purchase date or packaging not given */
};
#define RETURN_WINDOW_DAYS 7

/* purchase, submitted: YYYY-MM-DD (China dates); packaging: 1 intact,
 * 0 not, -1 not said. */
int return_window(const char *purchase, const char *submitted, int packaging);

/* Days from 1970-01-01 to a valid YYYY-MM-DD. */
long days_of_date(const char *ymd);

/* 1 when the phone number `given` has the same digits as `stored`
 * (separators ignored), at least PHONE_MIN_DIGITS of them; compared in
 * constant time. The status lookup's proof beside the tracking number. */
#define PHONE_MIN_DIGITS 7
int phone_matches(const char *stored, const char *given);

/* Normalises a typed tracking number in place (trim, upper case) and
 * returns 1 when it has the shape TSyyyymmdd-NNNN (4 to 7 digits). */
int tracking_no_normalise(char *s);

#endif
