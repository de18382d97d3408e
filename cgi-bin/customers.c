/* Customer files (客户档案), program customers.fcgi: the route table. The
 * pages are in cgi-bin/customers/. */
#include "customers/pages.h"
#include "db/runtime.h"

#define UPLOAD_MAX (20L << 20)   /* an import file; nginx allows the same */

static const struct route routes[] = {
  { "GET", "/customers", ROLES_SIGNED_IN, customers_list, 0, 0 },
  { "GET", "/customers/export.csv", ROLES_SIGNED_IN, customers_export_csv, 0, 0 },
  { "GET", "/customers/export.xlsx", ROLES_SIGNED_IN, customers_export_xlsx, 0, 0 },
  { "GET", "/customers/new", ROLES_SIGNED_IN, customers_new_form, 0, 0 },
  { "POST", "/customers/new", ROLES_SIGNED_IN, customers_create, 0, 0 },
  { "GET", "/customers/import", ROLES_OFFICE, customers_import_form, 0, 0 },
  { "POST", "/customers/import", ROLES_OFFICE, customers_import_upload, UPLOAD_MAX, ROUTE_UPLOAD },
  { "GET", "/customers/import/{id}", ROLES_OFFICE, customers_import_preview, 0, 0 },
  { "POST", "/customers/import/{id}", ROLES_OFFICE, customers_import_commit, 0, 0 },
  { "GET", "/customers/import/{id}/status", ROLES_OFFICE, customers_import_status, 0, 0 },
  { "GET", "/customers/{id}", ROLES_SIGNED_IN, customers_show, 0, 0 },
  { "GET", "/customers/{id}/edit", ROLES_SIGNED_IN, customers_edit_form, 0, 0 },
  { "POST", "/customers/{id}/edit", ROLES_SIGNED_IN, customers_update, 0, 0 },
  { "POST", "/customers/{id}/archive", ROLES_SIGNED_IN, customers_archive, 0, 0 },
  { "POST", "/customers/{id}/restore", ROLES_SIGNED_IN, customers_restore, 0, 0 },
  { "POST", "/customers/{id}/lifecycle", ROLES_SIGNED_IN, customers_lifecycle, 0, 0 },
  { "GET", "/customers/{id}/merge", ROLES_OFFICE, customers_merge_form, 0, 0 },
  { "POST", "/customers/{id}/merge", ROLES_OFFICE, customers_merge, 0, 0 },
  { "POST", "/customers/{id}/entries", ROLES_SIGNED_IN, customers_add_entry, 0, 0 },
  { "POST", "/customers/{id}/entries/edit", ROLES_SIGNED_IN, customers_edit_entry, 0, 0 },
  { "POST", "/customers/{id}/entries/remove", ROLES_SIGNED_IN, customers_remove_entry, 0, 0 },
  { "POST", "/customers/{id}/receipts", ROLES_SIGNED_IN, customers_receipt, 0, 0 },
  { "POST", "/customers/{id}/receipts/remove", ROLES_SIGNED_IN, customers_receipt_remove, 0, 0 },
  { "GET", "/customers/{id}/statement", ROLES_SIGNED_IN, customers_statement, 0, 0 },
  { "GET", "/customers/{id}/statement.xlsx", ROLES_SIGNED_IN, customers_statement_xlsx, 0, 0 },
  { "GET", "/customers/{id}/orders/new", ROLES_SIGNED_IN, customers_order_form, 0, 0 },
  { "POST", "/customers/{id}/orders/new", ROLES_SIGNED_IN, customers_order_create, 0, 0 },
  { "GET", "/customers/{id}/orders/edit", ROLES_SIGNED_IN, customers_order_show, 0, 0 },
  { "POST", "/customers/{id}/orders/edit", ROLES_SIGNED_IN, customers_order_update, 0, 0 },
  { "POST", "/customers/{id}/orders/deliver", ROLES_SIGNED_IN, customers_order_deliver, 0, 0 },
  { "POST", "/customers/{id}/orders/cancel", ROLES_SIGNED_IN, customers_order_cancel, 0, 0 },
  { 0 },
};

int main(int argc, char **argv)
{
  return app_main(argc, argv, routes, &db_runtime);
}
