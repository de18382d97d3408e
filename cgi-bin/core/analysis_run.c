/* One run of customer analysis in memory (analysis_run.h). */
#include "core/analysis_run.h"
#include "core/analysis_stored.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

void *ar_push(struct ar_vec *a)
{
  if (a->n == a->cap) {
    size_t cap = a->cap ? a->cap * 2 : 1024;
    void *v = realloc(a->v, cap * a->size);
    if (!v) return NULL;
    a->v = v;
    a->cap = cap;
  }
  void *e = (char *)a->v + a->n++ * a->size;
  memset(e, 0, a->size);
  return e;
}

long long ar_find_id(const struct ar_vec *a, uint32_t id)
{
  size_t lo = 0, hi = a->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint32_t at;
    memcpy(&at, (const char *)a->v + mid * a->size, sizeof at);
    if (at < id) lo = mid + 1;
    else hi = mid;
  }
  if (lo == a->n) return -1;
  uint32_t at;
  memcpy(&at, (const char *)a->v + lo * a->size, sizeof at);
  return at == id ? (long long)lo : -1;
}

void ar_vec_free(struct ar_vec *a)
{
  free(a->v);
  a->v = NULL;
  a->n = a->cap = 0;
}

void ar_history_init(struct ar_history *h)
{
  memset(h, 0, sizeof *h);
  h->customers.size = sizeof(struct ar_customer);
  h->orders.size = sizeof(struct ar_order);
  h->lines.size = sizeof(struct ar_line);
  h->products.size = sizeof(struct ar_product);
  h->charges.size = sizeof(struct ar_charge);
  h->payments.size = sizeof(struct ar_payment);
  h->contacts.size = sizeof(struct ar_contact);
  h->complaints.size = sizeof(struct ar_complaint);
  h->wakes.size = sizeof(struct ar_wake);
  analysis_config_default(&h->cfg);
}

void ar_history_free(struct ar_history *h)
{
  struct ar_vec *all[] = { &h->customers, &h->orders, &h->lines, &h->products, &h->charges,
                           &h->payments, &h->contacts, &h->complaints, &h->wakes };
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) ar_vec_free(all[i]);
}

void ar_output_free(struct ar_output *out)
{
  free(out->rows);
  free(out->woke);
  cell_map_free(&out->cells);
  memset(out, 0, sizeof *out);
}

/* ---- grouping by customer ----
 * Rows of any array grouped by the customer they name (a uint32 index at
 * offset `at` in each element, or found through `of`): idx lists the row
 * numbers customer by customer, start[c] .. start[c + 1]. */
struct groups {
  uint32_t *start, *idx;
};

typedef uint32_t (*cust_of_fn)(const void *ctx, size_t row);

static int group(size_t ncust, size_t nrows, cust_of_fn of, const void *ctx, struct groups *g)
{
  g->start = calloc(ncust + 1, sizeof *g->start);
  g->idx = malloc((nrows ? nrows : 1) * sizeof *g->idx);
  if (!g->start || !g->idx) return 0;
  for (size_t r = 0; r < nrows; r++) g->start[of(ctx, r) + 1]++;
  for (size_t c = 0; c < ncust; c++) g->start[c + 1] += g->start[c];
  uint32_t *fill = malloc((ncust + 1) * sizeof *fill);
  if (!fill) return 0;
  memcpy(fill, g->start, (ncust + 1) * sizeof *fill);
  for (size_t r = 0; r < nrows; r++) g->idx[fill[of(ctx, r)]++] = (uint32_t)r;
  free(fill);
  return 1;
}

static void groups_free(struct groups *g)
{
  free(g->start);
  free(g->idx);
}

/* Every row type but the line names its customer first. */
struct first_ctx { const struct ar_vec *v; };
static uint32_t cust_first(const void *ctx, size_t r)
{
  const struct ar_vec *v = ((const struct first_ctx *)ctx)->v;
  return *(const uint32_t *)((const char *)v->v + r * v->size);
}

static uint32_t cust_of_line(const void *ctx, size_t r)
{
  const struct ar_history *h = ctx;
  return AR_AT(h->orders, struct ar_order, AR_AT(h->lines, struct ar_line, r).order).cust;
}

static int group_by_first(const struct ar_history *h, const struct ar_vec *v, struct groups *g)
{
  struct first_ctx c = { v };
  return group(h->customers.n, v->n, cust_first, &c, g);
}

