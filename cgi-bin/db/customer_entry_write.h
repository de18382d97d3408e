#ifndef KEHU_DB_CUSTOMER_ENTRY_WRITE_H
#define KEHU_DB_CUSTOMER_ENTRY_WRITE_H
/* Editing and removing the entries of a customer's file. */
#include "db/customer_entries.h"

/* `kind` is one of person, contact, needs, strategy, quote, service,
 * incentive, finance, order, payment; `entry_id` the row's id (a
 * financial year for finance).
 * The customer goes through the region scope first: an entry of a
 * customer the user cannot see is ENTRY_NOT_FOUND, like a missing one. */

/* The entry's editable values, version and label under prefix.*; *found 1,
 * 0 when it is not this customer's, -1 when the customer is not visible. */
NEOERR *db_entry_get(const struct user *u, long long customer_id, const char *kind,
                     long long entry_id, HDF *hdf, const char *prefix, int *found);
/* Saves the values (children of v named as the columns) when the entry
 * still has `version`, else ENTRY_CONFLICT; one audit row names each
 * changed field ("name: before → after"). */
NEOERR *db_entry_update(const struct user *u, const char *ip, long long customer_id,
                        const char *kind, long long entry_id, long long version, HDF *v,
                        enum entry_outcome *outcome);
/* Moves the entry to customer_entries_removed with the reason, and
 * deletes it (so every trigger-kept figure follows); an order's lines go
 * with it, an order that payments name is ENTRY_IN_USE. */
NEOERR *db_entry_remove(const struct user *u, const char *ip, long long customer_id,
                        const char *kind, long long entry_id, const char *reason,
                        enum entry_outcome *outcome);

/* Inside a transaction: customers.last_purchase_on again from the
 * customer's orders (a cancelled order is no purchase). No trigger keeps
 * it (schema/DERIVED.md). */
NEOERR *db_customer_last_purchase(long long customer_id);
#endif
