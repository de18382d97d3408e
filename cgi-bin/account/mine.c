/* My account (/account): change my password, sign out of my other
 * sessions, my language. /account/password is also the one page a
 * user signed in with a one-time password may open (core/app.c). */
#include "account/pages.h"
#include "core/err.h"
#include "core/password.h"
#include "core/password_rule.h"
#include "core/session.h"
#include "core/validate.h"
#include "db/session.h"
#include <string.h>

NEOERR *account_page(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "account");
  r->template = "account/account.cs";
  return nerr_pass(err);
}

/* The form to change one's password; the page a refused change comes back on. */
NEOERR *account_password_form(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "account");
  if (!err) err = hdf_set_int_value(r->hdf, "Account.MustChange", r->user.must_change);
  r->template = "account/password.cs";
  return nerr_pass(err);
}

NEOERR *account_password_save(struct req *r)
{
  struct form f = { .r = r };
  const char *current = req_param(r, "current_password");
  const char *fresh = req_param(r, "new_password");
  const char *again = req_param(r, "new_password2");
  char stored[PASSWORD_HASH_MAX];
  NEOERR *err = db_user_password_hash(&r->user, stored, sizeof stored);
  if (err) return nerr_pass(err);
  /* Typed passwords never come back in the form: only the messages. */
  if (!current || !*current) form_error(&f, "current_password", "Valid.Required");
  else if (strlen(current) > PASSWORD_MAX || !password_verify(stored, current))
    form_error(&f, "current_password", "Valid.PasswordWrong");
  const char *bad = password_rule_check(fresh, r->user.username);
  if (bad) form_error(&f, "new_password", bad);
  else if (current && strcmp(fresh, current) == 0)
    form_error(&f, "new_password", "Valid.PasswordSame");
  if (!again || !*again) form_error(&f, "new_password2", "Valid.Required");
  else if (!bad && strcmp(fresh, again) != 0)
    form_error(&f, "new_password2", "Valid.PasswordAgain");
  if (form_sent_back(&f, account_password_form, &err)) return nerr_pass(err);
  char hash[PASSWORD_HASH_MAX];
  unsigned char this_session[32];
  if (password_hash(fresh, hash) != 0)
    return nerr_raise(NERR_NOMEM, "hashing a password failed");
  if (session_key(r, this_session) != 0) return app_fail(r, KERR_FORBIDDEN, "Forbidden");
  int was_forced = r->user.must_change;
  if ((err = db_user_set_password(&r->user, r->ip, hash, this_session)) ||
      (err = req_flash(r, "PasswordChanged")))
    return nerr_pass(err);
  return nerr_pass(req_redirect(r, "%s", was_forced ? "/" : "/account"));
}

NEOERR *account_sessions_end(struct req *r)
{
  unsigned char this_session[32];
  unsigned ended = 0;
  if (session_key(r, this_session) != 0) return app_fail(r, KERR_FORBIDDEN, "Forbidden");
  NEOERR *err = db_session_end_others(&r->user, r->ip, this_session, &ended);
  if (!err) err = req_flash(r, ended ? "SessionsEnded" : "SessionsNone");
  if (!err) err = req_redirect(r, "/account");
  return nerr_pass(err);
}
