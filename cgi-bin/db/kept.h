#ifndef KEHU_DB_KEPT_H
#define KEHU_DB_KEPT_H
/* Rows that change rarely (regions, accounts, products), kept by each
 * worker process and read again when a minute old: one query fewer on
 * every page that names or offers them, at the price of a new region or
 * account showing up to a minute late in another worker. */
#include "db/db.h"
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
#endif
