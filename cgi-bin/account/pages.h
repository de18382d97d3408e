#ifndef KEHU_ACCOUNT_PAGES_H
#define KEHU_ACCOUNT_PAGES_H
/* account.fcgi's pages beyond sign-in and home: my account (mine.c). */
#include "core/app.h"

NEOERR *account_page(struct req *r);
NEOERR *account_password_form(struct req *r);
NEOERR *account_password_save(struct req *r);
NEOERR *account_sessions_end(struct req *r);
#endif