/* A customer's orders by day (then by index, so the order is stable). */
static const struct ar_order *sort_orders;
static int by_day(const void *a, const void *b)
{
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  int32_t dx = sort_orders[x].day, dy = sort_orders[y].day;
  return dx != dy ? (dx > dy) - (dx < dy) : (x > y) - (x < y);
}

/* ---- per customer ---- */

struct work {                   /* scratch arrays, grown as needed */
  int *days;
  struct signal_line *lines;
  struct signal_charge *charges;
  struct signal_payment *payments;
  struct signal_order *orders;
  struct signal_contact *contacts;
  int32_t *complaints;
  int *periods;
  int64_t *sales, *cost;
  size_t cap;
};

static int work_fit(struct work *w, size_t n)
{
  if (n <= w->cap) return 1;
  size_t cap = n * 2;
#define GROW(f) do { void *p = realloc(w->f, cap * sizeof *w->f); if (!p) return 0; w->f = p; } while (0)
  GROW(days); GROW(lines); GROW(charges); GROW(payments); GROW(orders); GROW(contacts);
  GROW(complaints); GROW(periods); GROW(sales); GROW(cost);
#undef GROW
  w->cap = cap;
  return 1;
}

static void work_free(struct work *w)
{
  free(w->days); free(w->lines); free(w->charges); free(w->payments); free(w->orders);
  free(w->contacts); free(w->complaints); free(w->periods); free(w->sales); free(w->cost);
}

struct all_groups {
  struct groups orders, lines, charges, payments, contacts, complaints;
};

static size_t count_of(const struct groups *g, size_t c)
{
  return g->start[c + 1] - g->start[c];
}

struct span { int32_t from, to, prev_from; };  /* the period and the one before it */

/* The figures of customer c that need only its own history. */
static int customer_figures(const struct ar_history *h, const struct all_groups *g,
                            const struct span *p, size_t c, struct work *w,
                            struct ar_result *r, int *frequency, int64_t *prev_revenue)
{
  const struct ar_customer *cu = &AR_AT(h->customers, struct ar_customer, c);
  size_t no = count_of(&g->orders, c), nch = count_of(&g->charges, c),
         npay = count_of(&g->payments, c), nco = count_of(&g->contacts, c),
         ncm = count_of(&g->complaints, c);
  size_t most = no > nch ? no : nch;
  if (npay > most) most = npay;
  if (nco > most) most = nco;
  if (ncm > most) most = ncm;
  if (!work_fit(w, most ? most : 1)) return 0;
  size_t nd = 0;
  *frequency = 0;
  *prev_revenue = 0;
  r->first_day = INT32_MIN;
  const uint32_t *oi = g->orders.idx + g->orders.start[c];
  for (size_t k = 0; k < no; k++) {
    const struct ar_order *o = &AR_AT(h->orders, struct ar_order, oi[k]);
    if (o->day >= p->to) break;            /* sorted by day: the rest is after as_of */
    if (r->first_day == INT32_MIN) r->first_day = o->day;
    w->days[nd] = o->day;
    /* An order is one line to the profit rule: its revenue, and its cost
     * of goods as quantity 1 × cost. */
    w->lines[nd] = (struct signal_line){ .day = o->day, .quantity = 1, .amount = o->revenue,
                                         .unit_cost = o->cost };
    w->orders[nd] = (struct signal_order){ .day = o->day, .cents = o->revenue };
    nd++;
    if (o->day >= p->from) (*frequency)++;
    else if (o->day >= p->prev_from) *prev_revenue += o->revenue;
  }
  const uint32_t *ci = g->charges.idx + g->charges.start[c];
  for (size_t k = 0; k < nch; k++) {
    const struct ar_charge *ch = &AR_AT(h->charges, struct ar_charge, ci[k]);
    w->charges[k] = (struct signal_charge){ .day = ch->day, .kind = (enum signal_charge_kind)ch->kind,
                                            .cents = ch->cents };
  }
  struct signal_period period = { p->from, p->to };
  if (!signal_profit(w->lines, nd, w->charges, nch, period, &r->profit)) return 0;
  r->revenue = r->profit.revenue;

