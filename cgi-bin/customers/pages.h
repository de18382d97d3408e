#ifndef KEHU_CUSTOMERS_PAGES_H
#define KEHU_CUSTOMERS_PAGES_H
/* The customer-file pages (program customers.fcgi). cgi-bin/customers.c
 * holds the route table; each file here holds one part of the pages. */
#include "core/app.h"

/* list.c: the list, search, filters, sorting; export */
NEOERR *customers_list(struct req *r);
NEOERR *customers_export_csv(struct req *r);
NEOERR *customers_export_xlsx(struct req *r);

/* file.c: the customer file with its tabs */
NEOERR *customers_show(struct req *r);

/* lifecycle.c: the lifecycle override with its reason, or its removal */
NEOERR *customers_lifecycle(struct req *r);

/* edit.c: create, edit (optimistic locking), archive, merge */
NEOERR *customers_new_form(struct req *r);
NEOERR *customers_create(struct req *r);
NEOERR *customers_edit_form(struct req *r);
NEOERR *customers_update(struct req *r);
NEOERR *customers_archive(struct req *r);
NEOERR *customers_restore(struct req *r);
NEOERR *customers_merge_form(struct req *r);
NEOERR *customers_merge(struct req *r);

/* entries.c: entries added to a file (key people, contact log, ...) */
NEOERR *customers_add_entry(struct req *r);
NEOERR *customers_edit_entry(struct req *r);
NEOERR *customers_remove_entry(struct req *r);
/* The edit panel of entry_id on `tab` (file.c, for ?edit=N): Form.* its
 * values, Edit.* its fields; 404 when it is not this customer's. */
NEOERR *customers_entry_panel(struct req *r, const char *tab, long long entry_id);

/* payments.c: money received (回款), the statement (对账单) */
NEOERR *customers_receipt(struct req *r);
NEOERR *customers_receipt_remove(struct req *r);
NEOERR *customers_statement(struct req *r);
NEOERR *customers_statement_xlsx(struct req *r);
/* The payments tab's receipt form, receipts and default date (file.c). */
NEOERR *customers_payments_tab(struct req *r);
/* orders.c: order entry, an order's page (lines while ordered, delivery,
 * cancelling), the credit check's warning */
NEOERR *customers_order_form(struct req *r);
NEOERR *customers_order_create(struct req *r);
NEOERR *customers_order_show(struct req *r);
NEOERR *customers_order_update(struct req *r);
NEOERR *customers_order_deliver(struct req *r);
NEOERR *customers_order_cancel(struct req *r);

/* import.c: CSV/XLSX import with preview and all-or-nothing commit */
NEOERR *customers_import_form(struct req *r);
NEOERR *customers_import_upload(struct req *r);
NEOERR *customers_import_preview(struct req *r);
NEOERR *customers_import_commit(struct req *r);
NEOERR *customers_import_status(struct req *r);
#endif
