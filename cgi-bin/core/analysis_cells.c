/* Report cells: periods, histogram buckets, churn per cell and the
 * in-memory cell table (analysis_cells.h). */
#include "core/analysis_cells.h"
#include "core/workcal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int32_t cell_day(int y, int m, int d)
{
  return (int32_t)workcal_day_number(y, m, d);
}

/* The inverse of workcal_day_number: the era arithmetic of H. Hinnant's
 * "chrono-Compatible Low-Level Date Algorithms" (public domain). */
void cell_ymd(int32_t day, int *y, int *m, int *d)
{
  int z = day + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp + (mp < 10 ? 3 : -9);
  *y = yoe + era * 400 + (*m <= 2);
}

static int floor_div(int a, int b)
{
  return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int cell_period_of(int kind, int32_t day)
{
  int y, m, d;
  cell_ymd(day, &y, &m, &d);
  int month = (y - 1970) * 12 + (m - 1);
  if (kind == CELL_QUARTER) return floor_div(month, 3);
  if (kind == CELL_YEAR) return y - 1970;
  return month;
}

int32_t cell_period_start(int kind, int period)
{
  int month = kind == CELL_QUARTER ? period * 3 : kind == CELL_YEAR ? period * 12 : period;
  int y = 1970 + floor_div(month, 12);
  return cell_day(y, month - (y - 1970) * 12 + 1, 1);
}

static int month_len(int y, int m)
{
  return cell_day(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - cell_day(y, m, 1);
}

int32_t cell_months_back(int32_t day, int n)
{
  int y, m, d;
  cell_ymd(day, &y, &m, &d);
  int month = y * 12 + (m - 1) - n;
  y = floor_div(month, 12);
  m = month - y * 12 + 1;
  int len = month_len(y, m);
  return cell_day(y, m, d > len ? len : d);
}

int cell_histogram_bucket(int64_t revenue_cents)
{
  if (revenue_cents <= 0) return 0;
  /* log10 of an exact power of ten is exact in IEEE arithmetic; the small
   * nudge keeps 10^(k/10) itself from falling a bucket short. */
  double b = floor(10.0 * log10((double)revenue_cents / 100.0) + 1e-9);
  return b < 0 ? 1 : 1 + (int)b;
}

void cell_presence(const int *idx, size_t n, int last, cell_presence_fn fn, void *ctx)
{
  for (size_t i = 0; i < n && idx[i] <= last; i++) {
    int before = i > 0 && idx[i - 1] == idx[i] - 1;
    fn(ctx, idx[i], 1, before);
    /* The period after a purchase period with no purchase: lost there. */
    int next = idx[i] + 1;
    if (next <= last && (i + 1 == n || idx[i + 1] != next)) fn(ctx, next, 0, 1);
  }
}

/* ---- the table ---- */

static uint64_t pack(int kind, int32_t start, int dim, unsigned region)
{
  return (uint64_t)(kind & 0xf) << 60 | (uint64_t)(dim & 0xff) << 52 |
         (uint64_t)(region & 0xffff) << 36 | (uint64_t)(uint32_t)(start + (1 << 30));
}

void cell_unpack(const struct cell *c, int *kind, int32_t *start, int *dim, unsigned *region)
{
  *kind = (int)(c->at >> 60);
  *dim = (int)(c->at >> 52 & 0xff);
  *region = (unsigned)(c->at >> 36 & 0xffff);
  *start = (int32_t)((int64_t)(c->at & 0xfffffffffULL) - (1 << 30));
}

static size_t hash(uint64_t at, int32_t key, size_t cap)
{
  uint64_t h = (at ^ ((uint64_t)(uint32_t)key * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return (size_t)h & (cap - 1);
}

void cell_map_init(struct cell_map *m)
{
  memset(m, 0, sizeof *m);
}

void cell_map_free(struct cell_map *m)
{
  free(m->slot);
  cell_map_init(m);
}

/* at == 0 marks a free slot: no real cell packs to 0 (start carries the
 * 2^30 offset). */
static int grow(struct cell_map *m)
{
  size_t cap = m->cap ? m->cap * 2 : 1024;
  struct cell *s = calloc(cap, sizeof *s);
  if (!s) return 0;
  for (size_t i = 0; i < m->cap; i++) {
    if (!m->slot[i].at) continue;
    size_t j = hash(m->slot[i].at, m->slot[i].key, cap);
    while (s[j].at) j = (j + 1) & (cap - 1);
    s[j] = m->slot[i];
  }
  free(m->slot);
  m->slot = s;
  m->cap = cap;
  return 1;
}

struct cell_val *cell_at(struct cell_map *m, int kind, int32_t start, int dim,
                         unsigned region, int32_t key)
{
  if (m->failed) return NULL;
  if ((m->n + 1) * 4 > m->cap * 3 && !grow(m)) {
    m->failed = 1;
    return NULL;
  }
  uint64_t at = pack(kind, start, dim, region);
  size_t j = hash(at, key, m->cap);
  while (m->slot[j].at && !(m->slot[j].at == at && m->slot[j].key == key))
    j = (j + 1) & (m->cap - 1);
  if (!m->slot[j].at) {
    m->slot[j].at = at;
    m->slot[j].key = key;
    m->n++;
  }
  return &m->slot[j].v;
}

static void add(struct cell_val *to, const struct cell_val *v)
{
  to->sales += v->sales;
  to->cost_of_goods += v->cost_of_goods;
  to->charges += v->charges;
  to->lifetime_value += v->lifetime_value;
  to->customers += v->customers;
  to->active_before += v->active_before;
  to->lost += v->lost;
  to->new_customers += v->new_customers;
  to->conversions += v->conversions;
}

/* Summed into a map of their own first: adding to m while walking its
 * slots could grow it under the walk. */
int cell_sum_regions(struct cell_map *m)
{
  struct cell_map all;
  cell_map_init(&all);
  for (size_t i = 0; i < m->cap && !m->failed; i++) {
    const struct cell *c = &m->slot[i];
    int kind, dim;
    int32_t start;
    unsigned region;
    if (!c->at) continue;
    cell_unpack(c, &kind, &start, &dim, &region);
    if (region == CELL_ALL_REGIONS || dim == DIM_PROFIT_TENTH || dim == DIM_PROFIT_BUCKET ||
        dim == DIM_OWNER_TENTH)
      continue;
    struct cell_val *v = cell_at(&all, kind, start, dim, CELL_ALL_REGIONS, c->key);
    if (!v) break;
    add(v, &c->v);
  }
  for (size_t i = 0; i < all.cap && !all.failed && !m->failed; i++) {
    const struct cell *c = &all.slot[i];
    int kind, dim;
    int32_t start;
    unsigned region;
    if (!c->at) continue;
    cell_unpack(c, &kind, &start, &dim, &region);
    struct cell_val *v = cell_at(m, kind, start, dim, region, c->key);
    if (v) add(v, &c->v);
  }
  int ok = !all.failed && !m->failed;
  cell_map_free(&all);
  return ok;
}
