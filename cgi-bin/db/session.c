#include "db/session.h"
#include "db/audit.h"
#include "db/db.h"
#include "core/app.h"
#include <stdio.h>
#include <string.h>

/* One query per signed-in request: the session, its user and the user's
 * regions together (users.region_list, maintained by triggers on user_regions:
 * schema/019; as a subquery here it was a quarter of the statement). */
static DB_STMT load = DB_STMT_INIT(
    "SELECT u.id, u.role, u.username, u.display_name, u.lang, s.csrf_token,"
    " (s.last_seen_at < NOW() - INTERVAL ? SECOND"
    "  OR s.created_at < NOW() - INTERVAL ? SECOND) AS expired,"
    " (s.last_seen_at < NOW() - INTERVAL 60 SECOND) AS stale,"
    " u.region_list, s.signin_attempt_id, u.must_change_password"
    " FROM sessions s JOIN users u ON u.id = s.user_id"
    " WHERE s.token_hash = ? AND u.active = 1");
static DB_STMT touch = DB_STMT_INIT(
    "UPDATE sessions SET last_seen_at = NOW() WHERE token_hash = ?");
static DB_STMT create = DB_STMT_INIT(
    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at,"
    " last_seen_at, ip, user_agent, signin_attempt_id)"
    " VALUES (?, ?, ?, NOW(), NOW(), ?, LEFT(?, 255), ?)");
static DB_STMT del = DB_STMT_INIT("DELETE FROM sessions WHERE token_hash = ?");
static DB_STMT creds = DB_STMT_INIT(
    "SELECT id, password_hash FROM users WHERE username = ? AND active = 1");
static DB_STMT set_lang = DB_STMT_INIT("UPDATE users SET lang = ? WHERE id = ?");

static void copy(char *dst, size_t n, const char *src)
{
  snprintf(dst, n, "%s", src ? src : "");
}

NEOERR *db_session_load(const unsigned char hash[32], int idle, int max,
                        struct user *u, int *state, int *stale)
{
  int more;
  *state = SESSION_NONE;
  *stale = 0;
  NEOERR *err = db_exec(&load, "iib", (long long)idle, (long long)max, hash, (size_t)32);
  if (!err) err = db_next(&load, &more);
  if (err || !more) { db_done(&load); return nerr_pass(err); }
  memset(u, 0, sizeof *u);
  u->id = (unsigned)db_int(&load, 0);
  u->role = role_parse(db_str(&load, 1));
  copy(u->username, sizeof u->username, db_str(&load, 2));
  copy(u->display_name, sizeof u->display_name, db_str(&load, 3));
  copy(u->lang, sizeof u->lang, db_str(&load, 4));
  copy(u->csrf, sizeof u->csrf, db_str(&load, 5));
  *state = db_int(&load, 6) ? SESSION_EXPIRED : SESSION_OK;
  *stale = (int)db_int(&load, 7);
  const char *regions = db_str(&load, 8);
  for (const char *p = regions; p && *p && u->nregions < USER_MAX_REGIONS;) {
    u->regions[u->nregions++] = (unsigned)strtoul(p, (char **)&p, 10);
    if (*p == ',') p++;
  }
  u->signin_id = (unsigned long long)db_int(&load, 9);
  u->must_change = (int)db_int(&load, 10);
  db_done(&load);
  if (u->role == ROLE_NONE) *state = SESSION_NONE;
  return STATUS_OK;
}

NEOERR *db_session_touch(const unsigned char hash[32])
{
  return nerr_pass(db_exec(&touch, "b", hash, (size_t)32));
}

NEOERR *db_session_create(const unsigned char hash[32], unsigned user_id,
                          const char *csrf, const char *ip, const char *ua,
                          unsigned long long signin_id)
{
  return nerr_pass(db_exec(&create, "bisssi", hash, (size_t)32, (long long)user_id,
                           csrf, ip, ua, (long long)signin_id));
}

NEOERR *db_session_delete(const unsigned char hash[32])
{
  return nerr_pass(db_exec(&del, "b", hash, (size_t)32));
}

NEOERR *db_user_credentials(const char *username, unsigned *id, char *hash,
                            size_t hash_size, int *found)
{
  int more;
  *found = 0;
  NEOERR *err = db_exec(&creds, "s", username);
  if (!err) err = db_next(&creds, &more);
  if (!err && more) {
    *id = (unsigned)db_int(&creds, 0);
    copy(hash, hash_size, db_str(&creds, 1));
    *found = 1;
  }
  db_done(&creds);
  return nerr_pass(err);
}

NEOERR *db_user_set_lang(const struct user *u, const char *ip, const char *lang)
{
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  char detail[64];
  snprintf(detail, sizeof detail, "lang=%s", lang);
  if (!(err = db_exec(&set_lang, "si", lang, (long long)u->id)))
    err = db_audit(u, ip, "update", "user", u->id, detail);
  return nerr_pass(db_end(err, 1));
}

static DB_STMT own_hash = DB_STMT_INIT("SELECT password_hash FROM users WHERE id = ?");
static DB_STMT set_password = DB_STMT_INIT(
    "UPDATE users SET password_hash = ?, must_change_password = 0 WHERE id = ?");
static DB_STMT end_others = DB_STMT_INIT(
    "DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");

NEOERR *db_user_password_hash(const struct user *u, char *hash, size_t hash_size)
{
  int more;
  hash[0] = 0;
  NEOERR *err = db_exec(&own_hash, "i", (long long)u->id);
  if (!err) err = db_next(&own_hash, &more);
  if (!err && more) copy(hash, hash_size, db_str(&own_hash, 0));
  db_done(&own_hash);
  return nerr_pass(err);
}

NEOERR *db_user_set_password(const struct user *u, const char *ip, const char *hash,
                             const unsigned char keep[32])
{
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  if (!(err = db_exec(&set_password, "si", hash, (long long)u->id)) &&
      !(err = db_exec(&end_others, "ib", (long long)u->id, keep, (size_t)32)))
    err = db_audit(u, ip, "change_password", "user", u->id, NULL);
  return nerr_pass(db_end(err, 1));
}

NEOERR *db_session_end_others(const struct user *u, const char *ip,
                              const unsigned char keep[32], unsigned *ended)
{
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  char detail[48];
  if (!(err = db_exec(&end_others, "ib", (long long)u->id, keep, (size_t)32))) {
    *ended = (unsigned)db_affected(&end_others);
    snprintf(detail, sizeof detail, "sessions=%u", *ended);
    err = db_audit(u, ip, "end_sessions", "user", u->id, detail);
  }
  return nerr_pass(db_end(err, 1));
}
