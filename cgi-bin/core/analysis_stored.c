/* The batch's stored sums (analysis_stored.h). */
#include "core/analysis_stored.h"
#include "core/analysis_tenths.h"

#include <stdlib.h>

#define REGIONS 65536           /* region ids are SMALLINT UNSIGNED */

/* One customer into a period_kind 0 cell, as the other standing cells
 * count it: sales its revenue, margin its profit. */
static int count_in(struct cell_map *m, int32_t as_of, int dim, unsigned region, int32_t key,
                    const struct ar_result *r)
{
  struct cell_val *v = cell_at(m, CELL_NOW, as_of, dim, region, key);
  if (!v) return 0;
  v->customers++;
  v->sales += r->revenue;
  v->cost_of_goods += r->profit.cost_of_goods;
  v->charges += r->profit.rebates_promotions + r->profit.support + r->profit.compensation;
  v->lifetime_value += r->lifetime_value;
  return 1;
}

static int class_of(const struct ar_result *r)
{
  return r->abc == 'A' ? 1 : r->abc == 'B' ? 2 : 3;
}

/* Customers best first (profit_rank 1 .. n); each counted in the tenth of
 * its position among the customers of its region, and of the company,
 * for every class and for its own; and in its region's histogram. */
static int profit_cells(const struct ar_history *h, struct ar_output *out)
{
  size_t n = h->customers.n;
  uint32_t *order = malloc((n ? n : 1) * sizeof *order);
  uint32_t *count = calloc((size_t)REGIONS * 4, sizeof *count);
  uint32_t *seen = calloc((size_t)REGIONS * 4, sizeof *seen);
  int ok = order && count && seen;
  for (size_t c = 0; ok && c < n; c++) {
    uint32_t rank = out->rows[c].profit_rank;
    ok = rank >= 1 && rank <= n;
    if (ok) order[rank - 1] = (uint32_t)c;
  }
  for (size_t c = 0; ok && c < n; c++) {
    size_t reg = AR_AT(h->customers, struct ar_customer, c).region_id, cls = class_of(&out->rows[c]);
    count[reg * 4]++;
    count[reg * 4 + cls]++;
    count[CELL_ALL_REGIONS * 4]++;
    count[CELL_ALL_REGIONS * 4 + cls]++;
  }
  for (size_t i = 0; ok && i < n; i++) {
    const struct ar_result *r = &out->rows[order[i]];
    unsigned reg = AR_AT(h->customers, struct ar_customer, order[i]).region_id;
    int cls = class_of(r), bucket = tenth_bucket(r->profit.profit);
    unsigned where[2] = { CELL_ALL_REGIONS, reg };
    int classes[2] = { 0, cls };
    for (int w = 0; ok && w < 2; w++)
      for (int k = 0; ok && k < 2; k++) {
        size_t slot = (size_t)where[w] * 4 + (size_t)classes[k];
        int tenth = tenth_of(seen[slot]++, count[slot]);
        ok = count_in(&out->cells, h->as_of, DIM_PROFIT_TENTH, where[w],
                      classes[k] * TENTH_CLASS_STEP + tenth, r);
      }
    for (int k = 0; ok && k < 2; k++)
      ok = count_in(&out->cells, h->as_of, DIM_PROFIT_BUCKET, reg,
                    classes[k] * TENTH_CLASS_STEP + bucket, r);
  }
  free(order);
  free(count);
  free(seen);
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
          !count_in(&out->cells, h->as_of, DIM_WATCH_REASON, reg, (int32_t)flag, r))
        return 0;
  }
  return cell_sum_regions(&out->cells);
}
