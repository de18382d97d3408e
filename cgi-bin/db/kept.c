#include "db/kept.h"

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
