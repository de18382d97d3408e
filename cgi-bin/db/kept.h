#ifndef KEHU_DB_KEPT_H
#define KEHU_DB_KEPT_H
/* "Kept" means one thing in this code: a copy of something read from the
 * database (or worked out from it) that a worker process holds between
 * requests, valid for an age or while a revision holds. Two shapes:
 *
 *  - struct db_kept: one HDF of rows that change rarely (regions,
 *    accounts, products), read again when a minute old: one query fewer on
 *    every page that names or offers them, at the price of a new region or
 *    account showing up to a minute late in another worker.
 *  - struct kept_map: values found by a key (a count, a deep page's
 *    anchor, a plan choice, rendered HTML), each valid for the map's age
 *    and, where the caller gives one, while its revision is unchanged.
 *  - struct kept_row: one struct read from a settings table, kept a minute
 *    (a kept_map of one slot with the function that reads it).
 *
 * A FastCGI worker serves one request at a time, so neither locks. */
#include "db/db.h"
#include <stddef.h>
#include <time.h>

#define KEPT_TTL 60

struct db_kept {
  /* Fills a fresh HDF; on failure it is thrown away and the old copy kept. */
  NEOERR *(*fill)(HDF *fresh, void *arg);
  void *arg;
  HDF *hdf;                  /* NULL until first read */
  time_t at;                 /* when it was read */
  unsigned long revision;    /* one more on each read */
};

/* k->hdf, read first if missing or a minute old. */
NEOERR *db_kept_fresh(struct db_kept *k);
/* k->hdf read again now, unless it was already read this second (a lookup
 * that misses a new id retries once, not on every row). */
NEOERR *db_kept_reread(struct db_kept *k);
/* A fill: the statement's rows (no parameters) as node `prefix` (.0, .1, ...). */
struct kept_rows { DB_STMT *st; const char *prefix; };
NEOERR *db_kept_rows(HDF *fresh, void *kept_rows);

/* A keyed map of values. The map owns copies of keys and values; a value
 * found stays valid until the next kept_put or kept_clear on that map.
 * A new key takes the slots in turn, so the one filled longest ago gives way. A
 * failed allocation stores nothing: the caller reads from the database
 * again next time, as on any miss. */
struct kept_entry;
struct kept_map {
  int slots;                 /* how many values at most */
  int ttl;                   /* seconds a value stays valid; 0: until cleared */
  struct kept_entry *e;      /* allocated by the first kept_put */
  int next;                  /* the slot the next new key takes */
};
#define KEPT_MAP(slots_, ttl_) { .slots = (slots_), .ttl = (ttl_) }

/* The value stored under key (keylen bytes) with this revision, or NULL
 * when there is none, it is older than the map's ttl, or it was stored
 * under another revision. *len (if not NULL) gets its length. */
const void *kept_get(struct kept_map *m, const void *key, size_t keylen, long long rev,
                     size_t *len);
/* Stores a copy of value under key and revision, replacing what the key
 * held. */
void kept_put(struct kept_map *m, const void *key, size_t keylen, long long rev,
              const void *value, size_t len);
/* Drops every value and the slots' memory. */
void kept_clear(struct kept_map *m);
/* One value of a fixed size (a settings row read into a struct), kept
 * KEPT_TTL seconds. read fills *out from the database (defaults where the
 * table has nothing). */
struct kept_row {
  struct kept_map map;
  size_t size;
  NEOERR *(*read)(void *out);
};
#define KEPT_ROW(type, read_) { .map = KEPT_MAP(1, KEPT_TTL), .size = sizeof(type), .read = (read_) }
/* *out: the kept copy while it is under a minute old, else read now. */
NEOERR *kept_row_get(struct kept_row *k, void *out);
/* *out read now and kept (the batch wants the table's values as they are). */
NEOERR *kept_row_fresh(struct kept_row *k, void *out);
/* Keeps value (what a save has just committed: this process shows it at once). */
void kept_row_put(struct kept_row *k, const void *value);

/* The clock the maps read (time() unless a unit test sets another). */
extern time_t (*kept_clock)(time_t *);
#endif
