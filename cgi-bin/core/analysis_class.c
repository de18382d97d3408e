/* Customer classes computed from history: ABC, lifecycle stage, sleeper
 * state, RFM. The rules are in analysis_class.h and docs/analysis.md. */
#include "core/analysis_class.h"

#include <stdlib.h>

/* ---- ABC ---- */

void abc_settings_default(struct abc_settings *s)
{
  s->a_pct = 70;
  s->b_pct = 20;
}

struct ranked { int64_t v; size_t i; };

/* Largest first; equal values in input order so the result is stable. */
static int ranked_desc(const void *a, const void *b)
{
  const struct ranked *x = a, *y = b;
  if (x->v != y->v) return x->v < y->v ? 1 : -1;
  return x->i < y->i ? -1 : x->i > y->i;
}

int abc_assign(const int64_t *revenue, size_t n, const struct abc_settings *s,
               enum abc_class *out)
{
  if (s->a_pct < 0 || s->b_pct < 0 || s->a_pct + s->b_pct > 100) return 0;
  if (n == 0) return 1;
  struct ranked *r = malloc(n * sizeof *r);
  if (!r) return 0;
  int64_t total = 0;
  for (size_t i = 0; i < n; i++) {
    r[i].v = revenue[i] > 0 ? revenue[i] : 0;
    r[i].i = i;
    total += r[i].v;
  }
  qsort(r, n, sizeof *r, ranked_desc);
  /* before: revenue of the customers ahead of the current tie group;
   * compared in whole percent times total to stay in integers. */
  int64_t before = 0;
  size_t k = 0;
  while (k < n) {
    size_t end = k;
    int64_t group = 0;
    while (end < n && r[end].v == r[k].v) group += r[end++].v;
    enum abc_class c = ABC_C;
    if (r[k].v > 0) {
      if (before * 100 < (int64_t)s->a_pct * total) c = ABC_A;
      else if (before * 100 < (int64_t)(s->a_pct + s->b_pct) * total) c = ABC_B;
    }
    for (; k < end; k++) out[r[k].i] = c;
    before += group;
  }
  free(r);
  return 1;
}

/* Screen names by enum value; "" outside the enum. */
#define NAME_OF(table, v) \
  ((unsigned)(v) < sizeof table / sizeof table[0] ? table[v] : "")

const char *abc_name(enum abc_class c)
{
  static const char *const names[] = { "", "大客户", "一般客户", "小客户" };
  return NAME_OF(names, c);
}

/* ---- Lifecycle ---- */

void life_settings_default(struct life_settings *s)
{
  s->period_days = 91;
  s->periods_n = 3;
  s->periods_m = 4;
}

int life_settings_valid(const struct life_settings *s)
{
  return s->period_days > 0 && s->periods_n >= 1 && s->periods_n <= s->periods_m
         && s->periods_m <= 64;
}

enum life_stage life_stage_of(const int *purchase_days, size_t n, size_t contacts,
                              int today, const struct life_settings *s)
{
  size_t bought = 0;
  int first = 0, other_day = 0;
  uint64_t periods = 0;                 /* bit k: a purchase in period k */
  int valid = life_settings_valid(s);
  for (size_t i = 0; i < n; i++) {
    int d = purchase_days[i];
    if (d > today) continue;
    if (bought++ == 0) first = d;
    else if (d != first) other_day = 1;
    if (valid) {
      int k = (today - d) / s->period_days;
      if (k < s->periods_m) periods |= (uint64_t)1 << k;
    }
  }
  if (bought == 0) return contacts ? LIFE_POTENTIAL : LIFE_TARGET;
  if (valid && other_day && __builtin_popcountll(periods) >= s->periods_n) return LIFE_LOYAL;
  return LIFE_ONE_TIME;
}

const char *life_name(enum life_stage st)
{
  static const char *const names[] = { "目标客户", "潜在客户", "一次客户", "忠诚客户" };
  return (unsigned)st < 4 ? names[st] : names[0];
}

/* Source 002, "针对不同客户采取不同策略". */
const char *life_strategy(enum life_stage st)
{
  static const char *const strategies[] = {
    "扩大广告宣传,增强初步认知", "加深品牌印象,努力促进转化",
    "提供优质服务,继续培养忠诚", "发挥最大潜能,提高利用效率",
  };
  return (unsigned)st < 4 ? strategies[st] : strategies[0];
}

/* ---- Sleepers ---- */

void sleep_settings_default(struct sleep_settings *s)
{
  s->default_interval_days = 90;
  s->drowsy_pct = 150;
  s->half_pct = 250;
  s->dormant_pct = 400;
}

int sleep_settings_valid(const struct sleep_settings *s)
{
  return s->default_interval_days > 0 && s->drowsy_pct > 0
         && s->drowsy_pct <= s->half_pct && s->half_pct <= s->dormant_pct;
}

