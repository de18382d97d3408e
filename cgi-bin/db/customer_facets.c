/* The list's option counts: one statement over analysis_cells, kept a
 * minute per worker and scope (the cells change once a night, and the list
 * is the most used page). */
#include "db/customer_facets.h"
#include "db/cell_scope.h"
#include "db/kept.h"
#include "db/query.h"
#include <stdio.h>
#include <string.h>

/* A dimension of schema/047's period_kind 0 cells, its filter's name in
 * the query string, and the words of its keys (index = dim_key; NULL: no
 * option). */
struct dim_words { int dim; const char *filter; const char *const *keys; int nkeys; };

static const char *const abc[] = { NULL, "A", "B", "C" };
static const char *const size[] = { NULL, "large", "medium", "small", "micro" };
static const char *const loyalty[] = { NULL, "loyal", "switcher", "none" };
static const char *const noncust[] = { NULL, "quasi", "refusing", "unexplored" };
static const char *const sleep_[] = { NULL, NULL, "drowsy", "half", "dormant" };
static const char *const rfm[] = { NULL, "1", "2", "3", "4", "5", "6", "7", "8" };
static const char *const watch[] = { NULL, "any" };
static const char *const stage[] = { NULL, "target", "potential", "one_time", "loyal" };
#define W(d, name, k) { d, name, k, (int)(sizeof k / sizeof k[0]) }
static const struct dim_words dims[] = {
  W(2, "class", abc), W(3, "size", size), W(8, "loyalty", loyalty), W(9, "noncust", noncust),
  W(10, "sleep", sleep_), W(11, "rfm", rfm), W(12, "watch", watch), W(13, "stage", stage),
};
#define NDIMS (sizeof dims / sizeof dims[0])
#define MAX_CELLS 64

struct facets {
  char as_of[16];
  int n;
  struct { int dim, key; long long customers; } cell[MAX_CELLS];
};

static struct kept_map kept = KEPT_MAP(16, KEPT_TTL);

static NEOERR *read_cells(const struct user *u, struct facets *out)
{
  struct query q;
  DB_STMT *s;
  int more;
  query_init(&q);
  query_add(&q, "SELECT c.dim, c.dim_key, SUM(c.customers), MAX(c.period_start)"
                " FROM analysis_cells c");
  query_cond(&q, "c.period_kind = 0");
  query_cond(&q, "c.period_start = (SELECT MAX(x.period_start) FROM analysis_cells x"
                 " WHERE x.period_kind = 0)");
  query_cond(&q, "c.dim IN (2, 3, 8, 9, 10, 11, 12, 13)");
  cell_scope(&q, u, 0, "c.region_id", 0);
  query_add(&q, " GROUP BY c.dim, c.dim_key");
  char key[QUERY_KEY_MAX];
  size_t keylen = query_key(&q, key, sizeof key);
  const struct facets *k = keylen ? kept_get(&kept, key, keylen, 0, NULL) : NULL;
  if (k) {
    *out = *k;
    return STATUS_OK;
  }
  memset(out, 0, sizeof *out);
  NEOERR *err = query_run(&q, &s);
  if (err) return nerr_pass(err);
  while (!(err = db_next(s, &more)) && more && out->n < MAX_CELLS) {
    out->cell[out->n].dim = (int)db_int(s, 0);
    out->cell[out->n].key = (int)db_int(s, 1);
    out->cell[out->n].customers = db_int(s, 2);
    out->n++;
    if (db_str(s, 3)) snprintf(out->as_of, sizeof out->as_of, "%s", db_str(s, 3));
  }
  db_done(s);
  if (!err && keylen) kept_put(&kept, key, keylen, 0, out, sizeof *out);
  return nerr_pass(err);
}

NEOERR *db_customer_facets(const struct user *u, HDF *hdf, const char *prefix)
{
  struct facets f;
  NEOERR *err = read_cells(u, &f);
  if (err || !f.as_of[0]) return nerr_pass(err);
  char name[96];
  long long sleeping = 0;
  snprintf(name, sizeof name, "%s.as_of", prefix);
  if ((err = hdf_set_value(hdf, name, f.as_of))) return nerr_pass(err);
  for (int i = 0; i < f.n; i++) {
    for (size_t d = 0; d < NDIMS; d++) {
      if (dims[d].dim != f.cell[i].dim) continue;
      int k = f.cell[i].key;
      if (k < 0 || k >= dims[d].nkeys || !dims[d].keys[k]) continue;
      if (dims[d].dim == 10) sleeping += f.cell[i].customers;
      snprintf(name, sizeof name, "%s.%s.%s", prefix, dims[d].filter, dims[d].keys[k]);
      char v[24];
      snprintf(v, sizeof v, "%lld", f.cell[i].customers);
      if ((err = hdf_set_value(hdf, name, v))) return nerr_pass(err);
    }
  }
  snprintf(name, sizeof name, "%s.sleep.any", prefix);
  char v[24];
  snprintf(v, sizeof v, "%lld", sleeping);
  return nerr_pass(hdf_set_value(hdf, name, v));
}
