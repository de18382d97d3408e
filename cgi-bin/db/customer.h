#ifndef KEHU_DB_CUSTOMER_H
#define KEHU_DB_CUSTOMER_H
/* Customer files, as far as the user's regions allow (writes:
 * customer_write.h). */
#include "core/req.h"

/* The customer under Customer.*, its figures under Summary.*, the number of
 * rows on each tab under TabCount.<tab>; *found = 0 when it does not exist or is outside the user's
 * regions (the two are not told apart). */
NEOERR *db_customer_get(const struct user *u, long long id, HDF *hdf, int *found);
/* The regions the user may see, under prefix.N.{id,code,name_zh,name_en}. */
NEOERR *db_region_list(const struct user *u, HDF *hdf, const char *prefix);
/* Every region's id (the same list, kept a minute), at most max. */
NEOERR *db_region_ids(unsigned *ids, int max, int *n);
/* *visible = 1 when region_id is a region and the user may see it. */
NEOERR *db_region_visible(const struct user *u, unsigned region_id, int *visible);
/* Counts for the home page, under Home.*. */
NEOERR *db_home_counts(const struct user *u, HDF *hdf);

/* The editable columns and version of a customer, under prefix.<column>,
 * for an edit form; *found as db_customer_get. */
NEOERR *db_customer_values(const struct user *u, long long id, HDF *hdf,
                           const char *prefix, int *found);
/* A customer by code or number, under prefix.* (id, code, name, region,
 * city, phone, status); the same scoping as db_customer_get. */
NEOERR *db_customer_by_code(const struct user *u, const char *code_or_id, HDF *hdf,
                            const char *prefix, int *found);
/* Staff who can own customers, under prefix.N.{id,display_name}. */
NEOERR *db_owner_list(HDF *hdf, const char *prefix);
#endif
