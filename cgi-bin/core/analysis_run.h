#ifndef KEHU_ANALYSIS_RUN_H
#define KEHU_ANALYSIS_RUN_H
/* One run of customer analysis in memory (the batch, tools/kehu-analyse.c):
 * the history the database layer read (db/analysis_batch.h fills struct
 * ar_history), the rules of analysis_class.h and analysis_signal.h run
 * for every customer, and the results (customer_analysis rows, the report
 * cells, the wake-up outcomes) for the database layer to write. Pure: no
 * database; money in cents, days as day numbers. docs/analysis.md,
 * "## The batch", says which column feeds which input. */
#include <stddef.h>
#include <stdint.h>

#include "core/analysis_cells.h"
#include "core/analysis_config.h"

/* Customers, in ascending id order; the other arrays name a customer by
 * its index here. */
struct ar_customer {
  uint32_t id;
  uint32_t owner_id;            /* 0 none */
  uint16_t region_id;
  char abc;                     /* customers.abc_class now: 'A', 'B', 'C' or 0 */
  int8_t life;                  /* customers.lifecycle now (enum life_stage) */
  int8_t override_life;         /* customer_life_overrides.stage, -1 none */
  uint8_t size;                 /* 0 unknown, 1 large .. 4 micro */
  uint8_t loyalty;              /* 0 unset, 1 loyal, 2 switcher, 3 none */
  uint8_t noncust;              /* 0 unset, 1 quasi, 2 refusing, 3 unexplored */
  int16_t postal3;              /* first 3 digits of the postal code, -1 none */
  uint32_t contacts;            /* contact-log entries (lifecycle) */
};

struct ar_order {               /* an order not cancelled */
  uint32_t cust;
  int32_t day;
  int64_t revenue, cost;        /* its lines' amounts and quantity × unit cost */
};

struct ar_line {                /* an order line of an order above */
  uint32_t order;               /* index in orders */
  uint32_t product;             /* index in products */
  int64_t amount, cost;
};

struct ar_product {
  uint32_t id, category;
  int64_t unit_cost;
};

struct ar_charge {              /* kind: enum signal_charge_kind */
  uint32_t cust;
  int32_t day;
  int32_t kind;
  int64_t cents;
};

struct ar_payment { uint32_t cust; int32_t due, paid; };  /* paid SIGNAL_UNPAID while open */
struct ar_contact { uint32_t cust; int32_t day, next_due; int32_t done; };  /* open next actions */
struct ar_complaint { uint32_t cust; int32_t day; };
struct ar_wake { uint32_t id, cust; int32_t decided_on; };

/* A growable array of one of the types above. */
struct ar_vec {
  void *v;
  size_t n, cap, size;
};
void *ar_push(struct ar_vec *a);   /* a new zeroed element, NULL when out of memory */
/* The index of id in a vector whose elements begin with a uint32_t id in
 * ascending order (customers, products), or -1. */
long long ar_find_id(const struct ar_vec *a, uint32_t id);
void ar_vec_free(struct ar_vec *a);
#define AR_VEC(type) { .size = sizeof(type) }
#define AR_AT(vec, type, i) (((type *)(vec).v)[i])

struct ar_history {
  int32_t as_of;
  struct analysis_config cfg;
  struct ar_vec customers, orders, lines, products, charges, payments, contacts,
      complaints, wakes;
};
void ar_history_init(struct ar_history *h);
void ar_history_free(struct ar_history *h);

/* What the run found for one customer: a customer_analysis row. */
struct ar_result {
  char abc;                     /* 'A', 'B', 'C' */
  int8_t life_proposed, life;   /* the proposal and the effective stage */
  uint8_t sleep_state;
  int32_t interval_days, days_since;
  int32_t first_day;            /* INT32_MIN when it never bought */
  int64_t revenue;
  uint32_t revenue_rank, profit_rank;
  uint32_t watch_rank;          /* the watch list's order, 1 first; 0 off it */
  struct rfm_score rfm;
  struct signal_profit profit;
  int64_t lifetime_value;
  struct signal_watch watch;
};

struct ar_outcome {             /* a wake-up decision that woke */
  uint32_t id;
  int32_t day;
};

struct ar_output {
  struct ar_result *rows;       /* one per customer, in its order */
  struct cell_map cells;
  struct ar_outcome *woke;
  size_t n_woke;
  int32_t retention_bp[4];      /* per ABC class a period ago (1 A .. 3 C) */
};

/* The whole computation; 0 on out of memory or invalid settings (why
 * names it). */
int ar_compute(const struct ar_history *h, struct ar_output *out, const char **why);
/* The key of an ABC class in the cells: 1 A, 2 B, 3 C (and unset). */
int ar_abc_key(char abc);
/* One customer into a standing cell (period_kind 0 at as_of), as every
 * standing cell counts it: sales its revenue, margin its profit, its
 * lifetime value. 0 when out of memory. */
int ar_count_standing(struct cell_map *m, int32_t as_of, int dim, unsigned region, int32_t key,
                      const struct ar_result *r);
void ar_output_free(struct ar_output *out);
#endif
