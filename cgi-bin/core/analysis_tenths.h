#ifndef KEHU_ANALYSIS_TENTHS_H
#define KEHU_ANALYSIS_TENTHS_H
/* Profit by tenth of customers (/analysis/profit's chart) without ranking
 * a million rows per view: the batch stores each region's tenths and the
 * company's (exact), and a profit histogram per region that a manager of
 * several regions adds up (docs/analysis.md, "Stored tenths"). Pure;
 * unit-tested in tests/unit/test_analysis_tenths.c. Money in cents. */
#include <stddef.h>
#include <stdint.h>

/* The tenth (1-10) of the customer at position pos (0 = the best) of n:
 * 1 + floor(10 * pos / n), the rule of the live window it replaces. */
int tenth_of(size_t pos, size_t n);

/* The histogram's bucket of a profit: 0 for 0, else ±(1 + floor(100 *
 * log10(|yuan|))), at least ±1, the sign of the profit. Neighbouring
 * edges differ by a factor 10^0.01 (2.3 %), and a larger key is a larger
 * profit, so keys in descending order walk the customers best first. */
int tenth_bucket(int64_t profit_cents);

/* A stored cell's key: the class (0 every class, 1 A, 2 B, 3 C) times
 * TENTH_CLASS_STEP plus the tenth (dim 15) or the bucket (dim 16). */
#define TENTH_CLASS_STEP 10000
/* A salesperson's tenths (dim 18): owner × TENTH_OWNER_STEP + class ×
 * TENTH_OWNER_CLASS + tenth, for owner ids up to TENTH_OWNER_MAX (the key
 * is an INT); a larger id is ranked at the view. */
#define TENTH_OWNER_STEP 64
#define TENTH_OWNER_CLASS 16
#define TENTH_OWNER_MAX ((1u << 25) - 1)

struct tenth_sum {
  int64_t customers, profit;
};

/* Tenths out of histogram buckets ordered best first (n customers in
 * all): the counts are exact (they follow from n); a bucket that a tenth
 * boundary cuts is shared pro rata by count, so a tenth's profit is off
 * by at most the bucket's spread (2.3 %, under 1 yuan per customer for
 * the ±1 buckets). out[0..9]; a tenth without customers is all zero.
 * Returns 0 when the counts do not add up to a positive total. */
int tenths_from_buckets(const struct tenth_sum *bucket, size_t nb, struct tenth_sum out[10]);
#endif
