#include "db/scope.h"

int scope_limited(const struct user *u)
{
  return u->role == ROLE_RM;
}

int scope_allows(const struct user *u, unsigned region_id)
{
  if (!scope_limited(u)) return 1;
  for (int i = 0; i < u->nregions; i++)
    if (u->regions[i] == region_id) return 1;
  return 0;
}

void scope_regions_cond(struct query *q, const struct user *u, const char *col)
{
  if (!scope_limited(u)) return;
  if (u->nregions == 0) {
    query_cond(q, "0 = 1");
    return;
  }
  long long ids[USER_MAX_REGIONS];
  for (int i = 0; i < u->nregions; i++) ids[i] = u->regions[i];
  query_cond(q, "%s IN (", col);
  query_int_list(q, ids, u->nregions);
  query_add(q, ")");
}
