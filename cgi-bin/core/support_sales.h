#ifndef KEHU_SUPPORT_SALES_H
#define KEHU_SUPPORT_SALES_H
/* The sums the support-plan return judges (support_return.h), taken from
 * the orders the analysis batch already holds in memory (analysis_run.h:
 * each order's revenue and cost of goods summed from its lines), so the
 * step reads no order again. One walk over the orders adds each order of
 * an active dealer into its region and class's month (the pool), and each
 * order of a supported dealer into that dealer's units and their families
 * (region, class, category, year). Pure; money in cents, months as
 * sr_month numbers. docs/analysis.md "Support-plan return". */
#include <stddef.h>
#include <stdint.h>

#include "core/analysis_run.h"
#include "core/support_return.h"

/* A plan × support category with an execution (the database layer reads
 * them), and the sums ss_figures finds for it. */
struct ss_unit {
  uint32_t plan_id, customer_id;
  uint32_t cust;                /* index in the batch's customers, SS_NONE when absent */
  uint16_t region_id, year;
  uint8_t category_id;
  char abc;                     /* the dealer's class: 'A', 'B', 'C' or '-' */
  int32_t support_month;        /* sr_month of the first execution */
  int64_t cost;
  /* out: the dealer's, and the peers' (the pool of its region and class
   * less the family's dealers, itself among them) */
  struct sr_pair sales, cogs, peer_sales, peer_cogs;
  int64_t peers;
};

/* An active dealer (dash_dealers) by its index in the batch's customers. */
struct ss_dealer {
  uint32_t cust;
  uint16_t region_id;
  char abc;
};

#define SS_NONE UINT32_MAX

/* What the units are made of, as the database layer reads them: a measure
 * of any revision of a plan, an execution, a plan of an active dealer
 * (region and class from dash_dealers). */
struct ss_item { uint32_t plan_id, line_key; uint8_t category_id; };
struct ss_execution { uint32_t plan_id, line_key; int32_t day; int64_t cost; };
struct ss_plan { uint32_t id, customer_id; uint16_t year, region_id; char abc; };

/* The units: the executions grouped by plan and category (an execution's
 * category is the lowest of the measures with its line_key in any revision
 * of its plan; one without a measure, or of a plan not listed, counts
 * nowhere), the support month that of the earliest, the cost their sum;
 * in plan and category order. items is sorted in place; plans must be in
 * id order. *units is malloc'd (NULL when there are none); 0 when out of
 * memory. */
int ss_units(struct ss_item *items, size_t nitems, const struct ss_execution *ex, size_t nex,
             const struct ss_plan *plans, size_t nplans, const struct ar_history *h,
             struct ss_unit **units, size_t *nunits);

/* The index of customer id in the batch's customers (ascending ids), or
 * SS_NONE. */
uint32_t ss_customer_index(const struct ar_history *h, uint32_t id);

/* Fills every unit's sums from h's orders; 0 when out of memory. */
int ss_figures(const struct ar_history *h, const struct ss_dealer *dealers, size_t ndealers,
               struct ss_unit *units, size_t nunits);

/* The unit judged by support_return.h's rules for a run in as_of_month;
 * an overflow is given as too early, never as a wrong figure. */
void ss_judge(const struct ss_unit *u, int as_of_month, struct sr_input *in,
              struct sr_result *out);
#endif
