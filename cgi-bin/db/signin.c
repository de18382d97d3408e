#include "db/signin.h"
#include "db/db.h"
#include <stdio.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)
/* The notice counts failures up to this ("100+"): it is read on every view
 * of the home page, and past a hundred the number tells nothing more. */
#define NOTICE_CAP 100

static DB_STMT record = DB_STMT_INIT(
    "INSERT INTO login_attempts (username, ip, ok, attempted_at)"
    " VALUES (LEFT(?, 64), ?, ?, NOW())");
/* The pair's attempts, newest first (index by_pair, read backwards): the
 * failures up to its last success, and how long ago the last one was. */
static DB_STMT pair = DB_STMT_INIT(
    "SELECT ok, TIMESTAMPDIFF(SECOND, attempted_at, NOW()) FROM login_attempts"
    " WHERE username = LEFT(?, 64) AND ip = ?"
    " AND attempted_at > NOW() - INTERVAL " STR(THROTTLE_PAIR_WINDOW) " SECOND"
    " ORDER BY attempted_at DESC, id DESC LIMIT " STR(THROTTLE_PAIR_CAP));
/* Counted up to a cap, so an attack's millions of rows are never all read. */
static DB_STMT spread = DB_STMT_INIT(
    "SELECT"
    " (SELECT COUNT(*) FROM (SELECT 1 FROM login_attempts WHERE username = LEFT(?, 64)"
    "  AND attempted_at > NOW() - INTERVAL " STR(THROTTLE_WINDOW) " SECOND AND ok = 0"
    "  LIMIT " STR(THROTTLE_COUNT_CAP) ") n),"
    " (SELECT COUNT(*) FROM (SELECT 1 FROM login_attempts WHERE ip = ?"
    "  AND attempted_at > NOW() - INTERVAL " STR(THROTTLE_WINDOW) " SECOND AND ok = 0"
    "  LIMIT " STR(THROTTLE_COUNT_CAP) ") a)");
/* Index by_name_result for both. */
static DB_STMT previous = DB_STMT_INIT(
    "SELECT id, DATE_FORMAT(attempted_at, '%Y-%m-%d %H:%i'), ip FROM login_attempts"
    " WHERE username = ? AND ok = 1 AND id < ? ORDER BY id DESC LIMIT 1");
static DB_STMT failed_since = DB_STMT_INIT(
    "SELECT DATE_FORMAT(attempted_at, '%Y-%m-%d %H:%i'), ip FROM login_attempts"
    " WHERE username = ? AND ok = 0 AND id > ? ORDER BY id DESC"
    " LIMIT " STR(NOTICE_CAP));

NEOERR *db_signin_record(const char *username, const char *ip, int ok,
                         unsigned long long *id)
{
  NEOERR *err = db_exec(&record, "ssi", username, ip, (long long)ok);
  if (!err && id) *id = db_insert_id(&record);
  return nerr_pass(err);
}

NEOERR *db_signin_failures(const char *username, const char *ip,
                           struct signin_failures *f)
{
  int more, done = 0;
  memset(f, 0, sizeof *f);
  NEOERR *err = db_exec(&pair, "ss", username, ip);
  while (!err && !(err = db_next(&pair, &more)) && more) {
    if (done || db_int(&pair, 0)) { done = 1; continue; }
    if (f->pair++ == 0) f->since_last = db_int(&pair, 1);
  }
  db_done(&pair);
  if (err || !f->pair) return nerr_pass(err);
  err = db_exec(&spread, "ss", username, ip);
  if (!err) err = db_next(&spread, &more);
  if (!err && more) {
    f->name = (int)db_int(&spread, 0);
    f->address = (int)db_int(&spread, 1);
  }
  db_done(&spread);
  return nerr_pass(err);
}

static NEOERR *set(HDF *hdf, const char *prefix, const char *name, const char *value)
{
  char key[128];
  if (!value) return STATUS_OK;
  snprintf(key, sizeof key, "%s.%s", prefix, name);
  return nerr_pass(hdf_set_value(hdf, key, value));
}

NEOERR *db_signin_notice(const struct user *u, HDF *hdf, const char *prefix)
{
  int more, n = 0;
  long long since = 0;
  NEOERR *err = db_exec(&previous, "si", u->username, (long long)u->signin_id);
  if (!err) err = db_next(&previous, &more);
  if (!err && more) {
    since = db_int(&previous, 0);
    err = set(hdf, prefix, "prev_at", db_str(&previous, 1));
    if (!err) err = set(hdf, prefix, "prev_ip", db_str(&previous, 2));
  }
  db_done(&previous);
  if (err) return nerr_pass(err);
  err = db_exec(&failed_since, "si", u->username, since);
  while (!err && !(err = db_next(&failed_since, &more)) && more) {
    if (n++) continue;
    err = set(hdf, prefix, "failed_at", db_str(&failed_since, 0));
    if (!err) err = set(hdf, prefix, "failed_ip", db_str(&failed_since, 1));
  }
  db_done(&failed_since);
  char count[16];
  snprintf(count, sizeof count, "%d", n);
  if (!err) err = set(hdf, prefix, "failed", count);
  if (!err) err = set(hdf, prefix, "cap", STR(NOTICE_CAP));
  return nerr_pass(err);
}
