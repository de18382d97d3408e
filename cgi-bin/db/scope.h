#ifndef KEHU_DB_SCOPE_H
#define KEHU_DB_SCOPE_H
/* Region scoping, applied here in the data-access module and nowhere else:
 * a regional manager's queries carry a condition on their own regions, so
 * no handler can forget it and no guessed id reaches another region. */
#include "core/req.h"
#include "db/query.h"

/* 1 when the user sees only the regions bound to them. */
int scope_limited(const struct user *u);
/* 1 when the user may see rows of region_id. */
int scope_allows(const struct user *u, unsigned region_id);
/* For a regional manager, the condition "col IN (their regions)" from the
 * session's list ("0 = 1" with none): literal ids the optimizer can weigh
 * against an index in the page's order, which a subquery on user_regions
 * hid from it. Nothing for a user who sees every region. */
void scope_regions_cond(struct query *q, const struct user *u, const char *col);
#endif
