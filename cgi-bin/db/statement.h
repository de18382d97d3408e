#ifndef KEHU_DB_STATEMENT_H
#define KEHU_DB_STATEMENT_H
/* A customer's statement (对账单) for the days from..to (YYYY-MM-DD):
 * under prefix: opening, charges, receipts, closing (amounts), Lines.N
 * {on, kind (charge, receipt, paid), doc, method, due_on, charge,
 * receipt, balance}, truncated = 1 when the period had more lines than
 * are listed (the sums count them all). Definitions in docs/payments.md.
 * The caller has loaded the customer through db_customer_get (scope). */
#include "core/req.h"

#define STATEMENT_MAX_LINES 2000

NEOERR *db_statement(long long customer_id, const char *from, const char *to, HDF *hdf,
                     const char *prefix);
#endif
