/* Profit by tenth of customers: the arithmetic (analysis_tenths.h). */
#include "core/analysis_tenths.h"

#include <math.h>
#include <string.h>

int tenth_of(size_t pos, size_t n)
{
  return n ? 1 + (int)(pos * 10 / n) : 0;
}

int tenth_bucket(int64_t profit_cents)
{
  if (profit_cents == 0) return 0;
  double yuan = fabs((double)profit_cents) / 100.0;
  /* the nudge keeps an exact edge 10^(k/100) from falling a bucket short */
  double b = floor(100.0 * log10(yuan) + 1e-9);
  int k = b < 0 ? 1 : 1 + (int)b;
  return profit_cents > 0 ? k : -k;
}

/* The first p of a bucket's k customers get this much of its sum s: pro
 * rata, rounded toward zero, and exactly s at p = k, so the shares of the
 * tenths add up to the bucket. Split so that nothing overflows (|s % k| <
 * k and p <= k). */
static int64_t share(int64_t s, int64_t k, int64_t p)
{
  return s / k * p + s % k * p / k;
}

int tenths_from_buckets(const struct tenth_sum *bucket, size_t nb, struct tenth_sum out[10])
{
  memset(out, 0, 10 * sizeof *out);
  int64_t n = 0;
  for (size_t i = 0; i < nb; i++) {
    if (bucket[i].customers < 0) return 0;
    n += bucket[i].customers;
  }
  if (n <= 0) return 0;
  /* Tenth d holds the positions edge[d - 1] .. edge[d] - 1: pos is in
   * tenth 1 + floor(10 pos / n) exactly when 10 pos < d n. */
  int64_t edge[11];
  for (int d = 0; d <= 10; d++) edge[d] = (d * n + 9) / 10;
  for (int d = 0; d < 10; d++) out[d].customers = edge[d + 1] - edge[d];
  int64_t start = 0;
  for (size_t i = 0; i < nb; i++) {
    int64_t k = bucket[i].customers, end = start + k;
    for (int d = 0; k > 0 && d < 10; d++) {
      int64_t lo = edge[d] > start ? edge[d] : start, hi = edge[d + 1] < end ? edge[d + 1] : end;
      if (lo < hi)
        out[d].profit += share(bucket[i].profit, k, hi - start) - share(bucket[i].profit, k, lo - start);
    }
    start = end;
  }
  return 1;
}
