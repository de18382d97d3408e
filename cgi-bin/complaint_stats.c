/* The complaints overview (投诉统计), program complaint_stats.fcgi: the
 * route table. nginx sends /complaints/overview here (a longer prefix than
 * the staff pages' /complaints). The pages are in cgi-bin/complaint_stats/. */
#include "complaint_stats/pages.h"
#include "db/runtime.h"

static const struct route routes[] = {
  { "GET", "/complaints/overview", ROLES_SIGNED_IN, stats_overview, 0, 0 },
  { "GET", "/complaints/overview.csv", ROLES_SIGNED_IN, stats_export_csv, 0, 0 },
  { "GET", "/complaints/overview.xlsx", ROLES_SIGNED_IN, stats_export_xlsx, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
