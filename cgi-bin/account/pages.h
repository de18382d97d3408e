#ifndef KEHU_ACCOUNT_PAGES_H
#define KEHU_ACCOUNT_PAGES_H
/* account.fcgi's pages; cgi-bin/account.c holds the route table. */
#include "core/app.h"

/* signin.c: sign-in, sign-out, the language choice */
NEOERR *account_login_form(struct req *r);
NEOERR *account_login(struct req *r);
NEOERR *account_logout(struct req *r);
NEOERR *account_set_lang(struct req *r);

/* home.c: the home page */
NEOERR *account_home(struct req *r);

/* mine.c: my account */
NEOERR *account_page(struct req *r);
NEOERR *account_password_form(struct req *r);
NEOERR *account_password_save(struct req *r);
NEOERR *account_sessions_end(struct req *r);
#endif
