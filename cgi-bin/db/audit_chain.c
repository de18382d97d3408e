#include "db/audit_chain.h"

#include <stdio.h>

#include "db/db.h"

/* at as the server formats it, exactly what audit_row_hash() hashes. */
static DB_STMT page = DB_STMT_INIT(
    "SELECT chain_seq, id, CAST(at AS CHAR), user_id, action, entity, entity_id,"
    " detail, ip, chain_hash FROM audit_log"
    " WHERE chain_seq > ? ORDER BY chain_seq LIMIT 5000");

static DB_STMT unsealed = DB_STMT_INIT(
    "SELECT COUNT(*), COALESCE(CAST(MIN(at) AS CHAR), '') FROM audit_log"
    " WHERE chain_seq IS NULL");

NEOERR *db_audit_chain_walk(audit_chain_row_fn row, void *ctx)
{
  long long after = 0;
  for (;;) {
    NEOERR *err = db_exec(&page, "i", after);
    if (err) return nerr_pass(err);
    int more, rows = 0, stop = 0;
    while (!stop && !(err = db_next(&page, &more)) && more) {
      struct chain_row r = {
        .seq = db_str(&page, 0), .id = db_str(&page, 1), .at = db_str(&page, 2),
        .user_id = db_str(&page, 3), .action = db_str(&page, 4),
        .entity = db_str(&page, 5), .entity_id = db_str(&page, 6),
        .detail = db_str(&page, 7), .ip = db_str(&page, 8),
      };
      after = db_int(&page, 0);
      rows++;
      stop = row(ctx, &r, db_str(&page, 9));
    }
    db_done(&page);
    if (err) return nerr_pass(err);
    if (stop || rows < 5000) return STATUS_OK;
  }
}

NEOERR *db_audit_unsealed(long long *count, char *oldest_at, size_t n)
{
  *count = 0;
  if (n) oldest_at[0] = '\0';
  NEOERR *err = db_exec(&unsealed, "");
  if (err) return nerr_pass(err);
  int more;
  err = db_next(&unsealed, &more);
  if (!err && more) {
    *count = db_int(&unsealed, 0);
    snprintf(oldest_at, n, "%s", db_str(&unsealed, 1) ? db_str(&unsealed, 1) : "");
  }
  db_done(&unsealed);
  return nerr_pass(err);
}
