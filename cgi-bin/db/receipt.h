#ifndef KEHU_DB_RECEIPT_H
#define KEHU_DB_RECEIPT_H
/* Money received (回款) from a customer and its allocation to the
 * customer's due items (payments rows), schema/039; the rules are in
 * docs/payments.md. Every function goes through the region scope: a
 * customer the user may not see is RECEIPT_NOT_FOUND, like a missing one. */
#include "core/req.h"

#define RECEIPT_MAX_ITEMS 100   /* open items the form lists and takes */

struct receipt_alloc {
  long long item;               /* payments.id */
  long long cents;
};

struct receipt_in {
  const char *received_on, *method, *reference;
  long long cents;              /* received now; 0 when only applying the advance */
  int advance;                  /* the unallocated rest is recorded as 预收款 */
  int use_advance;              /* allocations draw on the advance first */
  int n;                        /* allocations given; 0: oldest due first */
  struct receipt_alloc a[RECEIPT_MAX_ITEMS];
};

enum receipt_outcome {
  RECEIPT_OK, RECEIPT_NOT_FOUND,
  RECEIPT_NOT_OPEN,             /* *bad_item is settled or not this customer's */
  RECEIPT_OVER_ITEM,            /* more than *bad_item still owes */
  RECEIPT_OVER_RECEIVED,        /* allocations exceed what is received (+ advance) */
  RECEIPT_REMAINDER,            /* some received money left and no advance ticked */
  RECEIPT_NOTHING,              /* nothing received and nothing applied */
};

/* The customer's open and partly paid items, oldest due first, under
 * prefix.Items.N.{id, order_no, amount, paid_amount, owed, due_on,
 * overdue}, and its unapplied advance at prefix.advance. The caller has
 * loaded the customer through db_customer_get (region scope). */
NEOERR *db_receipt_form(long long customer_id, HDF *hdf, const char *prefix);
/* The customer's receipts, newest first, under prefix.N.{id, received_on,
 * amount, method, reference, allocated, who}. */
NEOERR *db_receipt_list(long long customer_id, HDF *hdf, const char *prefix);

/* Records in one transaction with its audit row; *bad_item names the
 * item of RECEIPT_NOT_OPEN / RECEIPT_OVER_ITEM. */
NEOERR *db_receipt_record(const struct user *u, const char *ip, long long customer_id,
                          const struct receipt_in *in, enum receipt_outcome *outcome,
                          long long *bad_item);
/* Moves the receipt to customer_entries_removed (with its allocations),
 * takes its allocations back from the items, and deletes it. */
NEOERR *db_receipt_remove(const struct user *u, const char *ip, long long customer_id,
                          long long receipt_id, const char *reason,
                          enum receipt_outcome *outcome);
#endif