  struct sleep_result sl;
  if (!sleep_state_of(w->days, nd, h->as_of, &h->cfg.sleep, &sl)) return 0;
  r->sleep_state = (uint8_t)sl.state;
  r->interval_days = sl.interval_days;
  r->days_since = sl.days_since;
  r->life_proposed = (int8_t)life_stage_of(w->days, nd, cu->contacts, h->as_of, &h->cfg.life);
  r->life = cu->override_life >= 0 ? cu->override_life : r->life_proposed;

  const uint32_t *pi = g->payments.idx + g->payments.start[c];
  for (size_t k = 0; k < npay; k++) {
    const struct ar_payment *pa = &AR_AT(h->payments, struct ar_payment, pi[k]);
    w->payments[k] = (struct signal_payment){ pa->due, pa->paid };
  }
  const uint32_t *ti = g->contacts.idx + g->contacts.start[c];
  for (size_t k = 0; k < nco; k++) {
    const struct ar_contact *co = &AR_AT(h->contacts, struct ar_contact, ti[k]);
    w->contacts[k] = (struct signal_contact){ co->day, co->next_due, co->done };
  }
  const uint32_t *mi = g->complaints.idx + g->complaints.start[c];
  for (size_t k = 0; k < ncm; k++) w->complaints[k] = AR_AT(h->complaints, struct ar_complaint, mi[k]).day;
  struct signal_history sh = { w->payments, npay, w->orders, nd, w->contacts, nco, w->complaints, ncm };
  /* The windows end with the as_of day included. */
  return signal_watch(&sh, h->as_of + 1, &h->cfg.signal, &r->watch);
}

/* ---- ranks, classes, value ---- */

/* The watch list's order as one value: the score as stored (at most 255)
 * above any revenue, then the revenue; ties by id as every rank. */
static int64_t watch_key(const struct ar_result *r)
{
  int64_t score = r->watch.score > 255 ? 255 : r->watch.score, lim = INT64_C(1) << 54;
  int64_t rev = r->revenue < -lim ? -lim : r->revenue >= lim ? lim - 1 : r->revenue;
  return score * (lim << 1) + rev;
}

/* which: 0 revenue_rank, 1 profit_rank (every customer), 2 watch_rank
 * (only those on the watch list; the others keep 0): 1 = first. */
static int ranks(const struct ar_history *h, struct ar_output *out, int which)
{
  size_t n = h->customers.n, k = 0;
  struct signal_ranked *rk = malloc((n ? n : 1) * sizeof *rk);
  if (!rk) return 0;
  for (size_t i = 0; i < n; i++) {
    const struct ar_result *r = &out->rows[i];
    if (which == 2 && r->watch.score <= 0) continue;
    rk[k].customer_id = (int64_t)i;   /* the index: ties by index = by id */
    rk[k++].value = which == 2 ? watch_key(r) : which ? r->profit.profit : r->revenue;
  }
  signal_rank(rk, k);
  for (size_t i = 0; i < k; i++) {
    struct ar_result *r = &out->rows[rk[i].customer_id];
    if (which == 2) r->watch_rank = (uint32_t)(i + 1);
    else if (which) r->profit_rank = (uint32_t)(i + 1);
    else r->revenue_rank = (uint32_t)(i + 1);
  }
  free(rk);
  return 1;
}

static char abc_letter(enum abc_class c)
{
  return c == ABC_A ? 'A' : c == ABC_B ? 'B' : 'C';
}

int ar_abc_key(char c)
{
  return c == 'A' ? 1 : c == 'B' ? 2 : 3;
}

/* Retention per class: of the customers who bought in the period before
 * (classed by that period's revenue), the share who bought again in this
 * one (signal_churn on each class's ids). */
static int retention(const struct ar_history *h, const int64_t *prev_revenue, const int *frequency,
                     struct ar_output *out)
{
  size_t n = h->customers.n;
  enum abc_class *prev = malloc((n ? n : 1) * sizeof *prev);
  int64_t *before = malloc((n ? n : 1) * sizeof *before), *now = malloc((n ? n : 1) * sizeof *now);
  int ok = prev && before && now && abc_assign(prev_revenue, n, &h->cfg.abc, prev);
  for (int cls = 1; ok && cls <= 3; cls++) {
    size_t nb = 0, nn = 0;
    for (size_t i = 0; i < n; i++) {
      if (prev_revenue[i] <= 0 || (int)prev[i] != cls) continue;
      before[nb++] = (int64_t)i;
      if (frequency[i] > 0) now[nn++] = (int64_t)i;
    }
    struct signal_churn ch;
    ok = signal_churn(before, nb, now, nn, &ch);
    out->retention_bp[cls] = 10000 - ch.rate_bp;
  }
  free(prev);
  free(before);
  free(now);
  return ok;
}

