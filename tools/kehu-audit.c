/* kehu-audit: verifies the audit log's hash chain (schema/030,
 * docs/audit-chain.md).
 *
 *   kehu-audit check      recompute every sealed row's hash in order, stop
 *                         at the first broken row and name it; compare with
 *                         the heads recorded outside the database; on
 *                         success record the current head there.
 *   kehu-audit restored   the same after a restore: recorded heads beyond
 *                         the restored chain's end are history the restore
 *                         replaced, not a break; records a "restore" line.
 *
 * Reads with the application's account (KEHU_DB_*: SELECT is all it needs);
 * the heads file is KEHU_AUDIT_HEADS, else $KEHU_VAR/audit/heads.
 * Exit status: 0 the chain holds, 1 it is broken, 2 it could not be read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chain.h"
#include "core/chain_heads.h"
#include "db/audit_chain.h"
#include "db/db.h"

static int on_row(void *ctx, const struct chain_row *r, const char *hash)
{
  return chain_verify_row(ctx, r, hash) != 0;
}

static void heads_path(char *out, size_t n)
{
  const char *p = getenv("KEHU_AUDIT_HEADS");
  const char *var = getenv("KEHU_VAR");
  if (p && *p)
    snprintf(out, n, "%s", p);
  else
    snprintf(out, n, "%s/audit/heads", var && *var ? var : "var");
}

static int report(NEOERR *err)
{
  STRING s;
  string_init(&s);
  nerr_error_string(err, &s);
  fprintf(stderr, "kehu-audit: %s\n", s.buf ? s.buf : "error");
  string_clear(&s);
  nerr_ignore(&err);
  return 2;
}

static int run(int after_restore)
{
  char path[1024], oldest[40];
  heads_path(path, sizeof path);
  struct chain_heads heads;
  NEOERR *err = chain_heads_load(path, &heads);
  if (err) return report(err);
  struct chain_verify v;
  chain_verify_init(&v, heads.v, heads.n);
  long long waiting = 0;
  size_t dropped = 0;
  int rc = 0;
  err = db_connect();
  if (!err) err = db_audit_chain_walk(on_row, &v);
  if (!err) err = db_audit_unsealed(&waiting, oldest, sizeof oldest);
  if (err) {
    rc = report(err);
  } else if (chain_verify_end(&v, after_restore, &dropped) != 0) {
    printf("audit chain BROKEN: %s\n", v.msg);
    rc = 1;
  } else {
    printf("audit chain OK: %llu rows sealed, head %s; %zu of %zu recorded heads matched",
           v.last_seq, v.last_hash, v.heads_seen, heads.n);
    if (dropped) printf("; %zu recorded after the restored point (history the restore replaced)", dropped);
    printf("\n");
    /* Normal for rows of the last seconds; old ones mean the event
     * scheduler is off (the event audit_seal_tick seals every 2 s). */
    if (waiting) printf("%lld rows not sealed yet, the oldest from %s\n", waiting, oldest);
    if (after_restore)
      err = chain_heads_append(path, "restore", v.last_seq, v.last_hash);
    else if (v.last_seq && (v.last_seq != heads.last.seq || strcmp(v.last_hash, heads.last.hash)))
      err = chain_heads_append(path, "head", v.last_seq, v.last_hash);
    if (err) rc = report(err);
  }
  chain_heads_free(&heads);
  db_disconnect();
  return rc;
}

int main(int argc, char **argv)
{
  if (argc == 2 && strcmp(argv[1], "check") == 0) return run(0);
  if (argc == 2 && strcmp(argv[1], "restored") == 0) return run(1);
  fprintf(stderr, "usage: kehu-audit check|restored\n");
  return 2;
}
