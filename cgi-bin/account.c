/* Sign-in, sign-out, the language choice, the home page and my account
 * (program account.fcgi): the route table. The pages are in
 * cgi-bin/account/. */
#include "account/pages.h"
#include "db/runtime.h"

static const struct route routes[] = {
  { "GET", "/", ROLES_SIGNED_IN, account_home, 0, 0 },
  { "GET", "/login", ROLE_PUBLIC, account_login_form, 0, 0 },
  { "POST", "/login", ROLE_PUBLIC, account_login, 0, 0 },
  { "POST", "/logout", ROLES_SIGNED_IN, account_logout, 0, 0 },
  { "POST", "/account/lang", ROLE_PUBLIC, account_set_lang, 0, 0 },
  { "GET", "/account", ROLES_SIGNED_IN, account_page, 0, 0 },
  { "GET", "/account/password", ROLES_SIGNED_IN, account_password_form, 0, 0 },
  { "POST", "/account/password", ROLES_SIGNED_IN, account_password_save, 0, 0 },
  { "POST", "/account/sessions", ROLES_SIGNED_IN, account_sessions_end, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