/* ---- cells ---- */

struct keys { int dims[6]; int32_t key[6]; };

static void customer_keys(const struct ar_customer *cu, const struct ar_result *r, struct keys *k)
{
  int d[6] = { DIM_ALL, DIM_REGION, DIM_ABC, DIM_SIZE, DIM_OWNER, DIM_POSTAL };
  int32_t v[6] = { 0, cu->region_id, ar_abc_key(r->abc), cu->size, (int32_t)cu->owner_id, cu->postal3 };
  memcpy(k->dims, d, sizeof d);
  memcpy(k->key, v, sizeof v);
}

struct presence {
  struct cell_map *m;
  const struct keys *k;
  unsigned region;
  int kind;
  const int64_t *sales, *cost;  /* per bought period, in order */
  size_t next;                  /* the next bought period's index */
  int first_period, convert;
};

static void on_presence(void *ctx, int period, int bought, int before)
{
  struct presence *p = ctx;
  int32_t start = cell_period_start(p->kind, period);
  int64_t sales = 0, cost = 0;
  if (bought) {
    sales = p->sales[p->next];
    cost = p->cost[p->next];
    p->next++;
  }
  for (int d = 0; d < 6; d++) {
    struct cell_val *v = cell_at(p->m, p->kind, start, p->k->dims[d], p->region, p->k->key[d]);
    if (!v) return;
    v->sales += sales;
    v->cost_of_goods += cost;
    v->customers += (uint32_t)bought;
    v->active_before += (uint32_t)before;
    v->lost += (uint32_t)(before && !bought);
    if (bought && period == p->first_period) {
      v->new_customers++;
      v->conversions += (uint32_t)p->convert;
    }
  }
}

struct item {                   /* a line reduced for the product cells */
  uint32_t what;                /* product index or category id */
  int32_t day;
  int64_t amount, cost;
};

static int by_what_day(const void *a, const void *b)
{
  const struct item *x = a, *y = b;
  if (x->what != y->what) return x->what < y->what ? -1 : 1;
  return (x->day > y->day) - (x->day < y->day);
}

/* Items sorted by what and day: sales and cost into each (what, period),
 * and the customer counted once per (what, period). */
static void item_cells(struct cell_map *m, const struct item *it, size_t n, int dim, unsigned region,
                       const struct ar_history *h)
{
  for (int kind = CELL_MONTH; kind <= CELL_YEAR; kind++) {
    for (size_t i = 0; i < n;) {
      int period = cell_period_of(kind, it[i].day);
      int64_t sales = 0, cost = 0;
      size_t j = i;
      for (; j < n && it[j].what == it[i].what && cell_period_of(kind, it[j].day) == period; j++) {
        sales += it[j].amount;
        cost += it[j].cost;
      }
      int32_t key = dim == DIM_PRODUCT
                        ? (int32_t)AR_AT(h->products, struct ar_product, it[i].what).id
                        : (int32_t)it[i].what;
      struct cell_val *v = cell_at(m, kind, cell_period_start(kind, period), dim, region, key);
      if (!v) return;
      v->sales += sales;
      v->cost_of_goods += cost;
      v->customers++;
      i = j;
    }
  }
}

