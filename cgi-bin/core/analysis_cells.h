#ifndef KEHU_ANALYSIS_CELLS_H
#define KEHU_ANALYSIS_CELLS_H
/* The report cells of customer analysis (schema/047 analysis_cells): the
 * periods they are kept for, the revenue histogram's bucket, churn per
 * cell, and the in-memory table the batch adds into before writing it.
 * Pure; unit-tested in tests/unit/test_analysis_cells.c. Days are day
 * numbers (days since 1970-01-01), money cents. */
#include <stddef.h>
#include <stdint.h>

enum cell_kind { CELL_NOW = 0, CELL_MONTH = 1, CELL_QUARTER = 2, CELL_YEAR = 3 };

enum cell_dim {
  DIM_ALL = 0, DIM_REGION, DIM_ABC, DIM_SIZE, DIM_CATEGORY, DIM_PRODUCT, DIM_OWNER,
  DIM_POSTAL, DIM_LOYALTY, DIM_NONCUST, DIM_SLEEP, DIM_RFM, DIM_WATCH, DIM_STAGE,
  DIM_HISTOGRAM,
  /* period_kind 0, beside schema/047's (docs/analysis.md, "Stored sums"):
   * 15 profit by tenth of customers (key = class × 10000 + tenth), 16 the
   * profit histogram (class × 10000 + signed bucket), 17 the watch list
   * by reason (key = the SIGNAL_* flag), 18 profit by tenth of a
   * salesperson's customers (owner × 64 + class × 16 + tenth) */
  DIM_PROFIT_TENTH, DIM_PROFIT_BUCKET, DIM_WATCH_REASON, DIM_OWNER_TENTH
};

/* Region 0 of a cell: the sum over every region (the tenths: the
 * company's own), so a user who sees every region reads one row per key. */
#define CELL_ALL_REGIONS 0

/* Calendar: the day number of a date and back (proleptic Gregorian). */
int32_t cell_day(int y, int m, int d);
void cell_ymd(int32_t day, int *y, int *m, int *d);
/* The period of kind (month, quarter, year) a day falls in, as a count
 * from 1970 (month 0 = 1970-01), and that period's first day. */
int cell_period_of(int kind, int32_t day);
int32_t cell_period_start(int kind, int period);
/* The first day of the month n months before (n < 0: after) day's month,
 * with day's day of the month (clamped to the month's length). */
int32_t cell_months_back(int32_t day, int n);

/* Dim 14's key: 0 for revenue <= 0, else 1 + floor(10 * log10(yuan)),
 * at least 1 (so the buckets grow by a factor 10^0.1 ≈ 1.26). */
int cell_histogram_bucket(int64_t revenue_cents);

/* One customer's presence over periods: idx the periods it bought in,
 * ascending without repeats, last the latest period reported. For every
 * period p <= last where the customer bought in p or in p - 1, fn is
 * called once with bought (in p) and before (in p - 1): the cell of p
 * counts it among customers when bought, among active_before when
 * before, and lost when before and not bought. */
typedef void (*cell_presence_fn)(void *ctx, int period, int bought, int before);
void cell_presence(const int *idx, size_t n, int last, cell_presence_fn fn, void *ctx);

struct cell_val {
  int64_t sales, cost_of_goods, charges, lifetime_value;
  uint32_t customers, active_before, lost, new_customers, conversions;
};

struct cell {
  uint64_t at;                  /* kind, period start, dim and region packed */
  int32_t key;
  struct cell_val v;
};

/* An open-addressing hash table of cells; grows as needed. */
struct cell_map {
  struct cell *slot;
  size_t cap, n;
  int failed;                   /* out of memory once: the map is unusable */
};

void cell_map_init(struct cell_map *m);
void cell_map_free(struct cell_map *m);
/* The cell, created zeroed when new; NULL when out of memory (and
 * m->failed set). start: the period's first day (as_of for CELL_NOW). */
struct cell_val *cell_at(struct cell_map *m, int kind, int32_t start, int dim,
                         unsigned region, int32_t key);
/* Every cell once more under CELL_ALL_REGIONS, summed over the regions;
 * not the tenths (the batch ranks the company itself) nor the profit
 * histogram (read per region only). 0 when out of memory. */
int cell_sum_regions(struct cell_map *m);
/* The fields of a cell's packed `at`. */
void cell_unpack(const struct cell *c, int *kind, int32_t *start, int *dim, unsigned *region);
#endif
