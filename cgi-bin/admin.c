/* 系统管理, program admin.fcgi: users, products and regions maintained
 * without SQL. The route table; the pages are in cgi-bin/admin/. */
#include "admin/pages.h"
#include "db/runtime.h"

static const struct route routes[] = {
  { "GET", "/admin", ROLE_ADMIN, admin_index, 0, 0 },
  { "GET", "/admin/users", ROLE_ADMIN, admin_users, 0, 0 },
  { "GET", "/admin/users/new", ROLE_ADMIN, admin_user_new, 0, 0 },
  { "POST", "/admin/users", ROLE_ADMIN, admin_user_create, 0, 0 },
  { "GET", "/admin/users/{id}", ROLE_ADMIN, admin_user_edit, 0, 0 },
  { "POST", "/admin/users/{id}", ROLE_ADMIN, admin_user_save, 0, 0 },
  { "POST", "/admin/users/{id}/password", ROLE_ADMIN, admin_user_reset, 0, 0 },
  { "GET", "/admin/products", ROLE_ADMIN, admin_products, 0, 0 },
  { "GET", "/admin/products/new", ROLE_ADMIN, admin_product_new, 0, 0 },
  { "POST", "/admin/products", ROLE_ADMIN, admin_product_create, 0, 0 },
  { "GET", "/admin/products/{id}", ROLE_ADMIN, admin_product_edit, 0, 0 },
  { "POST", "/admin/products/{id}", ROLE_ADMIN, admin_product_save, 0, 0 },
  { "POST", "/admin/categories", ROLE_ADMIN, admin_category_save, 0, 0 },
  { "POST", "/admin/categories/{id}", ROLE_ADMIN, admin_category_save, 0, 0 },
  { "GET", "/admin/regions", ROLE_ADMIN, admin_regions, 0, 0 },
  { "GET", "/admin/regions/{id}", ROLE_ADMIN, admin_region_edit, 0, 0 },
  { "POST", "/admin/regions/{id}", ROLE_ADMIN, admin_region_save, 0, 0 },
  { "POST", "/admin/provinces", ROLE_ADMIN, admin_provinces_save, 0, 0 },
  { "GET", "/admin/outbox", ROLE_ADMIN, admin_outbox, 0, 0 },
  { "POST", "/admin/outbox/{id}/retry", ROLE_ADMIN, admin_outbox_retry, 0, 0 },
  { "GET", "/admin/calendar", ROLE_ADMIN, admin_calendar, 0, 0 },
  { "POST", "/admin/calendar", ROLE_ADMIN, admin_calendar_save, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
