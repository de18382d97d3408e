#ifndef KEHU_CHAIN_H
#define KEHU_CHAIN_H
/* The audit log's hash chain (schema/030, docs/audit-chain.md): each
 * sealed row's hash is SHA-256 over the previous row's hash and the row's
 * canonical content. This is the C side of audit_row_hash(): kehu-audit
 * recomputes the chain with it, independently of the database's copy. */
#include <stddef.h>

#define CHAIN_HEX 65 /* 64 hex digits and the NUL */

/* One audit_log row as text, NULL for SQL NULL (at as
 * 'YYYY-MM-DD hh:mm:ss.fff'). */
struct chain_row {
  const char *seq, *id, *at, *user_id, *action, *entity, *entity_id, *detail, *ip;
};

/* The hash before the first row: 64 zeros. */
extern const char CHAIN_GENESIS[CHAIN_HEX];

/* out = hex SHA-256 of prev followed by each field as "-" (NULL) or
 * "<bytes>:<text>", in the order of struct chain_row. */
void chain_row_hash(const char *prev, const struct chain_row *r, char out[CHAIN_HEX]);

/* Checks the chain row by row, in chain order, against the heads recorded
 * outside the database. Stops at the first broken row; msg says which. */
struct chain_head {
  unsigned long long seq;
  char hash[CHAIN_HEX];
  char when[32];
};

struct chain_verify {
  const struct chain_head *heads; /* sorted by seq, see chain_heads_load */
  size_t nheads;
  unsigned long long last_seq;    /* of the last row checked, 0 before any */
  char last_hash[CHAIN_HEX];
  size_t heads_seen;              /* recorded heads matched so far */
  int broken;
  char msg[512];
};

void chain_verify_init(struct chain_verify *v, const struct chain_head *heads, size_t nheads);
/* 0 if the row continues the chain, -1 (and msg) at the first break. */
int chain_verify_row(struct chain_verify *v, const struct chain_row *r, const char *stored_hash);
/* After the last row: every recorded head must have been met. With
 * after_restore, heads beyond the chain's end are history a restore
 * dropped (counted in *dropped), not a break. 0 or -1 (and msg). */
int chain_verify_end(struct chain_verify *v, int after_restore, size_t *dropped);
#endif
