/* GET /analysis: the analysis overview. */
#include "analysis/pages.h"

NEOERR *analysis_overview(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "analysis");
  if (err) return nerr_pass(err);
  r->template = "analysis/overview.cs";
  return STATUS_OK;
}
