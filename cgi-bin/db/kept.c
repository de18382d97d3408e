#include "db/kept.h"
#include <stdlib.h>
#include <string.h>

static NEOERR *read_now(struct db_kept *k, time_t now)
{
  HDF *fresh;
  NEOERR *err = hdf_init(&fresh);
  if (err) return nerr_pass(err);
  if ((err = k->fill(fresh, k->arg))) {
    hdf_destroy(&fresh);
    return nerr_pass(err);
  }
  hdf_destroy(&k->hdf);
  k->hdf = fresh;
  k->at = now;
  k->revision++;
  return STATUS_OK;
}

NEOERR *db_kept_fresh(struct db_kept *k)
{
  time_t now = time(NULL);
  if (k->hdf && now - k->at < KEPT_TTL) return STATUS_OK;
  return nerr_pass(read_now(k, now));
}

NEOERR *db_kept_reread(struct db_kept *k)
{
  time_t now = time(NULL);
  if (k->hdf && now == k->at) return STATUS_OK;
  return nerr_pass(read_now(k, now));
}

NEOERR *db_kept_rows(HDF *fresh, void *arg)
{
  const struct kept_rows *r = arg;
  NEOERR *err = db_exec(r->st, "");
  if (err) return nerr_pass(err);
  return nerr_pass(db_rows_to_hdf(r->st, fresh, r->prefix, NULL));
}

struct kept_entry {
  unsigned long hash;
  void *value, *key;         /* one allocation: the value first (malloc's alignment), then the key */
  size_t keylen, len;
  long long rev;
  time_t at;
};

time_t (*kept_clock)(time_t *) = time;

static unsigned long hash_bytes(const void *p, size_t n)
{
  const unsigned char *s = p;
  unsigned long h = 1469598103934665603UL;    /* FNV-1a */
  while (n--) h = (h ^ *s++) * 1099511628211UL;
  return h;
}

static struct kept_entry *find(struct kept_map *m, const void *key, size_t keylen,
                               unsigned long h)
{
  for (int i = 0; m->e && i < m->slots; i++) {
    struct kept_entry *e = &m->e[i];
    if (e->key && e->hash == h && e->keylen == keylen && memcmp(e->key, key, keylen) == 0)
      return e;
  }
  return NULL;
}

const void *kept_get(struct kept_map *m, const void *key, size_t keylen, long long rev,
                     size_t *len)
{
  struct kept_entry *e = find(m, key, keylen, hash_bytes(key, keylen));
  if (!e || e->rev != rev || (m->ttl > 0 && kept_clock(NULL) - e->at >= m->ttl)) return NULL;
  if (len) *len = e->len;
  return e->value;
}

void kept_put(struct kept_map *m, const void *key, size_t keylen, long long rev,
              const void *value, size_t len)
{
  if (m->slots <= 0) return;
  if (!m->e && !(m->e = calloc((size_t)m->slots, sizeof *m->e))) return;
  unsigned long h = hash_bytes(key, keylen);
  struct kept_entry *e = find(m, key, keylen, h);
  if (!e) {
    e = &m->e[m->next];
    m->next = (m->next + 1) % m->slots;
  }
  /* +1: a value that is text stays a C string */
  char *copy = malloc(len + 1 + keylen);
  free(e->value);
  *e = (struct kept_entry){ .key = NULL };
  if (!copy) return;
  memcpy(copy, value, len);
  copy[len] = '\0';
  memcpy(copy + len + 1, key, keylen);
  *e = (struct kept_entry){ .hash = h, .value = copy, .key = copy + len + 1, .keylen = keylen,
                            .len = len, .rev = rev, .at = kept_clock(NULL) };
}

void kept_clear(struct kept_map *m)
{
  for (int i = 0; m->e && i < m->slots; i++) free(m->e[i].value);
  free(m->e);
  m->e = NULL;
  m->next = 0;
}

static const char row_key[] = "row";

void kept_row_put(struct kept_row *k, const void *value)
{
  kept_put(&k->map, row_key, sizeof row_key - 1, 0, value, k->size);
}

NEOERR *kept_row_fresh(struct kept_row *k, void *out)
{
  NEOERR *err = k->read(out);
  if (err) return nerr_pass(err);
  kept_row_put(k, out);
  return STATUS_OK;
}

NEOERR *kept_row_get(struct kept_row *k, void *out)
{
  const void *v = kept_get(&k->map, row_key, sizeof row_key - 1, 0, NULL);
  if (!v) return nerr_pass(kept_row_fresh(k, out));
  memcpy(out, v, k->size);
  return STATUS_OK;
}
