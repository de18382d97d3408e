#include "db/user_admin.h"
#include "db/audit.h"
#include "db/db.h"
#include "core/err.h"
#include <stdio.h>
#include <string.h>

#define USER_COLS "id, username, display_name, role, active, region_list, email, phone, version"

static DB_STMT list = DB_STMT_INIT(
    "SELECT " USER_COLS " FROM users ORDER BY active DESC, username");
static DB_STMT one = DB_STMT_INIT("SELECT " USER_COLS " FROM users WHERE id = ?");
static DB_STMT lock = DB_STMT_INIT(
    "SELECT version, username, display_name, role, active, region_list"
    " FROM users WHERE id = ? FOR UPDATE");
static DB_STMT insert = DB_STMT_INIT(
    "INSERT INTO users (username, display_name, role, password_hash,"
    " must_change_password, email, phone, active) VALUES (?, ?, ?, ?, 1, NULLIF(?, ''),"
    " NULLIF(?, ''), 1)");
static DB_STMT update = DB_STMT_INIT(
    "UPDATE users SET display_name = ?, role = ?, email = NULLIF(?, ''),"
    " phone = NULLIF(?, ''), active = ?, version = version + 1 WHERE id = ?");
static DB_STMT regions_clear = DB_STMT_INIT("DELETE FROM user_regions WHERE user_id = ?");
static DB_STMT region_add = DB_STMT_INIT(
    "INSERT INTO user_regions (user_id, region_id) VALUES (?, ?)");
static DB_STMT sessions_end = DB_STMT_INIT("DELETE FROM sessions WHERE user_id = ?");
static DB_STMT reset = DB_STMT_INIT(
    "UPDATE users SET password_hash = ?, must_change_password = 1,"
    " version = version + 1 WHERE id = ?");

NEOERR *db_admin_only(const struct user *who)
{
  if (who->role != ROLE_ADMIN)
    return nerr_raise(KERR_FORBIDDEN, "user %u is not an administrator", who->id);
  return STATUS_OK;
}

NEOERR *db_users_list(const struct user *who, HDF *hdf, const char *prefix)
{
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_read_rows(&list, hdf, prefix, "");
  db_done(&list);
  return nerr_pass(err);
}

NEOERR *db_user_get(const struct user *who, long long id, HDF *hdf, const char *prefix,
                    int *found)
{
  *found = 0;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_exec(&one, "i", id);
  if (!err) err = db_row_to_hdf(&one, hdf, prefix, found);
  db_done(&one);
  return nerr_pass(err);
}

/* The regions of a regional manager; every other role has none. */
static NEOERR *set_regions(long long id, const struct user_fields *f)
{
  NEOERR *err = db_exec(&regions_clear, "i", id);
  if (strcmp(f->role, "regional_manager") != 0) return nerr_pass(err);
  for (int i = 0; i < f->nregions && !err; i++)
    err = db_exec(&region_add, "ii", id, (long long)f->regions[i]);
  return nerr_pass(err);
}

static void describe(const struct user_fields *f, char *out, size_t n)
{
  int at = snprintf(out, n, "username=%s display_name=%s role=%s active=%d regions=",
                    f->username, f->display_name, f->role, f->active);
  for (int i = 0; i < f->nregions && at > 0 && (size_t)at < n; i++)
    at += snprintf(out + at, n - (size_t)at, "%s%u", i ? "," : "", f->regions[i]);
}

NEOERR *db_user_create(const struct user *who, const char *ip, const struct user_fields *f,
                       const char *hash, unsigned *id, enum user_outcome *outcome)
{
  *outcome = USER_SAVED;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  char detail[700];
  describe(f, detail, sizeof detail);
  err = db_exec(&insert, "ssssss", f->username, f->display_name, f->role, hash, f->email,
                f->phone);
  if (!err) {
    *id = (unsigned)db_insert_id(&insert);
    err = set_regions(*id, f);
  }
  if (!err) err = db_audit(who, ip, "create", "user", *id, detail);
  if (err) {
    db_rollback();
    if (nerr_handle(&err, KERR_CONFLICT)) *outcome = USER_NAME_TAKEN;
    return nerr_pass(err);
  }
  return nerr_pass(db_commit());
}

NEOERR *db_user_update(const struct user *who, const char *ip, long long id,
                       long long version, const struct user_fields *f,
                       enum user_outcome *outcome)
{
  int more;
  *outcome = USER_SAVED;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  if ((err = db_exec(&lock, "i", id)) || (err = db_next(&lock, &more))) goto end;
  if (!more) { *outcome = USER_MISSING; goto end; }
  if (db_int(&lock, 0) != version) { *outcome = USER_STALE; goto end; }
  char detail[1400];
  int at = snprintf(detail, sizeof detail, "from display_name=%s role=%s active=%lld regions=%s; to ",
                    db_str(&lock, 2), db_str(&lock, 3), db_int(&lock, 4),
                    db_str(&lock, 5) ? db_str(&lock, 5) : "");
  int was_active = (int)db_int(&lock, 4);
  db_done(&lock);
  /* The "from" half fits (its fields' column sizes); kept safe anyway. */
  if (at < 0 || (size_t)at >= sizeof detail) at = (int)sizeof detail - 1;
  describe(f, detail + at, sizeof detail - (size_t)at);
  if (!(err = db_exec(&update, "ssssii", f->display_name, f->role, f->email, f->phone,
                      (long long)f->active, id)) &&
      !(err = set_regions(id, f)) &&
      /* Disabled: every session of theirs ends now, not at its expiry. */
      !(!f->active && (err = db_exec(&sessions_end, "i", id))))
    err = db_audit(who, ip, was_active && !f->active ? "disable" : "update", "user",
                   (unsigned long long)id, detail);
end:
  db_done(&lock);
  return nerr_pass(db_end(err, *outcome == USER_SAVED));
}

NEOERR *db_user_reset_password(const struct user *who, const char *ip, long long id,
                               const char *hash, int *found)
{
  *found = 0;
  NEOERR *err = db_admin_only(who);
  if (!err) err = db_begin();
  if (err) return nerr_pass(err);
  if (!(err = db_exec(&reset, "si", hash, id)) && (*found = db_affected(&reset) > 0) &&
      !(err = db_exec(&sessions_end, "i", id)))
    err = db_audit(who, ip, "reset_password", "user", (unsigned long long)id, NULL);
  return nerr_pass(db_end(err, *found));
}
