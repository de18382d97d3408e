/* The batch's stored sums (analysis_stored.h). */
#include "core/analysis_stored.h"
#include "core/analysis_tenths.h"

#include <stdlib.h>

/* The groups a customer is ranked within, as (dim, region, key without
 * the tenth): its region's and the company's, each for every class and
 * for its own, and the same for its salesperson. Returns how many. */
struct group { int dim; unsigned region; int32_t base; };

static int groups_of(const struct ar_customer *cu, const struct ar_result *r, struct group g[8])
{
  unsigned where[2] = { CELL_ALL_REGIONS, cu->region_id };
  int cls[2] = { 0, ar_abc_key(r->abc) }, n = 0;
  int owner = cu->owner_id && cu->owner_id <= TENTH_OWNER_MAX;
  for (int w = 0; w < 2; w++)
    for (int k = 0; k < 2; k++) {
      g[n++] = (struct group){ DIM_PROFIT_TENTH, where[w], cls[k] * TENTH_CLASS_STEP };
      if (owner)
        g[n++] = (struct group){ DIM_OWNER_TENTH, where[w],
                                 (int32_t)cu->owner_id * TENTH_OWNER_STEP + cls[k] * TENTH_OWNER_CLASS };
    }
  return n;
}

/* Customers best first (profit_rank 1 .. n), each counted in the tenth of
 * its position within every group of groups_of, and in its region's
 * histogram. A map of its own counts the groups' customers (customers)
 * and how many of them were placed so far (active_before). */
static int profit_cells(const struct ar_history *h, struct ar_output *out)
{
  size_t n = h->customers.n;
  uint32_t *order = malloc((n ? n : 1) * sizeof *order);
  struct cell_map count;
  cell_map_init(&count);
  struct group g[8];
  int ok = order != NULL;
  for (size_t c = 0; ok && c < n; c++) {
    uint32_t rank = out->rows[c].profit_rank;
    ok = rank >= 1 && rank <= n;
    if (ok) order[rank - 1] = (uint32_t)c;
  }
  for (size_t c = 0; ok && c < n; c++) {
    int ng = groups_of(&AR_AT(h->customers, struct ar_customer, c), &out->rows[c], g);
    for (int k = 0; ok && k < ng; k++) {
      struct cell_val *v = cell_at(&count, CELL_NOW, 0, g[k].dim, g[k].region, g[k].base);
      if ((ok = v != NULL)) v->customers++;
    }
  }
  for (size_t i = 0; ok && i < n; i++) {
    const struct ar_customer *cu = &AR_AT(h->customers, struct ar_customer, order[i]);
    const struct ar_result *r = &out->rows[order[i]];
    int ng = groups_of(cu, r, g);
    for (int k = 0; ok && k < ng; k++) {
      struct cell_val *v = cell_at(&count, CELL_NOW, 0, g[k].dim, g[k].region, g[k].base);
      ok = v && ar_count_standing(&out->cells, h->as_of, g[k].dim, g[k].region,
                                  g[k].base + tenth_of(v->active_before++, v->customers), r);
    }
    int bucket = tenth_bucket(r->profit.profit);
    for (int k = 0; ok && k < 2; k++)
      ok = ar_count_standing(&out->cells, h->as_of, DIM_PROFIT_BUCKET, cu->region_id,
                             k * ar_abc_key(r->abc) * TENTH_CLASS_STEP + bucket, r);
  }
  free(order);
  cell_map_free(&count);
  return ok;
}

int ar_stored_cells(const struct ar_history *h, struct ar_output *out)
{
  if (!profit_cells(h, out)) return 0;
  for (size_t c = 0; c < h->customers.n; c++) {
    const struct ar_result *r = &out->rows[c];
    unsigned reg = AR_AT(h->customers, struct ar_customer, c).region_id;
    for (unsigned flag = 1; flag <= 8; flag <<= 1)
      if ((r->watch.reasons & flag) &&
          !ar_count_standing(&out->cells, h->as_of, DIM_WATCH_REASON, reg, (int32_t)flag, r))
        return 0;
  }
  return cell_sum_regions(&out->cells);
}
