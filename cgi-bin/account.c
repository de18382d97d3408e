/* Sign-in, sign-out, the language choice, the home page and my account
 * (program: account.fcgi; my account's pages in account/). */
#include "account/pages.h"
#include "core/app.h"
#include "core/err.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/password.h"
#include "core/session.h"
#include "core/throttle.h"
#include "core/validate.h"
#include "db/audit.h"
#include "db/customer.h"
#include "db/dashboard.h"
#include "db/home.h"
#include "db/inbox.h"
#include "db/session.h"
#include "db/signin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static NEOERR *login_form(struct req *r)
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

static NEOERR *login(struct req *r)
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

static NEOERR *logout(struct req *r)
{
  NEOERR *err = db_audit(&r->user, r->ip, "logout", "user", r->user.id, NULL);
  if (!err) err = session_end(r);
  if (!err) err = req_flash(r, "SignedOut");
  if (!err) err = req_redirect(r, "/login");
  return nerr_pass(err);
}

static NEOERR *set_lang(struct req *r)
{
  const char *lang = i18n_lang(req_param(r, "lang"));
  NEOERR *err;
  if (r->user.id) err = db_user_set_lang(&r->user, r->ip, lang);
  else err = req_set_cookie(r, LANG_COOKIE, lang, 365 * 86400, 1);
  if (err) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "%s", req_local_path(req_param(r, "back"))));
}

/* Each inbox item's wait in its largest unit ("3 天", "5 小时"). */
static NEOERR *inbox_waits(struct req *r, const char *items)
{
  NEOERR *err = STATUS_OK;
  for (HDF *row = hdf_obj_child(hdf_get_obj(r->hdf, items)); row && !err;
       row = hdf_obj_next(row)) {
    long long n;
    char unit = span_unit(strtoll(hdf_get_value(row, "waited", "0"), NULL, 10), &n), text[48];
    snprintf(text, sizeof text, "%lld %s", n,
             i18n_get(r->lang, unit == 'd' ? "Span.D" : unit == 'h' ? "Span.H" : "Span.M"));
    err = hdf_set_value(row, "waited_text", text);
  }
  return nerr_pass(err);
}

/* The home page: a leader's inbox (what awaits their decision), what was
 * returned to the user, counts, the search box, the user's open next
 * actions from the contact log, the key people's birthdays of the next 30
 * days, and the user's previous sign-in with the failures on their name
 * since. */
static NEOERR *home(struct req *r)
{
  NEOERR *err = db_inbox_awaiting(&r->user, r->hdf, "Home.Inbox");
  if (!err) err = inbox_waits(r, "Home.Inbox.Items");
  if (!err) err = db_inbox_returned(&r->user, r->hdf, "Home.Returned");
  if (!err) err = inbox_waits(r, "Home.Returned.Items");
  if (!err) err = db_home_counts(&r->user, r->hdf);
  if (!err) err = db_home_actions(&r->user, r->hdf, "Home.Actions");
  if (!err) err = db_home_birthdays(&r->user, r->hdf, "Home.Birthdays");
  if (!err) err = db_signin_notice(&r->user, r->hdf, "Home.SignIn");
  if (!err) err = hdf_set_value(r->hdf, "Page.Section", "home");
  r->template = "home.cs";
  return nerr_pass(err);
}

static const struct route routes[] = {
  { "GET", "/", ROLES_SIGNED_IN, home, 0, 0 },
  { "GET", "/login", ROLE_PUBLIC, login_form, 0, 0 },
  { "POST", "/login", ROLE_PUBLIC, login, 0, 0 },
  { "POST", "/logout", ROLES_SIGNED_IN, logout, 0, 0 },
  { "POST", "/account/lang", ROLE_PUBLIC, set_lang, 0, 0 },
  { "GET", "/account", ROLES_SIGNED_IN, account_page, 0, 0 },
  { "GET", "/account/password", ROLES_SIGNED_IN, account_password_form, 0, 0 },
  { "POST", "/account/password", ROLES_SIGNED_IN, account_password_save, 0, 0 },
  { "POST", "/account/sessions", ROLES_SIGNED_IN, account_sessions_end, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes);
}