static int period_cells(const struct ar_history *h, const struct all_groups *g, size_t c,
                        const struct ar_result *r, struct ar_output *out, struct work *w,
                        struct item **items, size_t *items_cap)
{
  const struct ar_customer *cu = &AR_AT(h->customers, struct ar_customer, c);
  struct keys k;
  customer_keys(cu, r, &k);
  size_t no = count_of(&g->orders, c);
  const uint32_t *oi = g->orders.idx + g->orders.start[c];
  int *idx = w->periods;       /* sized for the orders by customer_figures */
  int64_t *sales = w->sales, *cost = w->cost;
  for (int kind = CELL_MONTH; kind <= CELL_YEAR; kind++) {
    size_t n = 0;
    for (size_t j = 0; j < no; j++) {
      const struct ar_order *o = &AR_AT(h->orders, struct ar_order, oi[j]);
      if (o->day > h->as_of) break;
      int p = cell_period_of(kind, o->day);
      if (!n || idx[n - 1] != p) {
        idx[n] = p;
        sales[n] = cost[n] = 0;
        n++;
      }
      sales[n - 1] += o->revenue;
      cost[n - 1] += o->cost;
    }
    struct presence pr = { &out->cells, &k, cu->region_id, kind, sales, cost, 0,
                           r->first_day == INT32_MIN ? INT_MIN : cell_period_of(kind, r->first_day),
                           cu->noncust != 0 };
    cell_presence(idx, n, cell_period_of(kind, h->as_of), on_presence, &pr);
    for (size_t j = g->charges.start[c]; j < g->charges.start[c + 1]; j++) {
      const struct ar_charge *ch = &AR_AT(h->charges, struct ar_charge, g->charges.idx[j]);
      if (ch->day > h->as_of) continue;
      int32_t start = cell_period_start(kind, cell_period_of(kind, ch->day));
      for (int d = 0; d < 6; d++) {
        struct cell_val *v = cell_at(&out->cells, kind, start, k.dims[d], cu->region_id, k.key[d]);
        if (!v) return 0;
        v->charges += ch->cents;
      }
    }
  }
  size_t nl = count_of(&g->lines, c);
  if (nl > *items_cap) {
    struct item *p = realloc(*items, nl * 2 * sizeof *p);
    if (!p) return 0;
    *items = p;
    *items_cap = nl * 2;
  }
  size_t ni = 0;
  for (size_t j = g->lines.start[c]; j < g->lines.start[c + 1]; j++) {
    const struct ar_line *l = &AR_AT(h->lines, struct ar_line, g->lines.idx[j]);
    int32_t day = AR_AT(h->orders, struct ar_order, l->order).day;
    if (day > h->as_of) continue;
    (*items)[ni++] = (struct item){ l->product, day, l->amount, l->cost };
  }
  if (!ni) return !out->cells.failed;
  qsort(*items, ni, sizeof **items, by_what_day);
  item_cells(&out->cells, *items, ni, DIM_PRODUCT, cu->region_id, h);
  for (size_t j = 0; j < ni; j++)
    (*items)[j].what = AR_AT(h->products, struct ar_product, (*items)[j].what).category;
  qsort(*items, ni, sizeof **items, by_what_day);
  item_cells(&out->cells, *items, ni, DIM_CATEGORY, cu->region_id, h);
  return !out->cells.failed;
}

/* period_kind 0: the customers as they stand, per region. */
static int now_cells(const struct ar_history *h, size_t c, const struct ar_result *r,
                     struct ar_output *out)
{
  const struct ar_customer *cu = &AR_AT(h->customers, struct ar_customer, c);
  int dims[] = { DIM_ABC, DIM_SIZE, DIM_LOYALTY, DIM_NONCUST, DIM_SLEEP, DIM_RFM, DIM_WATCH,
                 DIM_STAGE, DIM_HISTOGRAM };
  int32_t keys[] = { ar_abc_key(r->abc), cu->size, cu->loyalty, cu->noncust, r->sleep_state,
                     (int32_t)r->rfm.segment, r->watch.score > 0, r->life + 1,
                     cell_histogram_bucket(r->revenue) };
  for (size_t d = 0; d < sizeof dims / sizeof *dims; d++)
    if (!ar_count_standing(&out->cells, h->as_of, dims[d], cu->region_id, keys[d], r)) return 0;
  return 1;
}

int ar_count_standing(struct cell_map *m, int32_t as_of, int dim, unsigned region, int32_t key,
                      const struct ar_result *r)
{
  struct cell_val *v = cell_at(m, CELL_NOW, as_of, dim, region, key);
  if (!v) return 0;
  v->customers++;
  /* margin (sales − cost − charges) comes out as the profit */
  v->sales += r->revenue;
  v->cost_of_goods += r->profit.cost_of_goods;
  v->charges += r->profit.rebates_promotions + r->profit.support + r->profit.compensation;
  v->lifetime_value += r->lifetime_value;
  return 1;
}

/* ---- wake-up outcomes ---- */

