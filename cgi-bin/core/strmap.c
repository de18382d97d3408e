#include "core/strmap.h"
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static NEOERR *grow(struct strmap *m)
{
  long cap = m->cap ? m->cap * 2 : 256;
  char **keys = realloc(m->keys, (size_t)cap * sizeof *keys);
  if (keys) m->keys = keys;
  long *vals = realloc(m->vals, (size_t)cap * sizeof *vals);
  if (vals) m->vals = vals;
  if (!keys || !vals) return nerr_raise(NERR_NOMEM, "strmap");
  m->cap = cap;
  return STATUS_OK;
}

NEOERR *strmap_put(struct strmap *m, const char *key, long val, long *found)
{
  *found = -1;
  NEOERR *err;
  if (!m->index && (err = ne_hash_init(&m->index, ne_hash_str_hash, ne_hash_str_comp)))
    return nerr_pass(err);
  char k[STRMAP_KEY_MAX + 1];
  size_t n = 0;
  for (; key[n] && n < STRMAP_KEY_MAX; n++) k[n] = (char)tolower((unsigned char)key[n]);
  k[n] = '\0';
  intptr_t at = (intptr_t)ne_hash_lookup(m->index, k);
  if (at) {
    *found = m->vals[at - 1];
    return STATUS_OK;
  }
  if (m->count == m->cap && (err = grow(m))) return nerr_pass(err);
  char *copy = strdup(k);
  if (!copy) return nerr_raise(NERR_NOMEM, "strmap");
  if ((err = ne_hash_insert(m->index, copy, (void *)(intptr_t)(m->count + 1)))) {
    free(copy);
    return nerr_pass(err);
  }
  m->keys[m->count] = copy;
  m->vals[m->count++] = val;
  return STATUS_OK;
}

void strmap_free(struct strmap *m)
{
  ne_hash_destroy(&m->index);
  for (long i = 0; i < m->count; i++) free(m->keys[i]);
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}
