/* The customer file (客户档案) with its tabs. */
#include "customers/pages.h"
#include "core/err.h"
#include "db/customer.h"

NEOERR *customers_show(struct req *r)
{
  int found;
  NEOERR *err = db_customer_get(&r->user, r->id, r->hdf, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = hdf_set_value(r->hdf, "Page.Section", "customers"))) return nerr_pass(err);
  r->template = "customers/show.cs";
  return STATUS_OK;
}
