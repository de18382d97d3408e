#ifndef KEHU_DB_ORDER_H
#define KEHU_DB_ORDER_H
/* Orders entered on a customer file (docs/orders.md): create, change the
 * lines while ordered, deliver, cancel; each with its due item (a row of
 * payments) and the credit check. The customer goes through the region
 * scope first, so an order of a customer the user cannot see is
 * ORDER_NOT_FOUND like a missing one. Line amounts and totals are worked
 * out by the database (DECIMAL), never in C. The writes are in
 * order_write.h. */
#include "core/req.h"

#define ORDER_MAX_LINES 50

/* The order under prefix.* and its lines under prefix.Lines.N; *found 0
 * when it is not a visible customer's. */
NEOERR *db_order_get(const struct user *u, long long customer_id, long long order_id,
                     HDF *hdf, const char *prefix, int *found);
#endif
