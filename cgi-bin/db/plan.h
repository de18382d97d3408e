#ifndef KEHU_DB_PLAN_H
#define KEHU_DB_PLAN_H
/* Reading support plans (支援经销商计划), always within the user's regions:
 * a plan of another region's dealer is "not found". Money stays DECIMAL
 * text from SQL to the page (sums and overspend are computed by MariaDB). */
#include "core/files.h"
#include "core/req.h"

/* The five categories (Categories.N) and every measure (Measures.N: id,
 * category_id, code, name_zh, name_en, develops_people, retired, in_use
 * = how many plans use it). */
NEOERR *db_plan_catalogue(HDF *hdf);

enum plan_status_filter { PLANS_ANY, PLANS_STATUS };
struct plan_filter {
  int year;                  /* 0: any */
  unsigned region_id;        /* 0: any */
  const char *status;        /* a support_plans.status or NULL */
  unsigned created_by;       /* 0: anyone */
  int needs_decision;        /* submitted revisions this user did not submit */
  int page, per;
};
/* Plans.N (id, year, status, customer_id, customer_code, customer_name,
 * region_zh/en, rev_in_force, open_status, budget, actual, over) and the
 * number of matches. */
NEOERR *db_plan_list(const struct user *u, const struct plan_filter *f, HDF *hdf,
                     long long *total);

/* Plan id with everything its page shows: Plan (header), Revisions (each
 * with budget total and measure count), Items (the revision in force,
 * with actual and over), OpenItems (the revision being drafted),
 * CategoryTotals, Executions (with Files), Events (the plan's audit rows).
 * *found: in scope at all. */
NEOERR *db_plan_get(const struct user *u, long long id, HDF *hdf, int *found);

/* Budget vs actual of the revisions in force of one year's plans, by
 * category (ByCategory.N) and by region (ByRegion.N), and in all (Total);
 * region_id 0: every region the user may see. *found = 0 (nothing read)
 * for a region that does not exist or is outside the user's scope. */
NEOERR *db_plan_budget(const struct user *u, int year, unsigned region_id, HDF *hdf,
                       int *found);

/* An execution record's file in scope. */
NEOERR *db_plan_attachment(const struct user *u, long long id, struct stored_file *f, int *found);

/* The customer file's support tab: the dealer's plans by year (prefix.Plans),
 * their execution results (prefix.Results) and the measures of the current
 * year's plan in force still to come (prefix.Next). */
NEOERR *db_customer_support(const struct user *u, long long customer_id, HDF *hdf,
                            const char *prefix);

/* Active users who can own a measure (Owners.N: id, name). */
NEOERR *db_plan_owners(HDF *hdf, const char *prefix);
#endif
