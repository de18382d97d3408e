#ifndef KEHU_DB_CUSTOMER_ENTRIES_H
#define KEHU_DB_CUSTOMER_ENTRIES_H
/* What is recorded in a customer's file besides its basic information:
 * key people, needs and strategy dynamics, the contact log, transactions,
 * quotes, service, rebates and promotions, financial indicators. Editing
 * and removing entries: customer_entry_write.h. */
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
/* Active products under prefix.N.{id,code,name,list_price} (the entry forms
 * and the order form: a retired product is never offered). */
NEOERR *db_product_list(HDF *hdf, const char *prefix);
#endif
