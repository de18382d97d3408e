#ifndef KEHU_DB_CUSTOMER_H
#define KEHU_DB_CUSTOMER_H
/* Customer files, as far as the user's regions allow. */
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

/* Writes. `v` holds the validated values (see customers/fields.h) named as
 * the columns; empty optional values are stored as NULL. Every write is one
 * transaction with its audit row. Outcomes a user can fix come back in
 * *outcome (the write did not happen); other failures as errors. */
enum customer_outcome {
  CUSTOMER_OK,
  CUSTOMER_CONFLICT,       /* someone saved a newer version first */
  CUSTOMER_CODE_TAKEN,     /* the code belongs to another customer */
  CUSTOMER_REGION_DENIED,  /* not one of the user's regions */
  CUSTOMER_NOT_FOUND,      /* gone, or outside the user's regions */
  CUSTOMER_BAD_OWNER,      /* the owner is not an active staff account */
  CUSTOMER_SAME,           /* merge: a customer with itself */
};
NEOERR *db_customer_create(const struct user *u, const char *ip, HDF *v,
                           unsigned long long *id, enum customer_outcome *outcome);
/* Saves v over customer id if it is still at `version`. */
NEOERR *db_customer_update(const struct user *u, const char *ip, long long id,
                           long long version, HDF *v, enum customer_outcome *outcome);
/* status: "archived" or "active". */
NEOERR *db_customer_set_status(const struct user *u, const char *ip, long long id,
                               const char *status, enum customer_outcome *outcome);
/* Moves everything recorded for `gone` to `keep`, marks `gone` merged. */
NEOERR *db_customer_merge(const struct user *u, const char *ip, long long keep,
                          long long gone, enum customer_outcome *outcome);
#endif
