/* GET /admin: the three things an administrator maintains, one card each. */
#include "admin/pages.h"
#include "core/err.h"

NEOERR *admin_show(struct req *r, const char *tmpl)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "admin");
  r->template = tmpl;
  return nerr_pass(err);
}

NEOERR *admin_index(struct req *r)
{
  return nerr_pass(admin_show(r, "admin/index.cs"));
}

NEOERR *admin_fetch(struct req *r, admin_get_fn get, const char *prefix)
{
  int found;
  NEOERR *err = get(&r->user, r->id, r->hdf, prefix, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  return STATUS_OK;
}
