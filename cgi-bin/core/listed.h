#ifndef KEHU_LISTED_H
#define KEHU_LISTED_H
/* A choice from a list the page itself offered (the regions a user may
 * pick): a parameter naming anything else is not found, not quietly
 * widened to "all". */
#include "core/req.h"

/* STATUS_OK for id 0 (no choice) or the id of a row under the HDF node
 * `list`; else app_fail's not-found page with message `key`. */
NEOERR *listed_check(struct req *r, const char *list, unsigned id, const char *key);
#endif