static int wake_outcomes(const struct ar_history *h, const struct all_groups *g, struct ar_output *out)
{
  out->woke = malloc((h->wakes.n ? h->wakes.n : 1) * sizeof *out->woke);
  if (!out->woke) return 0;
  for (size_t i = 0; i < h->wakes.n; i++) {
    const struct ar_wake *wk = &AR_AT(h->wakes, struct ar_wake, i);
    const uint32_t *oi = g->orders.idx + g->orders.start[wk->cust];
    for (size_t j = 0; j < count_of(&g->orders, wk->cust); j++) {
      int32_t day = AR_AT(h->orders, struct ar_order, oi[j]).day;
      if (day > h->as_of) break;
      if (day >= wk->decided_on) {
        out->woke[out->n_woke++] = (struct ar_outcome){ wk->id, day };
        break;
      }
    }
  }
  return 1;
}

int ar_compute(const struct ar_history *h, struct ar_output *out, const char **why)
{
  memset(out, 0, sizeof *out);
  cell_map_init(&out->cells);
  *why = analysis_config_invalid(&h->cfg);
  if (*why) return 0;
  *why = "out of memory";
  size_t n = h->customers.n;
  struct all_groups g;
  memset(&g, 0, sizeof g);
  struct work w;
  memset(&w, 0, sizeof w);
  int *frequency = calloc(n ? n : 1, sizeof *frequency);
  int64_t *prev_revenue = calloc(n ? n : 1, sizeof *prev_revenue);
  int64_t *revenue = calloc(n ? n : 1, sizeof *revenue);
  enum abc_class *abc = calloc(n ? n : 1, sizeof *abc);
  struct rfm_in *rin = calloc(n ? n : 1, sizeof *rin);
  struct rfm_score *rout = calloc(n ? n : 1, sizeof *rout);
  struct item *items = NULL;
  size_t items_cap = 0;
  out->rows = calloc(n ? n : 1, sizeof *out->rows);
  int ok = frequency && prev_revenue && revenue && abc && rin && rout && out->rows &&
           group_by_first(h, &h->orders, &g.orders) &&
           group(n, h->lines.n, cust_of_line, h, &g.lines) &&
           group_by_first(h, &h->charges, &g.charges) &&
           group_by_first(h, &h->payments, &g.payments) &&
           group_by_first(h, &h->contacts, &g.contacts) &&
           group_by_first(h, &h->complaints, &g.complaints);
  struct span p;
  p.to = h->as_of + 1;
  p.from = cell_months_back(p.to, h->cfg.period_months);
  p.prev_from = cell_months_back(p.to, 2 * h->cfg.period_months);
  sort_orders = h->orders.v;
  for (size_t c = 0; ok && c < n; c++) {
    qsort(g.orders.idx + g.orders.start[c], count_of(&g.orders, c), sizeof *g.orders.idx, by_day);
    struct ar_result *r = &out->rows[c];
    if (!customer_figures(h, &g, &p, c, &w, r, &frequency[c], &prev_revenue[c])) {
      ok = 0;
      *why = "a customer's figures overflowed";
      break;
    }
    revenue[c] = r->revenue;
    rin[c] = (struct rfm_in){ r->days_since, frequency[c], r->revenue };
  }
  ok = ok && abc_assign(revenue, n, &h->cfg.abc, abc) && rfm_score_all(rin, n, &h->cfg.rfm, rout) &&
       ranks(h, out, 0) && ranks(h, out, 1) && ranks(h, out, 2) &&
       retention(h, prev_revenue, frequency, out);
  /* Discount per period from the yearly rate. */
  int32_t d = (int32_t)((int64_t)h->cfg.discount_bp * h->cfg.period_months / 12);
  for (size_t c = 0; ok && c < n; c++) {
    struct ar_result *r = &out->rows[c];
    r->abc = abc_letter(abc[c]);
    r->rfm = rout[c];
    if (!signal_lifetime_value(r->profit.profit, out->retention_bp[ar_abc_key(r->abc)], d,
                               &r->lifetime_value))
      r->lifetime_value = 0;          /* no finite value (r = 100 %, d = 0) */
    ok = period_cells(h, &g, c, r, out, &w, &items, &items_cap) && now_cells(h, c, r, out);
  }
  ok = ok && ar_stored_cells(h, out) && wake_outcomes(h, &g, out);
  free(frequency); free(prev_revenue); free(revenue); free(abc); free(rin); free(rout); free(items);
  work_free(&w);
  groups_free(&g.orders); groups_free(&g.lines); groups_free(&g.charges);
  groups_free(&g.payments); groups_free(&g.contacts); groups_free(&g.complaints);
  if (ok) *why = NULL;
  return ok;
}
