#ifndef KEHU_DB_CUSTOMER_WRITE_H
#define KEHU_DB_CUSTOMER_WRITE_H
/* Creating, editing, archiving and merging customer files, and the lock
 * the other writes about a customer take first. */
#include "core/req.h"

/* `v` holds the validated values (see customers/fields.h) named as
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

/* Inside a transaction: lock customer id if the user may change it (in
 * scope, not merged away). *found says whether it is; its status goes to
 * status (n bytes) when status is not NULL. */
NEOERR *db_customer_lock(const struct user *u, long long id, char *status, size_t n,
                         int *found);
#endif
