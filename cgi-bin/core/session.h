#ifndef KEHU_SESSION_H
#define KEHU_SESSION_H
/* Sessions live in the database (any worker can serve any request); the
 * cookie holds a random token whose SHA-256 is the row key. Idle and
 * absolute lifetimes come from KEHU_SESSION_IDLE / KEHU_SESSION_MAX. */
#include "core/req.h"

#define SESSION_COOKIE "kehu_session"
#define PRESESSION_COOKIE "kehu_csrf"   /* double-submit token before sign-in */
#define LANG_COOKIE "kehu_lang"

/* Where sessions are stored: the data-access layer (db/session.c) hands
 * its functions to app_main (core/app.h), so core/ never includes db/. */
enum { SESSION_NONE, SESSION_OK, SESSION_EXPIRED };
struct session_store {
  /* The session with this token hash and its (active) user. *state is
   * SESSION_OK, SESSION_EXPIRED (idle or absolute limit passed) or
   * SESSION_NONE; *stale is set when last_seen is over a minute old. */
  NEOERR *(*load)(const unsigned char hash[32], int idle, int max, struct user *u, int *state,
                  int *stale);
  NEOERR *(*touch)(const unsigned char hash[32]);
  /* signin_id: the login_attempts row of this sign-in. */
  NEOERR *(*create)(const unsigned char hash[32], unsigned user_id, const char *csrf,
                    const char *ip, const char *ua, unsigned long long signin_id);
  NEOERR *(*remove)(const unsigned char hash[32]);
};
/* The store every session call below uses (app_main sets it at start). */
void session_use(const struct session_store *store);

void session_config(void);
/* 1 when cookies must carry Secure (KEHU_SECURE_COOKIE=1, behind TLS). */
int session_secure_cookie(void);
/* Load the signed-in user from the cookie, if any. Sets *expired when the
 * cookie named a session that has run out (and removes it). */
NEOERR *session_resume(struct req *r, int *expired);
/* Start a fresh session for user_id (after sign-in, the login_attempts row
 * signin_id) and set the cookie. */
NEOERR *session_start(struct req *r, unsigned user_id, unsigned long long signin_id);
/* The SHA-256 of the current session's token (the sessions row key);
 * -1 when the request has no valid session. */
int session_key(const struct req *r, unsigned char out[32]);
/* End the current session and clear the cookie. */
NEOERR *session_end(struct req *r);
/* The CSRF token a form on this page must carry (session or pre-session);
 * sets the pre-session cookie when needed. */
NEOERR *csrf_token(struct req *r, const char **token);
/* 1 when the POSTed _csrf field matches the expected token. */
int csrf_ok(struct req *r);
/* Constant-time comparison of two NUL-terminated tokens. */
int token_equal(const char *a, const char *b);
/* 2n hex digits of fresh randomness into out (2n+1 bytes). */
void token_random(char *out, size_t n);
#endif
