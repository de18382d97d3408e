#ifndef KEHU_DB_CUSTOMER_ANALYSIS_H
#define KEHU_DB_CUSTOMER_ANALYSIS_H
/* The customer file's analysis (issue 17): what the batch stored for one
 * customer (customer_analysis), the staff override of its lifecycle stage
 * (customer_life_overrides) and the writes of that override. Scoped like
 * every customer read: outside the user's regions is "not found". */
#include "core/req.h"

/* Under prefix.*: the customer_analysis columns (ran = 1 when the batch
 * has a row for the customer), as_of (the latest done run's day, or
 * nothing), period_months, and when there is an override: override = 1,
 * ov_stage, ov_reason, ov_set_at, ov_set_by (display name), ov_version.
 * *found = 0 when the customer is not visible. */
NEOERR *db_customer_analysis_get(const struct user *u, long long id, HDF *hdf,
                                 const char *prefix, int *found);

enum life_outcome {
  LIFE_OK,
  LIFE_NOT_FOUND,          /* no such customer, merged, or outside the user's regions */
  LIFE_CONFLICT,           /* the override changed since the form was drawn */
};
/* Sets the override (stage, reason) if the customer's override is still
 * at `version` (0: none yet), and customers.lifecycle to the stage, in one
 * transaction with its audit row. */
NEOERR *db_customer_life_set(const struct user *u, const char *ip, long long id,
                             long long version, const char *stage, const char *reason,
                             enum life_outcome *outcome);
/* Removes the override at `version`; customers.lifecycle goes back to the
 * batch's proposal (kept when the batch has no row for the customer). */
NEOERR *db_customer_life_clear(const struct user *u, const char *ip, long long id,
                               long long version, enum life_outcome *outcome);
#endif
