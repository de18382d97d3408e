#ifndef KEHU_DB_CUSTOMER_PLAN_ANALYSIS_H
#define KEHU_DB_CUSTOMER_PLAN_ANALYSIS_H
/* The customer list's filters of issue 17 as conditions of the open WHERE
 * of a plan (db/customer_plan.c): size, loyalty and non-customer type on
 * customers; sleep state, RFM segment and watch list through
 * customer_analysis; purchases through orders and order lines. */
#include "db/customer_list.h"
#include "db/query.h"

/* 1 when f uses any of them (then no plan names an index for the order
 * alone, and the credit table cannot count the list). */
int customer_plan_analysis_used(const struct customer_filter *f);
/* Their conditions. `region` is the one region the statement is bound to
 * (a branch, or the region filter), 0 when none; without it the
 * customer_analysis subquery takes the manager's regions, so it reads its
 * (region_id, ...) indexes as ranges. */
void customer_plan_analysis_where(struct query *q, const struct user *u,
                                  const struct customer_filter *f, unsigned region);
#endif
