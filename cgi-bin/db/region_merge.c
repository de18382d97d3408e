#include "db/region_merge.h"

void region_merge(struct query *q, const struct region_merge *m)
{
  for (int i = 0; i < m->n; i++) {
    query_add(q, "%s(", i ? " UNION ALL " : "");
    query_where_reset(q);
    m->branch(q, m->regions[i], m->ctx);
    if (m->order) query_add(q, " ORDER BY %s", m->order);
    query_add(q, " LIMIT ?)");
    query_arg(q, DB_INT(m->limit));
  }
}
