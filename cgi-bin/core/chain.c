#include "core/chain.h"

#include <stdarg.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char CHAIN_GENESIS[CHAIN_HEX] =
    "0000000000000000000000000000000000000000000000000000000000000000";

static void add_field(crypto_hash_sha256_state *st, const char *v)
{
  if (!v) {
    crypto_hash_sha256_update(st, (const unsigned char *)"-", 1);
    return;
  }
  size_t n = strlen(v);
  char len[24];
  int k = snprintf(len, sizeof len, "%zu:", n);
  crypto_hash_sha256_update(st, (const unsigned char *)len, (unsigned long long)k);
  crypto_hash_sha256_update(st, (const unsigned char *)v, n);
}

void chain_row_hash(const char *prev, const struct chain_row *r, char out[CHAIN_HEX])
{
  crypto_hash_sha256_state st;
  unsigned char sum[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_init(&st);
  crypto_hash_sha256_update(&st, (const unsigned char *)prev, strlen(prev));
  const char *fields[] = { r->seq, r->id, r->at, r->user_id, r->action,
                           r->entity, r->entity_id, r->detail, r->ip };
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) add_field(&st, fields[i]);
  crypto_hash_sha256_final(&st, sum);
  sodium_bin2hex(out, CHAIN_HEX, sum, sizeof sum);
}

void chain_verify_init(struct chain_verify *v, const struct chain_head *heads, size_t nheads)
{
  memset(v, 0, sizeof *v);
  v->heads = heads;
  v->nheads = nheads;
  memcpy(v->last_hash, CHAIN_GENESIS, CHAIN_HEX);
}

static int broken(struct chain_verify *v, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int broken(struct chain_verify *v, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(v->msg, sizeof v->msg, fmt, ap);
  va_end(ap);
  v->broken = 1;
  return -1;
}

int chain_verify_row(struct chain_verify *v, const struct chain_row *r, const char *stored_hash)
{
  if (v->broken) return -1;
  unsigned long long seq = r->seq ? strtoull(r->seq, NULL, 10) : 0;
  if (seq != v->last_seq + 1) {
    return broken(v, "first broken row: seq %llu is missing (the row after seq %llu is"
                  " seq %llu, id %s): rows were deleted", v->last_seq + 1, v->last_seq,
                  seq, r->id ? r->id : "?");
  }
  char want[CHAIN_HEX];
  chain_row_hash(v->last_hash, r, want);
  if (!stored_hash || strcmp(want, stored_hash) != 0) {
    return broken(v, "first broken row: seq %llu (id %s): its content or hash was altered"
                  " (stored %.16s..., computed %.16s...)", seq, r->id ? r->id : "?",
                  stored_hash ? stored_hash : "NULL", want);
  }
  /* heads are sorted by seq and rows come in seq order: a merge. */
  while (v->heads_seen < v->nheads && v->heads[v->heads_seen].seq == seq) {
    const struct chain_head *h = &v->heads[v->heads_seen];
    if (strcmp(h->hash, want) != 0) {
      return broken(v, "head mismatch: seq %llu (id %s) has hash %.16s..., but the head"
                    " recorded at %s was %.16s...: the chain was rewritten up to here",
                    seq, r->id ? r->id : "?", want, h->when, h->hash);
    }
    v->heads_seen++;
  }
  v->last_seq = seq;
  memcpy(v->last_hash, want, CHAIN_HEX);
  return 0;
}

int chain_verify_end(struct chain_verify *v, int after_restore, size_t *dropped)
{
  if (dropped) *dropped = 0;
  if (v->broken) return -1;
  if (v->heads_seen == v->nheads) return 0;
  if (after_restore) {
    if (dropped) *dropped = v->nheads - v->heads_seen;
    return 0;
  }
  const struct chain_head *h = &v->heads[v->heads_seen];
  return broken(v, "head mismatch: the head recorded at %s is seq %llu, but the chain ends at"
                " seq %llu: rows were deleted from its end", h->when, h->seq, v->last_seq);
}
