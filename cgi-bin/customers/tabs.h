#ifndef KEHU_CUSTOMERS_TABS_H
#define KEHU_CUSTOMERS_TABS_H
#include "core/req.h"
/* Render customer r->id on `tab` (for a form sent back with messages too). */
NEOERR *customers_show_tab(struct req *r, const char *tab);
#endif
