/* Support-plan return sums from the batch's orders (support_sales.h). */
#include "core/support_sales.h"

#include <stdlib.h>
#include <string.h>

#include "core/analysis_cells.h"

uint32_t ss_customer_index(const struct ar_history *h, uint32_t id)
{
  long long i = ar_find_id(&h->customers, id);
  return i < 0 ? SS_NONE : (uint32_t)i;
}

static int class_index(char abc)
{
  return abc == 'A' ? 0 : abc == 'B' ? 1 : abc == 'C' ? 2 : 3;
}

/* A (region, class) pair as one number: regions are SMALLINT UNSIGNED. */
#define RC_SLOTS (65536 * 4)
static uint32_t rc_of(uint16_t region, char abc)
{
  return (uint32_t)region * 4 + (uint32_t)class_index(abc);
}

/* Month sums over [from, from + n): sales and cost of goods side by side. */
struct months {
  int64_t *sales, *cogs;
};

static void window_sums(const struct months *m, size_t row, int from, int nm,
                        const struct sr_window *w, struct sr_pair *sales, struct sr_pair *cogs)
{
  *sales = *cogs = (struct sr_pair){ 0, 0 };
  for (int k = w->before_from; k < w->after_to; k++) {
    if (k == w->before_to) continue;               /* the support month is in neither */
    size_t at = row * (size_t)nm + (size_t)(k - from);
    int64_t *s = k < w->before_to ? &sales->before : &sales->after;
    int64_t *c = k < w->before_to ? &cogs->before : &cogs->after;
    *s += m->sales[at];
    *c += m->cogs[at];
  }
}

struct fam_key {
  uint64_t key;
  uint32_t unit;
};

static int by_key(const void *a, const void *b)
{
  const struct fam_key *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->unit > y->unit) - (x->unit < y->unit);
}

static uint64_t family_key(const struct ss_unit *u)
{
  return ((uint64_t)rc_of(u->region_id, u->abc) << 24) | ((uint64_t)u->category_id << 16) |
         u->year;
}

struct work {
  uint32_t *rc_slot;            /* rc → pool row + 1, 0 none */
  int32_t *dealer_rc;           /* per customer: pool row, -1 not a dealer */
  int32_t *first_unit, *next_unit;  /* per customer, the units of its plans */
  uint32_t *family;             /* per unit, its family row */
  int64_t *dealers;             /* per pool row */
  int64_t *members;             /* per family row, the units in it */
  struct months pool, fam;
  struct fam_key *keys;
};

static void work_free(struct work *w)
{
  free(w->rc_slot); free(w->dealer_rc); free(w->first_unit); free(w->next_unit);
  free(w->family); free(w->dealers); free(w->members); free(w->pool.sales); free(w->pool.cogs);
  free(w->fam.sales); free(w->fam.cogs); free(w->keys);
}

static int months_alloc(struct months *m, size_t rows, int nm)
{
  m->sales = calloc(rows ? rows * (size_t)nm : 1, sizeof *m->sales);
  m->cogs = calloc(rows ? rows * (size_t)nm : 1, sizeof *m->cogs);
  return m->sales && m->cogs;
}

/* Pool rows for the dealers' (region, class) pairs; *nrc how many. */
static int pool_rows(struct work *w, const struct ss_dealer *d, size_t nd, size_t ncust,
                     size_t *nrc)
{
  w->rc_slot = calloc(RC_SLOTS, sizeof *w->rc_slot);
  w->dealer_rc = malloc((ncust ? ncust : 1) * sizeof *w->dealer_rc);
  w->dealers = calloc(nd ? nd : 1, sizeof *w->dealers);
  if (!w->rc_slot || !w->dealer_rc || !w->dealers) return 0;
  memset(w->dealer_rc, 0xff, (ncust ? ncust : 1) * sizeof *w->dealer_rc);
  *nrc = 0;
  for (size_t i = 0; i < nd; i++) {
    uint32_t rc = rc_of(d[i].region_id, d[i].abc);
    if (!w->rc_slot[rc]) w->rc_slot[rc] = (uint32_t)++*nrc;
    w->dealers[w->rc_slot[rc] - 1]++;
    if (d[i].cust < ncust) w->dealer_rc[d[i].cust] = (int32_t)w->rc_slot[rc] - 1;
  }
  return 1;
}

