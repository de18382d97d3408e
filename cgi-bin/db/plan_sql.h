#ifndef KEHU_DB_PLAN_SQL_H
#define KEHU_DB_PLAN_SQL_H
/* Pieces shared by the support-plan data-access files (not for handlers). */
#include "db/customer_sql.h"

/* A plan's regional scope is its dealer's: statements join customers c on
 * the plan's customer_id; parameters scope_limited(u), u->id. */
#define PLAN_SCOPE CUSTOMER_SCOPE("c.region_id")

/* Budget of a revision's measures, and what was spent on plan p's measure
 * i (execution is recorded against the line_key, so spending follows a
 * measure from one revision to the next). */
#define PLAN_REV_BUDGET(rev) \
  "(SELECT COALESCE(SUM(bi.budget), 0) FROM support_plan_items bi WHERE bi.revision_id = " rev ")"
#define PLAN_ITEM_ACTUAL \
  "(SELECT COALESCE(SUM(e.actual_cost), 0) FROM support_executions e" \
  " WHERE e.plan_id = p.id AND e.line_key = i.line_key)"
#define PLAN_ACTUAL \
  "(SELECT COALESCE(SUM(e.actual_cost), 0) FROM support_executions e WHERE e.plan_id = p.id)"
#endif
