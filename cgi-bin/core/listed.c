#include "core/listed.h"
#include "core/app.h"
#include "core/err.h"

NEOERR *listed_check(struct req *r, const char *list, unsigned id, const char *key)
{
  if (!id) return STATUS_OK;
  HDF *rows = hdf_get_obj(r->hdf, list);
  for (HDF *g = rows ? hdf_obj_child(rows) : NULL; g; g = hdf_obj_next(g))
    if ((unsigned)hdf_get_int_value(g, "id", 0) == id) return STATUS_OK;
  return nerr_pass(app_fail(r, KERR_NOT_FOUND, key));
}
