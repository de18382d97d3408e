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