/* Families (region, class, category, year) of the units; *nf how many. */
static int family_rows(struct work *w, const struct ss_unit *u, size_t nu, size_t *nf)
{
  w->keys = malloc(nu * sizeof *w->keys);
  w->family = malloc(nu * sizeof *w->family);
  w->members = calloc(nu, sizeof *w->members);
  if (!w->keys || !w->family || !w->members) return 0;
  for (size_t i = 0; i < nu; i++) w->keys[i] = (struct fam_key){ family_key(&u[i]), (uint32_t)i };
  qsort(w->keys, nu, sizeof *w->keys, by_key);
  *nf = 0;
  for (size_t i = 0; i < nu; i++) {
    if (i && w->keys[i].key != w->keys[i - 1].key) ++*nf;
    w->family[w->keys[i].unit] = (uint32_t)*nf;
    w->members[*nf]++;
  }
  ++*nf;
  return 1;
}

static int unit_lists(struct work *w, const struct ss_unit *u, size_t nu, size_t ncust)
{
  w->first_unit = malloc((ncust ? ncust : 1) * sizeof *w->first_unit);
  w->next_unit = malloc(nu * sizeof *w->next_unit);
  if (!w->first_unit || !w->next_unit) return 0;
  memset(w->first_unit, 0xff, (ncust ? ncust : 1) * sizeof *w->first_unit);
  for (size_t i = nu; i-- > 0;) {
    w->next_unit[i] = -1;
    if (u[i].cust >= ncust) continue;
    w->next_unit[i] = w->first_unit[u[i].cust];
    w->first_unit[u[i].cust] = (int32_t)i;
  }
  return 1;
}

int ss_figures(const struct ar_history *h, const struct ss_dealer *dealers, size_t ndealers,
               struct ss_unit *units, size_t nunits)
{
  if (!nunits) return 1;
  /* The months any window covers. */
  int from = units[0].support_month, to = from;
  for (size_t i = 0; i < nunits; i++) {
    if (units[i].support_month < from) from = units[i].support_month;
    if (units[i].support_month > to) to = units[i].support_month;
  }
  struct sr_window lo = sr_window_of(from), hi = sr_window_of(to);
  from = lo.before_from;
  int nm = hi.after_to - from;
  size_t ncust = h->customers.n, nrc = 0, nf = 0;
  struct work w;
  memset(&w, 0, sizeof w);
  int ok = pool_rows(&w, dealers, ndealers, ncust, &nrc) &&
           family_rows(&w, units, nunits, &nf) && unit_lists(&w, units, nunits, ncust) &&
           months_alloc(&w.pool, nrc, nm) && months_alloc(&w.fam, nf, nm);
  /* Every unit's own sums are added straight into it: its dealer's orders
   * in its windows. */
  for (size_t i = 0; i < nunits; i++) units[i].sales = units[i].cogs = (struct sr_pair){ 0, 0 };
  const struct ar_order *o = h->orders.v;
  for (size_t i = 0; ok && i < h->orders.n; i++) {
    int y, mo, d;
    cell_ymd(o[i].day, &y, &mo, &d);
    int m = sr_month(y, mo);
    if (m < from || m >= from + nm) continue;
    size_t at = (size_t)(m - from);
    int32_t rc = w.dealer_rc[o[i].cust];
    if (rc >= 0) {                                 /* an active dealer */
      w.pool.sales[(size_t)rc * (size_t)nm + at] += o[i].revenue;
      w.pool.cogs[(size_t)rc * (size_t)nm + at] += o[i].cost;
    }
    for (int32_t k = w.first_unit[o[i].cust]; k >= 0; k = w.next_unit[k]) {
      struct ss_unit *u = &units[k];
      size_t f = w.family[k];
      w.fam.sales[f * (size_t)nm + at] += o[i].revenue;
      w.fam.cogs[f * (size_t)nm + at] += o[i].cost;
      struct sr_window win = sr_window_of(u->support_month);
      if (m < win.before_from || m >= win.after_to || m == win.before_to) continue;
      int before = m < win.before_to;
      *(before ? &u->sales.before : &u->sales.after) += o[i].revenue;
      *(before ? &u->cogs.before : &u->cogs.after) += o[i].cost;
    }
  }
  for (size_t i = 0; ok && i < nunits; i++) {
    struct ss_unit *u = &units[i];
    struct sr_window win = sr_window_of(u->support_month);
    uint32_t slot = w.rc_slot[rc_of(u->region_id, u->abc)];
    struct sr_pair ps = { 0, 0 }, pc = { 0, 0 }, ms, mc;
    if (slot) window_sums(&w.pool, slot - 1, from, nm, &win, &ps, &pc);
    window_sums(&w.fam, w.family[i], from, nm, &win, &ms, &mc);
    u->peers = (slot ? w.dealers[slot - 1] : 0) - w.members[w.family[i]];
    u->peer_sales = (struct sr_pair){ ps.before - ms.before, ps.after - ms.after };
    u->peer_cogs = (struct sr_pair){ pc.before - mc.before, pc.after - mc.after };
  }
  work_free(&w);
  return ok;
}

