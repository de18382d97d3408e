/* Sign-in, sign-out and the language choice (account.fcgi). */
#include "account/pages.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/password.h"
#include "core/session.h"
#include "core/throttle.h"
#include "core/validate.h"
#include "db/audit.h"
#include "db/dashboard.h"
#include "db/session.h"
#include "db/signin.h"
#include <stdio.h>
#include <string.h>

NEOERR *account_login_form(struct req *r)
{
  if (r->user.id) return nerr_pass(req_redirect(r, "%s", req_local_path(req_param(r, "next"))));
  NEOERR *err = hdf_set_value(r->hdf, "Form.next", req_local_path(req_param(r, "next")));
  if (err) return nerr_pass(err);
  r->template = "account/login.cs";
  return STATUS_OK;
}

static NEOERR *login_failed(struct req *r, int status, const char *msg_key)
{
  NEOERR *err = hdf_set_value(r->hdf, "Form.Error", i18n_get(r->lang, msg_key));
  if (err) return nerr_pass(err);
  r->status = status;
  r->template = "account/login.cs";
  return STATUS_OK;
}

/* The form again with the seconds to wait before the next try. */
static NEOERR *login_wait(struct req *r, int seconds)
{
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.Wait", seconds);
  if (!err) err = req_header(r, "Retry-After: %d", seconds);
  if (err) return nerr_pass(err);
  r->status = 429;
  r->template = "account/login.cs";
  return STATUS_OK;
}

NEOERR *account_login(struct req *r)
{
  char username[128], next[1024];
  struct form f = { .r = r };
  form_text(&f, "username", 1, 64, username, sizeof username);
  req_param_trim(r, "next", next, sizeof next);
  const char *password = req_param(r, "password");
  if (!password || !*password) form_error(&f, "password", "Valid.Required");
  else if (strlen(password) > 1024) form_error(&f, "password", "Valid.TooLong");
  NEOERR *err = form_finish(&f);
  if (!err) err = hdf_set_value(r->hdf, "Form.next", req_local_path(next));
  if (err) return nerr_pass(err);
  if (f.errors) {
    r->status = 422;
    r->template = "account/login.cs";
    return STATUS_OK;
  }
  struct signin_failures failures;
  if ((err = db_signin_failures(username, r->ip, &failures))) return nerr_pass(err);
  int wait = throttle_wait(&failures);
  if (wait) {
    /* Answered at once, the password unchecked and nothing recorded: the
     * worker is free for the next request, and waiting costs the guesser. */
    log_msg("warn", "sign-in for '%s' from %s: wait %d s (%d failures)", username,
            r->ip, wait, failures.pair);
    return nerr_pass(login_wait(r, wait));
  }
  unsigned id = 0;
  int found;
  char hash[PASSWORD_HASH_MAX];
  if ((err = db_user_credentials(username, &id, hash, sizeof hash, &found))) return nerr_pass(err);
  /* The same work whether or not the name exists, so timing does not tell. */
  int ok = found ? password_verify(hash, password) : password_burn(password);
  unsigned long long attempt;
  if ((err = db_signin_record(username, r->ip, ok, &attempt))) return nerr_pass(err);
  if (!ok) {
    log_msg("warn", "sign-in failed for '%s' from %s", username, r->ip);
    return nerr_pass(login_failed(r, 401, "Login.Failed"));
  }
  if ((err = session_start(r, id, attempt))) return nerr_pass(err);
  struct user who = { .id = id };
  if ((err = db_audit(&who, r->ip, "login", "user", id, NULL))) return nerr_pass(err);
  /* No page asked for (the form sends "/" then): regional managers land on
   * their dashboard. */
  const char *dest = req_local_path(next);
  if (!strcmp(dest, "/") && (err = db_dash_landing(id, &dest))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "%s", dest));
}

NEOERR *account_logout(struct req *r)
{
  NEOERR *err = db_audit(&r->user, r->ip, "logout", "user", r->user.id, NULL);
  if (!err) err = session_end(r);
  if (!err) err = req_flash(r, "SignedOut");
  if (!err) err = req_redirect(r, "/login");
  return nerr_pass(err);
}

NEOERR *account_set_lang(struct req *r)
{
  const char *lang = i18n_lang(req_param(r, "lang"));
  NEOERR *err;
  if (r->user.id) err = db_user_set_lang(&r->user, r->ip, lang);
  else err = req_set_cookie(r, LANG_COOKIE, lang, 365 * 86400, 1);
  if (err) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "%s", req_local_path(req_param(r, "back"))));
}
