#ifndef KEHU_CHAIN_HEADS_H
#define KEHU_CHAIN_HEADS_H
/* The chain heads stored outside the database ($KEHU_VAR/audit/heads, one
 * line each, appended only):
 *   head <seq> <hash> <UTC time>       the chain verified up to here
 *   restore <seq> <hash> <UTC time>    a restore set the chain back to here
 * A rewrite of the whole chain inside the database cannot match them. */
#include <ClearSilver.h>
#include "core/chain.h"

struct chain_heads {
  struct chain_head *v; /* sorted by seq */
  size_t n, cap;
  struct chain_head last; /* the last line's head, seq 0 if none */
};

/* Reads path (a missing file is no heads). A restore line forgets the
 * heads after its seq: that history was replaced by the backup's. */
NEOERR *chain_heads_load(const char *path, struct chain_heads *h);
void chain_heads_free(struct chain_heads *h);
/* Appends "<kind> <seq> <hash> <now>", creating the directory. */
NEOERR *chain_heads_append(const char *path, const char *kind,
                           unsigned long long seq, const char *hash);
#endif
