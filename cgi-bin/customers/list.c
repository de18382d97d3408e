/* The customer list: search, filters, pages; export. */
#include "customers/pages.h"
#include "core/err.h"
#include "core/page.h"
#include "db/customer.h"
#include "db/customer_list.h"
#include <string.h>

#define PER_PAGE 20

static const char *kinds[] = { "dealer", "end_customer", "organisation" };

NEOERR *customers_list(struct req *r)
{
  char q[256];
  struct customer_filter f = {
    .q = req_param_trim(r, "q", q, sizeof q),
    .region_id = (unsigned)req_param_int(r, "region", 0, 0, 65535),
    .kind = NULL,
    .page = (int)req_param_int(r, "page", 1, 1, 1000000),
    .per = PER_PAGE,
  };
  const char *kind = req_param(r, "kind");
  for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
    if (strcmp(kind, kinds[i]) == 0) f.kind = kinds[i];
  HDF *h = r->hdf;
  NEOERR *err;
  if ((err = hdf_set_value(h, "Page.Section", "customers")) ||
      (err = hdf_set_value(h, "Filter.q", f.q)) ||
      (err = hdf_set_int_value(h, "Filter.region", (int)f.region_id)) ||
      (err = hdf_set_value(h, "Filter.kind", f.kind ? f.kind : "")))
    return nerr_pass(err);
  long long total;
  if ((err = db_region_list(&r->user, h, "Regions")) ||
      (err = db_customer_list(&r->user, &f, h, &total)) ||
      (err = page_pager(r, total, f.page, PER_PAGE)))
    return nerr_pass(err);
  r->template = "customers/list.cs";
  return STATUS_OK;
}

NEOERR *customers_export_csv(struct req *r)
{
  return app_fail(r, KERR_NOT_FOUND, "NotYet");
}

NEOERR *customers_export_xlsx(struct req *r)
{
  return app_fail(r, KERR_NOT_FOUND, "NotYet");
}
