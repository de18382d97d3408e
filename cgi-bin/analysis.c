/* Customer analysis (客户分析, issue 17), program analysis.fcgi: the route
 * table. nginx sends /analysis here. The pages are in cgi-bin/analysis/,
 * their SQL in cgi-bin/db/analysis_*.c; every page reads what the batch
 * (tools/kehu-analyse.c) stored, never the raw history. */
#include "analysis/pages.h"
#include "db/runtime.h"

static const struct route routes[] = {
  { "GET", "/analysis", ROLES_SIGNED_IN, analysis_overview, 0, 0 },
  { "GET", "/analysis/report", ROLES_SIGNED_IN, analysis_report, 0, 0 },
  { "GET", "/analysis/report.csv", ROLES_SIGNED_IN, analysis_report_csv, 0, 0 },
  { "GET", "/analysis/report.xlsx", ROLES_SIGNED_IN, analysis_report_xlsx, 0, 0 },
  { "GET", "/analysis/watch", ROLES_SIGNED_IN, analysis_watch, 0, 0 },
  { "GET", "/analysis/watch.csv", ROLES_SIGNED_IN, analysis_watch_csv, 0, 0 },
  { "GET", "/analysis/watch.xlsx", ROLES_SIGNED_IN, analysis_watch_xlsx, 0, 0 },
  { "GET", "/analysis/profit", ROLES_SIGNED_IN, analysis_profit, 0, 0 },
  { "GET", "/analysis/profit.csv", ROLES_SIGNED_IN, analysis_profit_csv, 0, 0 },
  { "GET", "/analysis/profit.xlsx", ROLES_SIGNED_IN, analysis_profit_xlsx, 0, 0 },
  { "GET", "/analysis/churn", ROLES_SIGNED_IN, analysis_churn, 0, 0 },
  { "GET", "/analysis/wake", ROLES_SIGNED_IN, analysis_wake, 0, 0 },
  { "GET", "/analysis/wake.csv", ROLES_SIGNED_IN, analysis_wake_csv, 0, 0 },
  { "GET", "/analysis/wake.xlsx", ROLES_SIGNED_IN, analysis_wake_xlsx, 0, 0 },
  { "GET", "/analysis/wake/{id}", ROLES_SIGNED_IN, analysis_wake_decision, 0, 0 },
  { "POST", "/analysis/wake/{id}", ROLES_SIGNED_IN, analysis_wake_decide, 0, 0 },
  { "POST", "/analysis/wake/{id}/outcome", ROLES_SIGNED_IN, analysis_wake_outcome, 0, 0 },
  { "GET", "/analysis/settings", ROLES_SIGNED_IN, analysis_settings, 0, 0 },
  { "POST", "/analysis/settings", ROLE_ADMIN, analysis_settings_save, 0, 0 },
  { "POST", "/analysis/settings/run", ROLE_ADMIN, analysis_settings_run, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
