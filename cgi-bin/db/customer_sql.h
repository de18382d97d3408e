#ifndef KEHU_DB_CUSTOMER_SQL_H
#define KEHU_DB_CUSTOMER_SQL_H
/* Pieces shared by the data-access files about customers (not for
 * handlers: they never see SQL). */
#include "core/req.h"

/* The regional scope of a customer row: parameters scope_limited(u), u->id. */
#define CUSTOMER_SCOPE(col) \
  "(? = 0 OR " col " IN (SELECT region_id FROM user_regions WHERE user_id = ?))"

/* The editable columns, in the order of customer_write.c's statements.
 * Not the lifecycle stage nor the ABC class: the analysis batch computes
 * them (the stage has its override form on the file). */
#define CUSTOMER_EDIT_COLS \
  "code, name, kind, region_id, owner_id, size_class, loyalty," \
  " non_customer, address, city, postal_code, phone, fax, email," \
  " founded_year, sales_force, delivery_capacity, warehouse_capacity," \
  " credit_limit, payment_terms, history, org_structure, business_goals"
#endif
