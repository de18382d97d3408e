#ifndef KEHU_DB_CUSTOMER_H
#define KEHU_DB_CUSTOMER_H
/* Customer files, as far as the user's regions allow. */
#include "core/req.h"

/* The customer under Customer.*, key people under Contacts.N, figures under
 * Summary.*; *found = 0 when it does not exist or is outside the user's
 * regions (the two are not told apart). */
NEOERR *db_customer_get(const struct user *u, long long id, HDF *hdf, int *found);
/* The regions the user may see, under prefix.N.{id,code,name_zh,name_en}. */
NEOERR *db_region_list(const struct user *u, HDF *hdf, const char *prefix);
/* Counts for the home page, under Home.*. */
NEOERR *db_home_counts(const struct user *u, HDF *hdf);
#endif
