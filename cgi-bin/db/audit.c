#include "db/audit.h"
#include "db/db.h"

static DB_STMT ins = DB_STMT_INIT(
    "INSERT INTO audit_log (user_id, action, entity, entity_id, detail, ip)"
    " VALUES (NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, ?)");

NEOERR *db_audit(const struct user *u, const char *ip, const char *action,
                 const char *entity, unsigned long long entity_id,
                 const char *detail)
{
  return nerr_pass(db_exec(&ins, "ississ", (long long)(u ? u->id : 0), action,
                           entity, (long long)entity_id, detail, ip ? ip : ""));
}
