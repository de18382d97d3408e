/* The complaint clocks in business hours (schema/042, docs/sla-clock.md):
 * due times, the pause while the complaint waits for the customer, and
 * the business minutes to the first response and to resolution. The
 * arithmetic is core/workcal.c's; this file reads the row and stores what
 * moved. */
#include "db/complaint_clock.h"
#include "db/workcal.h"
#include "db/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The row is locked by the caller's transaction (FOR UPDATE again is
 * harmless and keeps kehu-sla's one-row transactions safe beside the
 * programs). */
static DB_STMT row = DB_STMT_INIT(
    "SELECT received_at, first_response_at, first_response_bmin, resolved_at, resolution_bmin,"
    " status, step, waiting_since, paused_minutes, first_response_due, resolution_due, NOW()"
    " FROM complaints WHERE id = ? FOR UPDATE");
static DB_STMT store = DB_STMT_INIT(
    "UPDATE complaints SET first_response_due = NULLIF(?, ''), resolution_due = NULLIF(?, ''),"
    " waiting_since = NULLIF(?, ''), paused_minutes = ?,"
    " first_response_bmin = NULLIF(?, -1), resolution_bmin = NULLIF(?, -1) WHERE id = ?");

struct clock {
  long long received, first, resolved, waiting, now, first_due, res_due;  /* -1: none */
  long long first_bmin, res_bmin, paused;                                  /* -1: none */
  int waits;                 /* the state that waits for the customer */
};

static long long opt_time(const char *s)
{
  return s && *s ? workcal_time(s) : -1;
}

static long long opt_int(const char *s)
{
  return s && *s ? strtoll(s, NULL, 10) : -1;
}

/* Business minutes from receipt to t, less the time waited before t. */
static long long elapsed(const struct workcal *cal, const struct clock *k, long long t)
{
  long long waited = k->paused * 60;
  if (k->waiting >= 0 && k->waiting < t) waited += workcal_between(cal, k->waiting, t);
  long long secs = workcal_between(cal, k->received, t) - waited;
  return secs > 0 ? secs / 60 : 0;
}

/* The moves, pure: what the row should hold now. */
static void advance(const struct workcal *cal, struct clock *k)
{
  if (k->first_due < 0) k->first_due = workcal_add(cal, k->received, cal->first_minutes * 60LL);
  if (k->res_due < 0) k->res_due = workcal_add(cal, k->received, cal->resolve_minutes * 60LL);
  if (k->first >= 0 && k->first_bmin < 0) k->first_bmin = elapsed(cal, k, k->first);
  if (k->resolved >= 0 && k->res_bmin < 0) k->res_bmin = elapsed(cal, k, k->resolved);
  if (k->waits && k->waiting < 0) {
    k->waiting = k->now;
  } else if (!k->waits && k->waiting >= 0) {
    /* Whole minutes waited; a promise not yet kept moves on by them. */
    long long mins = workcal_between(cal, k->waiting, k->now) / 60;
    k->paused += mins;
    if (k->first < 0 && k->first_due >= 0) k->first_due = workcal_add(cal, k->first_due, mins * 60);
    if (k->resolved < 0 && k->res_due >= 0) k->res_due = workcal_add(cal, k->res_due, mins * 60);
    k->waiting = -1;
  }
}

static void text(long long t, char *out, size_t n)
{
  if (t < 0) *out = '\0';
  else workcal_format(t, out, n);
}

NEOERR *db_complaint_clock(long long id)
{
  const struct workcal *cal;
  NEOERR *err = db_workcal(&cal);
  if (err) return nerr_pass(err);
  int more;
  if ((err = db_exec(&row, "i", id)) || (err = db_next(&row, &more)) || !more) {
    db_done(&row);
    return nerr_pass(err);
  }
  struct clock k = {
    .received = opt_time(db_str(&row, 0)), .first = opt_time(db_str(&row, 1)),
    .first_bmin = opt_int(db_str(&row, 2)), .resolved = opt_time(db_str(&row, 3)),
    .res_bmin = opt_int(db_str(&row, 4)),
    .waits = !strcmp(db_str(&row, 5), "open") && db_int(&row, 6) == 5,
    .waiting = opt_time(db_str(&row, 7)), .paused = db_int(&row, 8),
    .first_due = opt_time(db_str(&row, 9)), .res_due = opt_time(db_str(&row, 10)),
    .now = opt_time(db_str(&row, 11)),
  };
  db_done(&row);
  if (k.received < 0 || k.now < 0) return STATUS_OK;
  struct clock was = k;
  advance(cal, &k);
  /* Field by field: memcmp would also compare the struct's padding. */
  if (was.first_due == k.first_due && was.res_due == k.res_due && was.waiting == k.waiting &&
      was.paused == k.paused && was.first_bmin == k.first_bmin && was.res_bmin == k.res_bmin)
    return STATUS_OK;
  char first_due[24], res_due[24], waiting[24];
  text(k.first_due, first_due, sizeof first_due);
  text(k.res_due, res_due, sizeof res_due);
  text(k.waiting, waiting, sizeof waiting);
  return nerr_pass(db_exec(&store, "sssiiii", first_due, res_due, waiting, k.paused,
                           k.first_bmin, k.res_bmin, id));
}
