#ifndef KEHU_DB_CUSTOMER_ENTRIES_H
#define KEHU_DB_CUSTOMER_ENTRIES_H
/* What is recorded in a customer's file besides its basic information:
 * key people, needs and strategy dynamics, the contact log, transactions,
 * quotes, service, rebates and promotions, financial indicators. */
#include "core/req.h"

/* The customer file's tabs, in screen order. */
extern const char *const customer_tabs[];
/* 1 when name is one of customer_tabs. */
int customer_tab_known(const char *name);

/* The rows of one tab of customer id under Tab.* (the caller has loaded the
 * customer through db_customer_get, which applies the region scope; the
 * user's scope also hides what the history says of other customers). */
NEOERR *db_customer_tab(const struct user *u, long long id, const char *tab, HDF *hdf);

/* The key people of customer id under prefix.N (the basic tab shows them
 * too: who to call is the first thing people look for). */
NEOERR *db_customer_people(long long id, HDF *hdf, const char *prefix);

/* Entry kinds a user can add; params are the validated values in the
 * order of the kind's fields (see customers/entries.c). */
enum entry_outcome { ENTRY_OK, ENTRY_NOT_FOUND, ENTRY_BAD_REFERENCE, ENTRY_CONFLICT,
                     ENTRY_DUPLICATE, ENTRY_IN_USE,
                     ENTRY_BELOW_PAID /* a due item's amount below what was paid */ };
NEOERR *db_entry_add(const struct user *u, const char *ip, long long customer_id,
                     const char *kind, HDF *v, const char *const *fields,
                     enum entry_outcome *outcome);
/* Marks a contact-log next action done. */
NEOERR *db_contact_done(const struct user *u, const char *ip, long long customer_id,
                        long long entry_id, enum entry_outcome *outcome);
/* Editing and removing (db/customer_entry_write.c). `kind` is one of
 * person, contact, needs, strategy, quote, service, incentive, finance,
 * order, payment; `entry_id` the row's id (a financial year for finance).
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

/* Active products under prefix.N.{id,code,name,list_price} (the entry forms
 * and the order form: a retired product is never offered). */
NEOERR *db_product_list(HDF *hdf, const char *prefix);
#endif
