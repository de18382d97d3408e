/* Dealer-support plans (支援经销商), program plans.fcgi: the route table.
 * The pages are in cgi-bin/plans/. Everyone signed in reads plans of their
 * regions and may draft, submit and record execution; only a leader
 * decides a submitted revision; only an admin changes the catalogue. */
#include "plans/pages.h"
#include "db/runtime.h"

static const struct route routes[] = {
  { "GET", "/plans", ROLES_SIGNED_IN, plans_list, 0, 0 },
  { "GET", "/plans/budget", ROLES_SIGNED_IN, plans_budget, 0, 0 },
  { "GET", "/plans/catalogue", ROLES_SIGNED_IN, plans_catalogue, 0, 0 },
  { "POST", "/plans/catalogue", ROLE_ADMIN, plans_measure_add, 0, 0 },
  { "POST", "/plans/catalogue/{id}", ROLE_ADMIN, plans_measure_update, 0, 0 },
  { "GET", "/plans/new", ROLES_SIGNED_IN, plans_new, 0, 0 },
  { "POST", "/plans/new", ROLES_SIGNED_IN, plans_create, 0, 0 },
  { "GET", "/plans/attachment/{id}", ROLES_SIGNED_IN, plans_attachment, 0, 0 },
  { "GET", "/plans/{id}", ROLES_SIGNED_IN, plans_show, 0, 0 },
  { "POST", "/plans/{id}/goals", ROLES_SIGNED_IN, plans_goals, 0, 0 },
  { "GET", "/plans/{id}/item", ROLES_SIGNED_IN, plans_item_form, 0, 0 },
  { "POST", "/plans/{id}/item", ROLES_SIGNED_IN, plans_item_save, 0, 0 },
  { "POST", "/plans/{id}/remove", ROLES_SIGNED_IN, plans_item_remove, 0, 0 },
  { "POST", "/plans/{id}/act", ROLES_SIGNED_IN, plans_act, 0, 0 },
  { "POST", "/plans/{id}/execute", ROLES_SIGNED_IN, plans_execute, PLAN_FILE_BYTES + (256L << 10),
    ROUTE_UPLOAD },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
