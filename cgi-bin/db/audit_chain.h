#ifndef KEHU_DB_AUDIT_CHAIN_H
#define KEHU_DB_AUDIT_CHAIN_H
/* Reading the audit log's hash chain (schema/030) for kehu-audit. Sealing
 * is the database's own job (the event audit_seal_tick); nothing here
 * writes. */
#include <ClearSilver.h>
#include "core/chain.h"

/* Calls row() for every sealed row in chain order, with its stored hash;
 * a non-zero return stops the walk. Pages of 5000 rows, so a log of
 * millions of rows is never held in memory at once. */
typedef int (*audit_chain_row_fn)(void *ctx, const struct chain_row *r, const char *hash);
NEOERR *db_audit_chain_walk(audit_chain_row_fn row, void *ctx);

/* How many rows wait to be sealed, and when the oldest was written ("" if
 * none). */
NEOERR *db_audit_unsealed(long long *count, char *oldest_at, size_t n);
#endif