void ss_judge(const struct ss_unit *u, int as_of_month, struct sr_input *in,
              struct sr_result *out)
{
  memset(in, 0, sizeof *in);
  in->sales = u->sales;
  in->margin = (struct sr_pair){ u->sales.before - u->cogs.before, u->sales.after - u->cogs.after };
  in->peer_sales = u->peer_sales;
  in->peer_margin = (struct sr_pair){ u->peer_sales.before - u->peer_cogs.before,
                                      u->peer_sales.after - u->peer_cogs.after };
  in->peers = u->peers;
  in->cost = u->cost;
  struct sr_window w = sr_window_of(u->support_month);
  in->complete = sr_complete(&w, as_of_month);
  if (!sr_evaluate(in, out)) {
    memset(out, 0, sizeof *out);
    out->status = SR_TOO_EARLY;
  }
}

static int by_plan_line(const void *a, const void *b)
{
  const struct ss_item *x = a, *y = b;
  if (x->plan_id != y->plan_id) return x->plan_id < y->plan_id ? -1 : 1;
  if (x->line_key != y->line_key) return x->line_key < y->line_key ? -1 : 1;
  return (x->category_id > y->category_id) - (x->category_id < y->category_id);
}

/* The lowest category of the measures with this plan and line_key (items
 * sorted by by_plan_line: the first match), or -1. */
static int category_of(const struct ss_item *items, size_t n, uint32_t plan, uint32_t line)
{
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (items[mid].plan_id < plan || (items[mid].plan_id == plan && items[mid].line_key < line))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < n && items[lo].plan_id == plan && items[lo].line_key == line ? items[lo].category_id
                                                                          : -1;
}

static long long plan_index(const struct ss_plan *p, size_t n, uint32_t id)
{
  struct ar_vec v = { (void *)p, n, n, sizeof *p };   /* the id comes first */
  return ar_find_id(&v, id);
}

struct done {                   /* an execution with its plan and category */
  uint32_t plan;                /* index in plans */
  uint8_t category;
  int32_t day;
  int64_t cost;
};

static int by_plan_category(const void *a, const void *b)
{
  const struct done *x = a, *y = b;
  if (x->plan != y->plan) return x->plan < y->plan ? -1 : 1;
  return (x->category > y->category) - (x->category < y->category);
}

int ss_units(struct ss_item *items, size_t nitems, const struct ss_execution *ex, size_t nex,
             const struct ss_plan *plans, size_t nplans, const struct ar_history *h,
             struct ss_unit **units, size_t *nunits)
{
  *units = NULL;
  *nunits = 0;
  qsort(items, nitems, sizeof *items, by_plan_line);
  struct done *d = malloc((nex ? nex : 1) * sizeof *d);
  if (!d) return 0;
  size_t nd = 0;
  for (size_t i = 0; i < nex; i++) {
    long long p = plan_index(plans, nplans, ex[i].plan_id);
    int cat = p < 0 ? -1 : category_of(items, nitems, ex[i].plan_id, ex[i].line_key);
    if (cat < 0) continue;
    d[nd++] = (struct done){ (uint32_t)p, (uint8_t)cat, ex[i].day, ex[i].cost };
  }
  qsort(d, nd, sizeof *d, by_plan_category);
  struct ss_unit *u = malloc((nd ? nd : 1) * sizeof *u);
  if (!u) {
    free(d);
    return 0;
  }
  size_t n = 0;
  for (size_t i = 0; i < nd;) {
    const struct ss_plan *p = &plans[d[i].plan];
    int32_t first = d[i].day;
    int64_t cost = 0;
    size_t j = i;
    for (; j < nd && d[j].plan == d[i].plan && d[j].category == d[i].category; j++) {
      if (d[j].day < first) first = d[j].day;
      cost += d[j].cost;
    }
    int y, m, day;
    cell_ymd(first, &y, &m, &day);
    u[n++] = (struct ss_unit){ .plan_id = p->id, .customer_id = p->customer_id,
                               .cust = ss_customer_index(h, p->customer_id),
                               .region_id = p->region_id, .year = p->year,
                               .category_id = d[i].category, .abc = p->abc,
                               .support_month = sr_month(y, m), .cost = cost };
    i = j;
  }
  free(d);
  *units = u;
  *nunits = n;
  return 1;
}
