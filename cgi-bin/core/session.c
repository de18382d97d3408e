#include "core/session.h"
#include "core/log.h"
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

static int idle_seconds = 7200, max_seconds = 43200, secure_cookie;
static const struct session_store *store;

void session_use(const struct session_store *s) { store = s; }

void session_config(void)
{
  const char *v;
  if ((v = getenv("KEHU_SESSION_IDLE")) && atoi(v) > 0) idle_seconds = atoi(v);
  if ((v = getenv("KEHU_SESSION_MAX")) && atoi(v) > 0) max_seconds = atoi(v);
  secure_cookie = (v = getenv("KEHU_SECURE_COOKIE")) && strcmp(v, "1") == 0;
}

void token_random(char *out, size_t n)
{
  unsigned char raw[64];
  if (n > sizeof raw) n = sizeof raw;
  randombytes_buf(raw, n);
  sodium_bin2hex(out, 2 * n + 1, raw, n);
}

int token_equal(const char *a, const char *b)
{
  if (!a || !b) return 0;
  size_t n = strlen(a);
  if (n == 0 || n != strlen(b)) return 0;
  return sodium_memcmp(a, b, n) == 0;
}

static int token_hash(const char *hex, unsigned char out[32])
{
  if (!hex || strlen(hex) != 64) return -1;
  for (const char *p = hex; *p; p++)
    if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f'))) return -1;
  crypto_hash_sha256(out, (const unsigned char *)hex, 64);
  return 0;
}

int session_key(const struct req *r, unsigned char out[32])
{
  return token_hash(r->session_token, out);
}

NEOERR *session_resume(struct req *r, int *expired)
{
  *expired = 0;
  unsigned char hash[32];
  const char *token = req_cookie(r, SESSION_COOKIE);
  if (!token) return STATUS_OK;
  if (token_hash(token, hash) != 0) {
    /* Malformed cookie: drop it, the visitor is simply not signed in. */
    return nerr_pass(req_set_cookie(r, SESSION_COOKIE, "", 0, 1));
  }
  int state = SESSION_NONE, stale = 0;
  NEOERR *err = store->load(hash, idle_seconds, max_seconds, &r->user, &state, &stale);
  if (err) return nerr_pass(err);
  if (state == SESSION_OK) {
    snprintf(r->session_token, sizeof r->session_token, "%s", token);
    /* Refresh the idle clock at most once a minute: one write per minute
     * per user instead of one per page. */
    if (stale) err = store->touch(hash);
    return nerr_pass(err);
  }
  memset(&r->user, 0, sizeof r->user);
  if (state == SESSION_EXPIRED) {
    *expired = 1;
    if ((err = store->remove(hash))) return nerr_pass(err);
  }
  return nerr_pass(req_set_cookie(r, SESSION_COOKIE, "", 0, 1));
}

NEOERR *session_start(struct req *r, unsigned user_id, unsigned long long signin_id)
{
  char token[65], csrf[65];
  unsigned char hash[32];
  NEOERR *err;
  if (r->session_token[0] && token_hash(r->session_token, hash) == 0 &&
      (err = store->remove(hash)))
    return nerr_pass(err);
  token_random(token, 32);
  token_random(csrf, 32);
  token_hash(token, hash);
  const char *ua = hdf_get_value(r->hdf, "HTTP.UserAgent", "");
  if ((err = store->create(hash, user_id, csrf, r->ip, ua, signin_id))) return nerr_pass(err);
  snprintf(r->session_token, sizeof r->session_token, "%s", token);
  return nerr_pass(req_set_cookie(r, SESSION_COOKIE, token, -1, 1));
}

NEOERR *session_end(struct req *r)
{
  unsigned char hash[32];
  if (r->session_token[0] && token_hash(r->session_token, hash) == 0) {
    NEOERR *err = store->remove(hash);
    if (err) return nerr_pass(err);
  }
  r->session_token[0] = '\0';
  return nerr_pass(req_set_cookie(r, SESSION_COOKIE, "", 0, 1));
}

NEOERR *csrf_token(struct req *r, const char **token)
{
  if (r->user.id) { *token = r->user.csrf; return STATUS_OK; }
  const char *pre = req_cookie(r, PRESESSION_COOKIE);
  if (pre && strlen(pre) == 64) { *token = pre; return STATUS_OK; }
  char fresh[65];
  token_random(fresh, 32);
  NEOERR *err = req_set_cookie(r, PRESESSION_COOKIE, fresh, -1, 1);
  if (err) return nerr_pass(err);
  /* Keep it in the request data so the page renders the same token. */
  if ((err = hdf_set_value(r->hdf, "Cookie." PRESESSION_COOKIE, fresh))) return nerr_pass(err);
  *token = hdf_get_value(r->hdf, "Cookie." PRESESSION_COOKIE, "");
  return STATUS_OK;
}

int csrf_ok(struct req *r)
{
  const char *sent = req_param(r, "_csrf");
  if (r->user.id) return token_equal(sent, r->user.csrf);
  const char *pre = req_cookie(r, PRESESSION_COOKIE);
  return pre && strlen(pre) == 64 && token_equal(sent, pre);
}

int session_secure_cookie(void) { return secure_cookie; }