static int int_asc(const void *a, const void *b)
{
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* Median gap between the distinct days of the sorted days[0..n); 0 when
 * fewer than two distinct days. Overwrites days with the gaps. */
static int median_gap(int *days, size_t n)
{
  size_t g = 0;
  for (size_t i = 1; i < n; i++)
    if (days[i] != days[i - 1]) days[g++] = days[i] - days[i - 1];
  if (g == 0) return 0;
  qsort(days, g, sizeof *days, int_asc);
  if (g % 2) return days[g / 2];
  return (int)(((long long)days[g / 2 - 1] + days[g / 2]) / 2);
}

int sleep_state_of(const int *purchase_days, size_t n, int today,
                   const struct sleep_settings *s, struct sleep_result *r)
{
  if (!sleep_settings_valid(s)) return 0;
  int *days = malloc((n ? n : 1) * sizeof *days);
  if (!days) return 0;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (purchase_days[i] <= today) days[k++] = purchase_days[i];
  r->interval_days = s->default_interval_days;
  if (k == 0) {
    free(days);
    r->state = SLEEP_NEVER;
    r->days_since = -1;
    return 1;
  }
  qsort(days, k, sizeof *days, int_asc);
  r->days_since = today - days[k - 1];
  int gap = median_gap(days, k);
  free(days);
  if (gap > 0) r->interval_days = gap;
  long long d100 = (long long)r->days_since * 100, iv = r->interval_days;
  if (d100 >= iv * s->dormant_pct) r->state = SLEEP_DORMANT;
  else if (d100 >= iv * s->half_pct) r->state = SLEEP_HALF;
  else if (d100 >= iv * s->drowsy_pct) r->state = SLEEP_DROWSY;
  else r->state = SLEEP_AWAKE;
  return 1;
}

const char *sleep_name(enum sleep_state st)
{
  static const char *const names[] = { "", "", "瞌睡客户", "半睡客户", "沉睡客户" };
  return NAME_OF(names, st);
}

/* ---- RFM ---- */

void rfm_settings_default(struct rfm_settings *s)
{
  s->high_from = 3;
}

static int i64_asc(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

/* How many of sorted[0..n) are strictly below v. */
static size_t below(const int64_t *sorted, size_t n, int64_t v)
{
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int quintile(const int64_t *sorted, size_t n, int64_t v)
{
  return 1 + (int)(5 * below(sorted, n, v) / n);
}

enum rfm_segment rfm_segment_of(int r, int f, int m, const struct rfm_settings *s)
{
  if (r <= 0 || f <= 0 || m <= 0) return RFM_NONE;
  int hr = r >= s->high_from, hf = f >= s->high_from, hm = m >= s->high_from;
  static const enum rfm_segment by[2][2][2] = {
    /* hm = 0 */ { { RFM_GENERAL_RETAIN, RFM_GENERAL_KEEP },        /* hr 0: hf 0, 1 */
                   { RFM_GENERAL_DEVELOP, RFM_GENERAL_VALUE } },    /* hr 1 */
    /* hm = 1 */ { { RFM_IMPORTANT_RETAIN, RFM_IMPORTANT_KEEP },
                   { RFM_IMPORTANT_DEVELOP, RFM_IMPORTANT_VALUE } },
  };
  return by[hm][hr][hf];
}

int rfm_score_all(const struct rfm_in *in, size_t n, const struct rfm_settings *s,
                  struct rfm_score *out)
{
  if (s->high_from < 1 || s->high_from > 5) return 0;
  /* Three sorted columns of the population; recency negated so that, as
   * for the others, larger is better. */
  int64_t *col = malloc((n ? n : 1) * 3 * sizeof *col);
  if (!col) return 0;
  int64_t *rc = col, *fc = col + n, *mc = col + 2 * n;
  size_t p = 0;
  for (size_t i = 0; i < n; i++) {
    if (in[i].frequency <= 0) continue;
    rc[p] = -(int64_t)in[i].recency_days;
    fc[p] = in[i].frequency;
    mc[p] = in[i].monetary;
    p++;
  }
  qsort(rc, p, sizeof *rc, i64_asc);
  qsort(fc, p, sizeof *fc, i64_asc);
  qsort(mc, p, sizeof *mc, i64_asc);
  for (size_t i = 0; i < n; i++) {
    struct rfm_score sc = { 0, 0, 0, RFM_NONE };
    if (in[i].frequency > 0) {
      sc.r = quintile(rc, p, -(int64_t)in[i].recency_days);
      sc.f = quintile(fc, p, in[i].frequency);
      sc.m = quintile(mc, p, in[i].monetary);
      sc.segment = rfm_segment_of(sc.r, sc.f, sc.m, s);
    }
    out[i] = sc;
  }
  free(col);
  return 1;
}

const char *rfm_segment_name(enum rfm_segment seg)
{
  static const char *const names[] = {
    "", "重要价值客户", "重要保持客户", "重要发展客户", "重要挽留客户",
    "一般价值客户", "一般保持客户", "一般发展客户", "一般挽留客户",
  };
  return NAME_OF(names, seg);
}
