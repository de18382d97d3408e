#ifndef KEHU_DB_AUDIT_H
#define KEHU_DB_AUDIT_H
/* The audit log: every change writes one row, inside the change's own
 * transaction where there is one. */
#include "core/req.h"

NEOERR *db_audit(const struct user *u, const char *ip, const char *action,
                 const char *entity, unsigned long long entity_id,
                 const char *detail);
#endif
