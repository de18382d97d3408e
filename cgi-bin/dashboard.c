/* The regional dealer dashboard (经销商看板), program dashboard.fcgi: the
 * route table. The pages are in cgi-bin/dashboard/; only admins change
 * the dashboard's thresholds. */
#include "dashboard/pages.h"
#include "db/runtime.h"

static const struct route routes[] = {
  { "GET", "/dashboard", ROLES_SIGNED_IN, dash_overview, 0, 0 },
  { "GET", "/dashboard.csv", ROLES_SIGNED_IN, dash_export_csv, 0, 0 },
  { "GET", "/dashboard.xlsx", ROLES_SIGNED_IN, dash_export_xlsx, 0, 0 },
  { "GET", "/dashboard/settings", ROLE_ADMIN, dash_settings_form, 0, 0 },
  { "POST", "/dashboard/settings", ROLE_ADMIN, dash_settings_save, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
