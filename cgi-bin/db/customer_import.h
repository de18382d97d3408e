#ifndef KEHU_DB_CUSTOMER_IMPORT_H
#define KEHU_DB_CUSTOMER_IMPORT_H
/* Importing customers from a file: the lookups that turn labels into stored
 * values, the jobs (one per uploaded file, visible to its uploader only)
 * and the all-or-nothing commit. */
#include "core/req.h"

/* The columns an import fills, in the order values are passed below: the
 * order of the field table in customers/fields.c. */
#define IMPORT_NCOLS 23
extern const char *const import_cols[IMPORT_NCOLS];

/* Regions under prefix.N.{id,code,name_zh,name_en}; possible owners
 * (active staff, leaders, regional managers: the edit form's list) under
 * prefix.N.{id,username,display_name}. */
NEOERR *db_import_regions(HDF *hdf, const char *prefix);
NEOERR *db_import_owners(HDF *hdf, const char *prefix);

/* taken[i] = 1 for each codes[i] that already belongs to a customer,
 * compared the way the unique index compares (case-insensitively). */
#define IMPORT_CODE_BATCH 1000
NEOERR *db_import_codes_taken(const char *const *codes, int n, char *taken);

/* Orders (交易记录): ids[i] = the id of the customer with codes[i], 0 when
 * there is none (merged customers do not count); taken[i] = 1 for order
 * numbers that exist; active products under prefix.N.{id,code,name,
 * list_price}. */
NEOERR *db_import_customer_ids(const char *const *codes, int n, long long *ids);
NEOERR *db_import_orders_taken(const char *const *nos, int n, char *taken);
/* Payments (付款): customer_ids[i] = the customer of the order numbered
 * nos[i], 0 when there is none; ordered_on[i] its date (when not NULL). */
NEOERR *db_import_order_owners(const char *const *nos, int n, long long *customer_ids,
                               char (*ordered_on)[11]);
NEOERR *db_import_products(HDF *hdf, const char *prefix);

/* A parsed file becomes a job in state "ready". */
struct import_job_info {
  const char *entity;        /* "customer" (NULL), "order" or "payment" */
  const char *filename, *format, *charset;
  long long total, bad_rows, errors;
};
NEOERR *db_import_job_create(const struct user *u, const struct import_job_info *info,
                             long long *id);
/* The user's own job under prefix.{id,entity,filename,format,charset,total_rows,
 * bad_rows,errors,state,imported,first_id,last_id,message,created_at,
 * finished_at}; *found = 0 for a job of someone else (not told apart from
 * a missing one). */
NEOERR *db_import_job_get(const struct user *u, long long id, HDF *hdf,
                          const char *prefix, int *found);
/* The commit. begin claims a ready job without errors (one commit at a
 * time) and opens the transaction; row adds one row (values in
 * import_cols order) and sends a batch of rows when it is full; end sends
 * the rest, gives empty codes C + the id, writes the audit row, marks the
 * job done, commits, then indexes the new names for search. When row or
 * end fails, the transaction is rolled back, the job marked failed, and
 * *ci freed. abort does the same for a failure of the caller's. */
enum import_outcome {
  IMPORT_OK,
  IMPORT_NOT_READY,     /* not the user's, has errors, already done or running */
  IMPORT_CODE_TAKEN,    /* a code (order number) was taken since the preview */
};
struct customer_import;
enum import_entity { IMPORT_CUSTOMERS, IMPORT_ORDERS, IMPORT_PAYMENTS };
NEOERR *db_import_begin(const struct user *u, long long job, enum import_entity kind,
                        struct customer_import **ci, enum import_outcome *outcome);
NEOERR *db_customer_import_row(struct customer_import **ci, const char *const *values,
                               enum import_outcome *outcome);
/* Payments: customer_code, order_no (may be empty), amount, due_on,
 * paid_on (may be empty). */
NEOERR *db_payment_import_row(struct customer_import **ci, const char *const *values,
                              enum import_outcome *outcome);
/* Orders: begin, then every order (order_no, customer_id, salesperson_id,
 * ordered_on, delivered_on, total), then every line (order_no, product_id,
 * quantity, unit_price), then db_customer_import_end; the customers' last
 * purchase dates follow. *imported is then the number of orders. */
NEOERR *db_order_import_order(struct customer_import **ci, const char *const *values,
                              enum import_outcome *outcome);
NEOERR *db_order_import_line(struct customer_import **ci, const char *const *values,
                             enum import_outcome *outcome);
/* Rows sent to the database so far. */
long long db_customer_import_sent(const struct customer_import *ci);
NEOERR *db_customer_import_end(struct customer_import **ci, const char *ip,
                               long long *imported, enum import_outcome *outcome);
void db_customer_import_abort(struct customer_import **ci, const char *message);
#endif
