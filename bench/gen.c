/* kehu-gen: demo and bench data for kehu.
 *
 *   kehu-gen --out DIR --customers N [--seed S] [--demo-password PW]
 *            [--orders-per-customer X] [--complaints K] [--today YYYY-MM-DD]
 *
 * Writes one tab-separated file per table into DIR and a DIR/load.sql that
 * loads them (mariadb --local-infile=1 kehu < DIR/load.sql). The output is a
 * pure function of the seed and of "today" (the date in China, or --today), so
 * a run can be repeated exactly; the one exception is the salt inside the
 * users' password hash. Generated activity (orders, payments, complaints,
 * records created) ends yesterday at 23:59:59, so nothing depends on the time
 * of day and nothing lies in the future; due dates and birthdays run on.
 *
 * How it stays fast and flat for millions of rows: every customer has its own
 * random streams (seeded from the seed and its index), so it can be generated
 * twice without being kept. Pass 1 generates each buying customer's orders,
 * order lines and payments and keeps only its total and last purchase day
 * (12 bytes a customer); the A/B/C thresholds come from those totals; pass 2
 * regenerates each customer and writes its row, its key people and the rest
 * of its file (needs and strategy dynamics, contact log with next actions,
 * quotes, after-sales service, rebates and promotions, yearly financial
 * indicators), each from a stream of its own. Complaints (the last 12
 * months) carry their whole seven-step trail: what each step recorded,
 * the proposals and the leader's decisions, the events and the messages,
 * drawn from a stream per complaint of their own. Rows go
 * through 1 MiB buffers with hand-written number formatting; nothing is
 * allocated per row.
 *
 * What the analysis pages look for (docs/analysis.md "Demo data") is in the
 * data by fixed index slot, i % 50 (behaviour_of), so the 500-customer demo
 * has each behaviour 10 or 20 times and the bench the same shares (18 % of
 * customers); their orders are taken from the other loyal customers' extra
 * ones, so the totals stay as they were:
 *   - seasonal buyers (2 slots): every year only in 1-3 fixed months
 *     (before 春节, summer, year end), stocking up;
 *   - slowing customers (2 slots): a steady rhythm until about six months
 *     ago, then widening gaps and falling order values; three in four stop
 *     so that by their own rhythm they are 瞌睡, 半睡 or 沉睡 today;
 *   - late payers (2 slots): invoices due 90-180 days ago paid on time or a
 *     few days late, those due in the last 90 days 14-40 days late, at
 *     least two in each window (the watch list's 拖欠加剧);
 *   - converted non-customers (1 slot): quasi, refusing or unexplored, a
 *     first purchase in the last 20-150 days;
 *   - repeat complainers (1 slot): 40 % of the last 90 days' complaints go
 *     to a few of them (about three each), with their whole trail;
 *   - unprofitable customers (1 slot): sold at about unit cost (46-53 % of
 *     list price; unit costs are 40-55 %), before rebates and support.
 * The other behaviours arise on their own: contact-log next actions past
 * due and not done, rebates, promotions, support spend and complaint
 * compensation. customers.size_class follows the size tier (10 % unknown).
 *
 * No libm: the Makefile links without -lm, and nothing here needs more than
 * uniform draws and weighted tables. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/password.h"
#include "gen_data.h"

/* ------------------------------------------------------------------------ */
/* errors */

static void die(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  fputs("kehu-gen: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  exit(1);
}

/* ------------------------------------------------------------------------ */
/* random numbers: a splitmix64 stream per (seed, purpose, index) */

typedef struct { uint64_t s; } rng;

static inline uint64_t mix64(uint64_t z)
{
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

static inline uint64_t rnext(rng *r)
{
  r->s += 0x9E3779B97F4A7C15ULL;
  return mix64(r->s);
}

/* Uniform in [0, n). */
static inline uint32_t rbelow(rng *r, uint32_t n)
{
  return (uint32_t)(((rnext(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline int rrange(rng *r, int lo, int hi)
{
  return lo + (int)rbelow(r, (uint32_t)(hi - lo + 1));
}

static inline double runi(rng *r)
{
  return (double)(rnext(r) >> 11) * (1.0 / 9007199254740992.0);
}

static inline int rchance(rng *r, double p) { return runi(r) < p; }

/* New streams go at the end, so that existing data stays exactly as it was. */
enum { S_CORE = 1, S_DETAIL, S_ORDERS, S_CONTACTS, S_COMPLAINT, S_COMPLAINT_TIME, S_USERS,
       S_DYNAMICS, S_CONTACT_LOG, S_QUOTES, S_SERVICE, S_INCENTIVES, S_FINANCIALS,
       S_COMPLAINT_FLOW, S_PLANS, S_BEHAVIOUR, S_COMPLAINER };

static rng rfor(uint64_t seed, uint64_t stream, uint64_t i)
{
  rng r = { mix64(seed * 0xD1B54A32D192ED03ULL ^ mix64(stream * 0x9E3779B97F4A7C15ULL + i)) };
  return r;
}

/* ------------------------------------------------------------------------ */
/* weighted choice */

#define WMAX 512
typedef struct { int n; uint64_t cum[WMAX]; } wtab;

static void wt_build(wtab *t, const double *w, int n)
{
  double sum = 0, run = 0;
  if (n <= 0 || n > WMAX) die("weight table of size %d", n);
  for (int i = 0; i < n; i++) sum += w[i];
  if (sum <= 0) die("weight table with no weight");
  for (int i = 0; i < n; i++) {
    run += w[i];
    t->cum[i] = (uint64_t)(run / sum * 4294967296.0);
  }
  t->cum[n - 1] = 4294967296ULL;
  t->n = n;
}

static void wt_build_ws(wtab *t, const wstr *w, int n)
{
  double tmp[WMAX];
  if (n > WMAX) die("weight table of size %d", n);
  for (int i = 0; i < n; i++) tmp[i] = w[i].w;
  wt_build(t, tmp, n);
}

static int wt_pick(const wtab *t, rng *r)
{
  uint64_t x = rnext(r) >> 32;
  int lo = 0, hi = t->n - 1;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (t->cum[mid] > x) hi = mid; else lo = mid + 1;
  }
  return lo;
}

/* ------------------------------------------------------------------------ */
/* calendar: day numbers count from 1950-01-01 (a Sunday) */

#define Y0 1950
#define NYEARS 150
#define NDAYS_MAX (NYEARS * 366)
static int year_start[NYEARS + 1];
static char date_s[NDAYS_MAX][10];   /* "YYYY-MM-DD", not NUL-terminated */
static int ndays;

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
static int month_len(int y, int m)
{
  static const int ml[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : ml[m - 1];
}

static void put2(char *p, int v) { p[0] = (char)('0' + v / 10); p[1] = (char)('0' + v % 10); }

static void dates_init(void)
{
  int d = 0;
  for (int y = Y0; y < Y0 + NYEARS; y++) {
    year_start[y - Y0] = d;
    for (int m = 1; m <= 12; m++)
      for (int dd = 1; dd <= month_len(y, m); dd++, d++) {
        char *p = date_s[d];
        put2(p, y / 100); put2(p + 2, y % 100); p[4] = '-';
        put2(p + 5, m); p[7] = '-'; put2(p + 8, dd);
      }
  }
  year_start[NYEARS] = d;
  ndays = d;
}

static int day_of(int y, int m, int d)
{
  int n = year_start[y - Y0];
  for (int k = 1; k < m; k++) n += month_len(y, k);
  return n + d - 1;
}

static int year_of(int day)
{
  const char *p = date_s[day];
  return (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
}

static int weekday(int day) { return day % 7; } /* 0 = Sunday */

static int month_of(int day) { return (date_s[day][5] - '0') * 10 + (date_s[day][6] - '0'); }

/* ------------------------------------------------------------------------ */
/* output files: a 1 MiB buffer each, fields end in a tab, the row's last tab
 * becomes the newline */

#define SINK_CAP (1u << 20)
typedef struct {
  const char *table, *cols;
  char path[PATH_MAX];
  FILE *f;
  char *buf;
  size_t n;
  uint64_t rows;
} sink;

static void sk_flush(sink *s)
{
  if (s->n && fwrite(s->buf, 1, s->n, s->f) != s->n) die("write %s: %s", s->path, strerror(errno));
  s->n = 0;
}

static inline void room(sink *s, size_t k)
{
  if (s->n + k > SINK_CAP) sk_flush(s);
}

static inline void f_raw(sink *s, const char *p, size_t k)
{
  room(s, k + 1);
  memcpy(s->buf + s->n, p, k);
  s->n += k;
  s->buf[s->n++] = '\t';
}

static inline void f_lit(sink *s, const char *p) { f_raw(s, p, strlen(p)); }

/* Text: backslash, tab, newline, CR and NUL escaped for LOAD DATA. */
static void f_str(sink *s, const char *p)
{
  size_t k = strlen(p);
  if (2 * k + 1 > SINK_CAP) die("field too long for %s", s->table);
  room(s, 2 * k + 1);
  char *o = s->buf + s->n;
  for (;;) {   /* runs without anything to escape are copied whole */
    size_t run = strcspn(p, "\\\t\n\r");
    memcpy(o, p, run);
    o += run;
    p += run;
    if (!*p) break;
    *o++ = '\\';
    switch (*p++) {
    case '\t': *o++ = 't'; break;
    case '\n': *o++ = 'n'; break;
    case '\r': *o++ = 'r'; break;
    default: *o++ = '\\';
    }
  }
  *o++ = '\t';
  s->n = (size_t)(o - s->buf);
}

static inline void f_null(sink *s) { f_raw(s, "\\N", 2); }

static inline size_t fmt_u(char *out, uint64_t v)
{
  char t[24];
  size_t k = 0;
  do { t[k++] = (char)('0' + v % 10); v /= 10; } while (v);
  for (size_t i = 0; i < k; i++) out[i] = t[k - 1 - i];
  return k;
}

static inline void f_u(sink *s, uint64_t v)
{
  room(s, 24);
  s->n += fmt_u(s->buf + s->n, v);
  s->buf[s->n++] = '\t';
}

/* Non-negative amount in cents as 123.45 */
static inline void f_money(sink *s, int64_t cents)
{
  room(s, 28);
  s->n += fmt_u(s->buf + s->n, (uint64_t)(cents / 100));
  s->buf[s->n++] = '.';
  put2(s->buf + s->n, (int)(cents % 100));
  s->n += 2;
  s->buf[s->n++] = '\t';
}

/* Signed hundredths as -12.34 */
static inline void f_cent(sink *s, long v)
{
  room(s, 29);
  if (v < 0) { s->buf[s->n++] = '-'; v = -v; }
  s->n += fmt_u(s->buf + s->n, (uint64_t)(v / 100));
  s->buf[s->n++] = '.';
  put2(s->buf + s->n, (int)(v % 100));
  s->n += 2;
  s->buf[s->n++] = '\t';
}

static inline void f_date(sink *s, int day) { f_raw(s, date_s[day], 10); }

static inline void f_dt(sink *s, int day, int secs)
{
  room(s, 21);
  char *p = s->buf + s->n;
  memcpy(p, date_s[day], 10);
  p[10] = ' ';
  put2(p + 11, secs / 3600); p[13] = ':';
  put2(p + 14, secs / 60 % 60); p[16] = ':';
  put2(p + 17, secs % 60);
  p[19] = '\t';
  s->n += 20;
}

static inline void f_end(sink *s)
{
  s->buf[s->n - 1] = '\n';
  s->rows++;
}

/* ------------------------------------------------------------------------ */
/* small string builder for names and texts (fixed buffers, no malloc) */

typedef struct { char *p; size_t n, cap; } sb;

static void sb_init(sb *b, char *buf, size_t cap) { b->p = buf; b->n = 0; b->cap = cap; buf[0] = 0; }

static void sb_put(sb *b, const char *s, size_t k)
{
  if (b->n + k >= b->cap) die("internal: text buffer too small");
  memcpy(b->p + b->n, s, k);
  b->n += k;
  b->p[b->n] = 0;
}

static void sb_s(sb *b, const char *s) { sb_put(b, s, strlen(s)); }

static void sb_d(sb *b, long v)
{
  char t[24];
  size_t k = 0;
  if (v < 0) { sb_put(b, "-", 1); v = -v; }
  k = fmt_u(t, (uint64_t)v);
  sb_put(b, t, k);
}

/* Zero-padded to width w. */
static void sb_dw(sb *b, long v, int w)
{
  char t[24];
  size_t k = fmt_u(t, (uint64_t)v);
  for (int i = (int)k; i < w; i++) sb_put(b, "0", 1);
  sb_put(b, t, k);
}

/* printf-like with only %s (const char *), %d (int) and %%. */
static void sbf(sb *b, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  for (const char *p = fmt; *p; p++) {
    if (*p != '%') {
      const char *q = p;
      while (*q && *q != '%') q++;
      sb_put(b, p, (size_t)(q - p));
      p = q - 1;
      continue;
    }
    p++;
    if (*p == 's') sb_s(b, va_arg(ap, const char *));
    else if (*p == 'd') sb_d(b, va_arg(ap, int));
    else if (*p == '%') sb_put(b, "%", 1);
    else die("internal: bad format %s", fmt);
  }
  va_end(ap);
}

/* Chinese numeral for 1..99 (第十二中学). */
static void sb_cn(sb *b, int n)
{
  static const char *const D[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n >= 20) sb_s(b, D[n / 10]);
  if (n >= 10) sb_s(b, "十");
  if (n < 10 || n % 10) sb_s(b, D[n % 10]);
}

/* ------------------------------------------------------------------------ */
/* pinyin for e-mail addresses */

#define CJK_LO 0x4E00
#define CJK_HI 0x9FFF
static const char *py_of_cp[CJK_HI - CJK_LO + 1];
static char py_pool[sizeof PINYIN];

static int utf8_cjk(const unsigned char *p)
{
  if ((p[0] & 0xF0) != 0xE0 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return -1;
  int cp = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return cp >= CJK_LO && cp <= CJK_HI ? cp : -1;
}

static void pinyin_init(void)
{
  memcpy(py_pool, PINYIN, sizeof PINYIN);
  char *p = py_pool;
  while (*p) {
    int cp = utf8_cjk((const unsigned char *)p);
    if (cp < 0 || p[3] != ':') die("internal: bad pinyin table near \"%.12s\"", p);
    char *v = p + 4, *e = strchr(v, ' ');
    if (!e) die("internal: pinyin table must end in a space");
    *e = 0;
    py_of_cp[cp - CJK_LO] = v;
    p = e + 1;
  }
}

/* Pinyin of a string made only of listed characters, or die naming the one
 * that is missing (a data error found at start-up, not at row 800,000). */
static void pinyin_of(const char *s, char *out, size_t cap)
{
  sb b;
  sb_init(&b, out, cap);
  for (const unsigned char *p = (const unsigned char *)s; *p; p += 3) {
    int cp = utf8_cjk(p);
    const char *v = cp < 0 ? NULL : py_of_cp[cp - CJK_LO];
    if (!v) die("internal: no pinyin for \"%.3s\" in \"%s\"", (const char *)p, s);
    sb_s(&b, v);
  }
}

#define PYLEN 24
static char zihao_py[N_ZIHAO][PYLEN];
static char surname_py[N_SURNAMES][PYLEN];
static char given_m_py[N_GIVEN_M][PYLEN];
static char given_f_py[N_GIVEN_F][PYLEN];

/* ------------------------------------------------------------------------ */
/* configuration and global state */

enum { K_DEALER, K_END, K_ORG };
enum { L_TARGET, L_POTENTIAL, L_ONETIME, L_LOYAL };
static const char *const KIND_S[] = {"dealer", "end_customer", "organisation"};
static const char *const LIFE_S[] = {"target", "potential", "one_time", "loyal"};
static const char *const LOYALTY_S[] = {"loyal", "switcher", "none"};
static const char *const NONCUST_S[] = {"quasi", "refusing", "unexplored"};

static const double KIND_W[3] = {35, 50, 15};
static const double LIFE_W[3][4] = {{10, 15, 15, 60}, {25, 20, 25, 30}, {25, 25, 25, 25}};
/* How much more often a loyal customer of each kind orders (normalised). */
static const double KIND_FREQ[3] = {1.6, 0.8, 0.7};
/* Customer size: a few big ones, many small ones (mean normalised to 1). */
static const double SIZE_P[] = {30, 25, 20, 13, 8, 3, 1};
static const double SIZE_M[] = {0.3, 0.6, 1, 1.6, 2.6, 4.5, 8};
#define N_SIZE ((int)(sizeof SIZE_P / sizeof SIZE_P[0]))
static const double LINES_W[] = {22, 26, 24, 15, 13}; /* 1..5 lines an order */
static const int CONTACTS_W[3][7] = {
  {0, 3, 10, 22, 30, 22, 13}, {4, 15, 30, 30, 15, 5, 1}, {5, 20, 40, 25, 10, 0, 0},
};
static const int QTY[3][3][2] = { /* [kind][bulk] = {lo, hi} */
  {{3, 20}, {1, 6}, {10, 120}}, {{1, 6}, {1, 3}, {2, 40}}, {{1, 8}, {1, 4}, {4, 60}},
};

#define WINDOW_DAYS 395     /* order history: about 13 months, and at least from
                               1 January last year (the dashboard compares years) */
#define WINDOW_MAX (WINDOW_DAYS + 366)
#define COMPLAINT_DAYS 365  /* complaints: the last 12 months */
#define MAX_ORD 400         /* orders one customer can have */

static struct {
  uint64_t seed;
  long n_cust;
  double opc;
  long n_compl;
  const char *pw;
  char out[PATH_MAX];
  int today, last, ws;       /* last = today - 1: the last day with activity;
                                ws: first day of the order window */
  int seqw;                  /* digits of the order sequence number */
  int q0;                    /* year * 4 + quarter of the order window's first day */
  double extra_mean;         /* mean extra orders of a loyal customer */
  double size_norm, freq_norm;
  uint64_t order_id, line_id;
  uint64_t proposal_id, event_id, message_id;
  int day_seq[WINDOW_MAX + 1];
  uint64_t plan_id, rev_id, item_id, line_key, exec_id;
  uint64_t overdue;
} g;

static wtab kind_t, life_t[3], region_t, city_t[N_REGIONS], size_tab, lines_t, zihao_t, surname_t,
  prod_t[3], prod_consumer_t, dealer_trade_t, end_form_t, org_t, contacts_t[3];
static int city_of[N_REGIONS][N_CITIES];
static int city_province[N_CITIES];   /* index into PROVINCES */
static wtab province_t[N_REGIONS];

/* In load order: every table after the tables its foreign keys point to. */
enum { T_REGIONS, T_USERS, T_USER_REGIONS, T_CATEGORIES, T_PRODUCTS, T_CUSTOMERS, T_CONTACTS,
       T_ORDERS, T_LINES, T_PAYMENTS, T_COMPLAINTS, T_DYNAMICS, T_CONTACT_LOG, T_QUOTES,
       T_SERVICE, T_INCENTIVES, T_FINANCIALS, T_COMPLAINT_SEQ, T_HANDLING, T_PROPOSALS,
       T_EVENTS, T_MESSAGES, T_PLANS, T_REVISIONS, T_ITEMS, T_LINE_SEQ, T_EXECUTIONS, T_FOLLOWUPS,
       N_TABLES };
static sink sinks[N_TABLES] = {
  {"regions", "id, code, name_zh, name_en, sort", {0}, 0, 0, 0, 0},
  {"users", "id, username, display_name, role, password_hash, lang, email, phone, active, "
            "created_at, updated_at", {0}, 0, 0, 0, 0},
  {"user_regions", "user_id, region_id", {0}, 0, 0, 0, 0},
  {"product_categories", "id, name_zh, name_en", {0}, 0, 0, 0, 0},
  {"products", "id, code, name, category_id, unit, list_price, unit_cost, active", {0}, 0, 0, 0, 0},
  {"customers", "id, code, name, kind, region_id, owner_id, address, city, postal_code, phone, "
                "fax, email, founded_year, history, org_structure, sales_force, "
                "delivery_capacity, warehouse_capacity, business_goals, lifecycle, loyalty, "
                "non_customer, abc_class, size_class, credit_limit, payment_terms, last_purchase_on, status, version, "
                "created_by, created_at, updated_by, updated_at", {0}, 0, 0, 0, 0},
  {"customer_contacts", "id, customer_id, name, role, title, authority, phone, email, "
                        "personality, birthday, hobbies, created_at", {0}, 0, 0, 0, 0},
  {"orders", "id, order_no, customer_id, salesperson_id, ordered_on, delivered_on, status, total, "
             "created_at", {0}, 0, 0, 0, 0},
  {"order_lines", "id, order_id, product_id, quantity, unit_price, amount", {0}, 0, 0, 0, 0},
  {"payments", "id, customer_id, order_id, amount, paid_amount, due_on, paid_on", {0}, 0, 0, 0, 0},
  {"complaints", "id, tracking_no, customer_id, region_id, province_id, source, taken_by, "
                 "product_id, kind, "
                 "reason, contact_name, contact_phone, email, company, product_text, "
                 "purchase_date, order_ref, packaging_intact, return_in_window, description, "
                 "step, status, assignee_id, received_at, first_response_due, "
                 "first_response_at, resolved_at, closed_at, satisfaction, "
                 "satisfaction_comment, rated_at, reopen_count, version, updated_at",
   {0}, 0, 0, 0, 0},
  {"customer_dynamics", "id, customer_id, kind, category, noted_on, content, created_by, "
                        "created_at", {0}, 0, 0, 0, 0},
  {"contact_log", "id, customer_id, channel, contacted_on, staff_id, people, heard, next_action, "
                  "next_due, done, created_by, created_at", {0}, 0, 0, 0, 0},
  {"quotes", "id, customer_id, quoted_on, product_id, quantity, unit_price, valid_until, status, "
             "note, created_by, created_at", {0}, 0, 0, 0, 0},
  {"service_records", "id, customer_id, served_on, product_id, kind, description, result, "
                      "staff_id, created_at", {0}, 0, 0, 0, 0},
  {"customer_incentives", "id, customer_id, kind, granted_on, amount, description, created_by, "
                          "created_at", {0}, 0, 0, 0, 0},
  {"customer_financials", "customer_id, year, current_ratio, net_margin, roa, collection_days, "
                          "inventory_days, updated_by, updated_at", {0}, 0, 0, 0, 0},
  {"complaint_seq", "day, last", {0}, 0, 0, 0, 0},
  {"complaint_handling", "complaint_id, facts, contact_channel, contacted_at, bought_when, "
                         "usage_text, symptom, prev_brand, analysis, explanation, agreed_on, "
                         "agreement_terms, agreed_how, exec_department, executed_on, "
                         "compensation_paid_on, exec_note", {0}, 0, 0, 0, 0},
  {"complaint_proposals", "id, complaint_id, remedy, amount, detail, proposed_by, proposed_at, "
                          "decision, decided_by, decided_at, decision_comment", {0}, 0, 0, 0, 0},
  {"complaint_events", "id, complaint_id, step, event, user_id, at, note", {0}, 0, 0, 0, 0},
  {"complaint_messages", "id, complaint_id, audience, author, user_id, body, at", {0}, 0, 0, 0, 0},
  {"support_plans", "id, customer_id, year, status, approved_rev_id, open_rev_id, copied_from, "
                    "created_by, created_at, updated_at, closed_at, version", {0}, 0, 0, 0, 0},
  {"support_plan_revisions", "id, plan_id, rev, status, sales_target, growth_target, focus, "
                             "change_note, created_by, created_at, submitted_by, submitted_at, "
                             "decided_by, decided_at, decision_comment", {0}, 0, 0, 0, 0},
  {"support_plan_items", "id, revision_id, line_key, category_id, measure_id, custom_name, "
                         "description, budget, months, owner_id, expected_effect, sort",
   {0}, 0, 0, 0, 0},
  {"support_line_seq", "id", {0}, 0, 0, 0, 0},
  {"support_executions", "id, plan_id, line_key, done_on, what_done, actual_cost, result, rating, "
                         "recorded_by, recorded_at", {0}, 0, 0, 0, 0},
  {"complaint_followups", "id, complaint_id, followed_on, said, user_id, at", {0}, 0, 0, 0, 0},
};

/* ------------------------------------------------------------------------ */
/* one customer, regenerated on demand from its index */

typedef struct {
  int kind, life, region, city, district, owner;
  double m;            /* size, mean 1 */
  int unhappy;         /* pays late, stops ordering: hidden dissatisfaction */
  int created, created_secs;
  int terms;           /* usual payment terms in days */
  int disc;            /* usual price, per mille of list price */
  int stop_day;        /* after this day it no longer orders (lapsing) */
  int loyalty, noncust;/* -1 = NULL */
  int archived;
  int tier;            /* index into SIZE_P */
  int size_class;      /* index into SIZE_CLASS_S, -1 = NULL */
  int beh;             /* B_*: the behaviour the analysis pages look for */
  int variant;         /* within the behaviour (months, how far asleep) */
  int gap;             /* a slowing customer's usual days between orders */
} cust;

/* Behaviours the analysis pages exist to find, by fixed index slot (i % 50)
 * so that even the 500-customer demo has each 10 or 20 times, and the bench
 * the same shares (18 % of customers in all). The slots skip the indices
 * tests open by number (customers 1, 7, 12 and 42 are i 0, 6, 11 and 41). */
enum { B_NONE, B_SEASONAL, B_SLOWING, B_LATE, B_CONVERTED, B_COMPLAINER, B_UNPROFITABLE };
#define B_SLOTS 50
#define B_COMPLAINER_SLOT 14
static int behaviour_of(long i)
{
  switch (i % B_SLOTS) {
  case 4: case 29: return B_SEASONAL;
  case 5: case 30: return B_SLOWING;
  case 9: case 34: return B_LATE;
  case 13: return B_CONVERTED;
  case B_COMPLAINER_SLOT: return B_COMPLAINER;
  case 23: return B_UNPROFITABLE;
  default: return B_NONE;
  }
}
/* About how many orders a seasonal, a slowing and a converted customer
 * place (measured at 1,000,000 customers); tables_init keeps the total as
 * it was without behaviours. */
#define SEASONAL_ORDERS 6.5
#define SLOWING_ORDERS 12.8
#define CONVERTED_ORDERS 1.6

/* How far past its usual interval a stopped slowing customer's last order
 * lies, in tenths of the interval, for variant % 4 = 1 瞌睡 (150-250 %),
 * 2 半睡 (250-400 %), 3 沉睡 (400 % and more): docs/analysis.md, Sleepers. */
static const int SLEEP_TENTHS[4][2] = {{0, 0}, {17, 22}, {28, 36}, {46, 60}};

/* customers.size_class (schema/047) by the generator's size tier. */
static const char *const SIZE_CLASS_S[] = {"large", "medium", "small", "micro"};
static const int TIER_CLASS[] = {3, 2, 2, 1, 1, 0, 0};

/* The behaviour's part of a customer's core, from a stream of its own so
 * that the draws before it stay as they were. A behaviour needs history:
 * on file for years, buying (the converted one only lately), not archived. */
static void cust_behaviour(long i, cust *c)
{
  rng r = rfor(g.seed, S_BEHAVIOUR, (uint64_t)i);
  c->size_class = rchance(&r, 0.9) ? TIER_CLASS[c->tier] : -1;   /* a few not judged yet */
  c->beh = behaviour_of(i);
  c->variant = (int)((i / B_SLOTS) % 12);
  if (c->beh == B_NONE) return;
  c->archived = 0;
  c->unhappy = 0;
  c->stop_day = g.last;
  if (c->created > g.today - 800) c->created = g.today - rrange(&r, 800, 2500);
  if (c->beh == B_CONVERTED) {
    /* a prospect on file who bought for the first time in the last months */
    c->life = L_ONETIME;
    c->noncust = c->variant % 3;
    c->loyalty = -1;
    return;
  }
  c->life = L_LOYAL;
  c->noncust = -1;
  c->loyalty = c->beh == B_SLOWING ? 1 : 0;
  if (c->beh == B_UNPROFITABLE) c->disc = rrange(&r, 460, 530);   /* sold at about cost */
  if (c->beh == B_SLOWING) {
    /* variants 1-3 stop, so that by their own rhythm they are 瞌睡, 半睡
     * or 沉睡 today */
    int v = c->variant % 4;
    c->gap = c->kind == K_DEALER ? rrange(&r, 30, 50) : rrange(&r, 40, 60);
    if (v) c->stop_day = g.today - c->gap * rrange(&r, SLEEP_TENTHS[v][0], SLEEP_TENTHS[v][1]) / 10;
  }
}

static void cust_core(long i, cust *c)
{
  rng r = rfor(g.seed, S_CORE, (uint64_t)i);
  c->kind = wt_pick(&kind_t, &r);
  c->life = wt_pick(&life_t[c->kind], &r);
  c->region = wt_pick(&region_t, &r);
  c->city = city_of[c->region][wt_pick(&city_t[c->region], &r)];
  int nd = 0;
  while (nd < MAX_DISTRICTS && CITIES[c->city].district[nd]) nd++;
  c->district = (int)rbelow(&r, (uint32_t)nd);
  if (rchance(&r, 0.92)) {
    const int *st = REGION_STAFF[c->region];
    int ns = 0;
    while (ns < 3 && st[ns]) ns++;
    c->owner = st[rbelow(&r, (uint32_t)ns)];
  } else {
    c->owner = rrange(&r, STAFF_FIRST, STAFF_LAST);
  }
  int tier = wt_pick(&size_tab, &r);
  c->tier = tier;
  c->m = SIZE_M[tier] * (0.7 + 0.6 * runi(&r)) / g.size_norm;
  int buyer = c->life >= L_ONETIME;
  c->unhappy = buyer && rchance(&r, c->kind == K_DEALER ? 0.07 : 0.04);
  c->created = g.today - (buyer ? rrange(&r, 30, 2500) : rrange(&r, 1, 1500));
  c->created_secs = rrange(&r, 8 * 3600 + 1800, 18 * 3600);
  switch (c->kind) {
  case K_DEALER:
    c->terms = rchance(&r, 0.4) ? 30 : rchance(&r, 0.67) ? 60 : 90;
    c->disc = rrange(&r, 580, 720);
    break;
  case K_END:
    c->terms = rchance(&r, 0.7) ? 30 : 60;
    c->disc = rrange(&r, 850, 980);
    break;
  default:
    c->terms = rchance(&r, 0.5) ? 60 : 90;
    c->disc = rrange(&r, 800, 920);
  }
  c->stop_day = g.last;
  if (c->life == L_LOYAL && rchance(&r, c->unhappy ? 0.55 : 0.2))
    c->stop_day = g.today - rrange(&r, c->unhappy ? 30 : 40, c->unhappy ? 200 : 330);
  c->loyalty = c->noncust = -1;
  double u = runi(&r);
  switch (c->life) {
  case L_LOYAL: c->loyalty = u < 0.75 ? 0 : u < 0.95 ? 1 : 2; break;
  case L_ONETIME: c->loyalty = u < 0.2 ? 0 : u < 0.65 ? 1 : 2; break;
  case L_TARGET:
    c->noncust = u < 0.5 ? 2 : u < 0.7 ? 1 : u < 0.85 ? 0 : -1;
    if (rchance(&r, 0.2)) c->loyalty = rchance(&r, 0.5) ? 1 : 2;
    break;
  default:
    c->noncust = u < 0.6 ? 0 : u < 0.75 ? 1 : u < 0.8 ? 2 : -1;
    if (rchance(&r, 0.4)) c->loyalty = rchance(&r, 0.6) ? 1 : 2;
  }
  c->archived = c->life != L_LOYAL && rchance(&r, 0.033);   /* about 2% of all */
  cust_behaviour(i, c);
}

/* ------------------------------------------------------------------------ */
/* pass 1: orders, order lines, payments */

static void order_no(sb *b, int day, int seq)
{
  const char *d = date_s[day];
  sb_s(b, "SO");
  sb_put(b, d, 4); sb_put(b, d + 5, 2); sb_put(b, d + 8, 2);
  sb_dw(b, seq, g.seqw);
}

static int cmp_int(const void *a, const void *b)
{
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static int qty_for(rng *r, const cust *c, int bulk)
{
  const int *q = QTY[c->kind][bulk];
  double sf = c->kind == K_DEALER ? 0.4 + 0.6 * c->m : 0.7 + 0.3 * c->m;
  int n = (int)(rrange(r, q[0], q[1]) * sf + 0.5);
  if (n < 1) n = 1;
  if (c->kind == K_DEALER && n >= 20) n = (n + 2) / 5 * 5;
  return n;
}

static int64_t price_for(rng *r, const cust *c, int p)
{
  int disc = c->disc + rrange(r, -15, 15);
  if (disc > 1000) disc = 1000;
  int64_t cents = (int64_t)PRODUCTS[p].price * 100 * disc / 1000;
  if (PRODUCTS[p].price >= 100) cents = (cents + 50) / 100 * 100;
  else cents = (cents + 5) / 10 * 10;
  return cents;
}

/* Calendar quarter of a day, counted from the order window's first. */
static int quarter_of(int day) { return year_of(day) * 4 + (month_of(day) - 1) / 3 - g.q0; }

/* A working day near d (Saturday to Friday, Sunday to Monday) within [lo, hi]. */
static int weekday_near(int d, int lo, int hi)
{
  int wd = weekday(d);
  int e = wd == 6 ? d - 1 : wd == 0 ? d + 1 : d;
  return e >= lo && e <= hi ? e : d;
}

/* The months a seasonal buyer buys in (bits, January = 1): before 春节, for
 * the summer, for the year end; one to three months. */
static const int SEASON_MONTHS[] = {
  1 << 0, 1 << 0 | 1 << 6, 1 << 0 | 1 << 7, 1 << 11 | 1 << 0, 1 << 5 | 1 << 6 | 1 << 7, 1 << 6,
  1 << 0 | 1 << 1 | 1 << 6, 1 << 8 | 1 << 9, 1 << 0 | 1 << 5, 1 << 11 | 1 << 0 | 1 << 6,
  1 << 3 | 1 << 4, 1 << 0 | 1 << 8,
};


/* The order days of a customer with a behaviour (sorted, distinct) and each
 * order's value in percent of the usual; returns how many. ws..we: the days
 * it may order on. */
static int behaviour_days(rng *r, const cust *c, int ws, int *days, int *pct)
{
  int n = 0, we = g.last;
  switch (c->beh) {
  case B_SEASONAL: {
    /* every year in its months: one to three orders a month, stocking up */
    int months = SEASON_MONTHS[c->variant % NELEM(SEASON_MONTHS)];
    for (int y = year_of(ws); y <= year_of(we); y++)
      for (int m = 1; m <= 12; m++) {
        if (!(months >> (m - 1) & 1)) continue;
        int a = day_of(y, m, 1), b = a + month_len(y, m) - 1;
        if (a < ws) a = ws;
        if (b > we) b = we;
        if (a > b) continue;
        int k = rrange(r, 1, c->m > 1.5 ? 3 : 2);
        for (int j = 0; j < k && n < MAX_ORD; j++) {
          days[n] = weekday_near(a + (int)rbelow(r, (uint32_t)(b - a + 1)), a, b);
          pct[n++] = rrange(r, 150, 260);
        }
      }
    break;
  }
  case B_SLOWING: {
    /* a steady rhythm until about six months ago, then the gaps widen and
     * the orders shrink; variants 1-3 stop at stop_day (cust_behaviour) */
    int gap = c->gap, slow = g.today - rrange(r, 170, 200);
    int v = c->variant % 4, stop = c->stop_day;
    int d = ws + (int)rbelow(r, (uint32_t)gap), step = gap;
    while (d <= stop && n < MAX_ORD - 1) {
      days[n] = d;
      pct[n++] = d < slow ? rrange(r, 85, 115) : 100 - 65 * (d - slow) / (g.today - slow);
      if (d < slow) d += gap + rrange(r, -gap / 5, gap / 5);
      else d += (step = step * 3 / 2 + rrange(r, 0, gap / 3));
    }
    if (v) {   /* the last order exactly then */
      if (n && days[n - 1] > stop - gap / 2) n--;
      days[n] = stop;
      pct[n++] = stop < slow ? 90 : 100 - 65 * (stop - slow) / (g.today - slow);
    }
    break;
  }
  default: {
    /* converted: a first order in the last months and perhaps a second */
    int first = g.today - rrange(r, 20, 150);
    days[n] = first; pct[n++] = rrange(r, 60, 100);
    if (first + 14 < we && rchance(r, 0.6)) { days[n] = rrange(r, first + 14, we); pct[n++] = 100; }
  }
  }
  if (!n) { days[n] = we; pct[n++] = 100; }
  /* sort the days (keeping each order's value with it) and drop repeats */
  for (int a = 1; a < n; a++)
    for (int b = a; b > 0 && days[b - 1] > days[b]; b--) {
      int t = days[b]; days[b] = days[b - 1]; days[b - 1] = t;
      t = pct[b]; pct[b] = pct[b - 1]; pct[b - 1] = t;
    }
  int k = 0;
  for (int a = 0; a < n; a++)
    if (!k || days[a] != days[k - 1]) { days[k] = days[a]; pct[k++] = pct[a]; }
  return k;
}

/* Writes the customer's orders; returns its total in cents, *last = day of its
 * last order (-1 when it has none), *quarters = the quarters it bought in
 * (bit quarter_of). */
static int64_t gen_orders(long i, const cust *c, int *last, uint8_t *quarters)
{
  static int days[MAX_ORD], pct[MAX_ORD];
  *last = -1;
  *quarters = 0;
  if (c->life < L_ONETIME) return 0;
  rng r = rfor(g.seed, S_ORDERS, (uint64_t)i);
  int ws = c->created + 1 > g.ws ? c->created + 1 : g.ws;
  int n = 1;
  if (c->beh == B_SEASONAL || c->beh == B_SLOWING || c->beh == B_CONVERTED) {
    n = behaviour_days(&r, c, ws, days, pct);
  } else {
    int we = c->stop_day;
    if (we < ws + 7) we = g.last;
    if (c->life == L_LOYAL) {
      double lam = g.extra_mean * KIND_FREQ[c->kind] / g.freq_norm * c->m;
      n = 2 + (int)(lam + runi(&r));
      if (n > MAX_ORD - 4) n = MAX_ORD - 4;
    }
    for (int k = 0; k < n; k++) {
      int d = ws;
      for (int t = 0; t < 8; t++) {
        d = ws + (int)rbelow(&r, (uint32_t)(we - ws + 1));
        int wd = weekday(d);
        if ((wd != 0 && wd != 6) || rchance(&r, 0.25)) break;
      }
      days[k] = d;
    }
    if (c->beh == B_LATE) {
      /* two invoices due in each 90-day window before today (the watch
       * list's 拖欠加剧 compares them); paid below, later and later */
      days[n++] = g.today - 170 - c->terms + rrange(&r, 0, 30);
      days[n++] = g.today - 130 - c->terms + rrange(&r, 0, 30);
      days[n++] = g.today - 85 - c->terms + rrange(&r, 0, 20);
      days[n++] = g.today - 55 - c->terms + rrange(&r, 0, 20);
    }
    qsort(days, (size_t)n, sizeof days[0], cmp_int);
    for (int k = 0; k < n; k++) pct[k] = 100;
  }
  for (int k = 0; k < n; k++) *quarters |= (uint8_t)(1u << quarter_of(days[k]));

  sink *so = &sinks[T_ORDERS], *sl = &sinks[T_LINES], *sp = &sinks[T_PAYMENTS];
  int64_t total_all = 0;
  for (int k = 0; k < n; k++) {
    int d = days[k];
    int nl = wt_pick(&lines_t, &r) + 1;
    int prods[5], qtys[5];
    int64_t prices[5], total = 0;
    for (int l = 0; l < nl; l++) {
      int p = 0;
      for (int t = 0; t < 20; t++) {
        p = wt_pick(&prod_t[c->kind], &r);
        int dup = 0;
        for (int j = 0; j < l; j++) dup |= prods[j] == p;
        if (!dup && (PRODUCTS[p].active || d < g.today - 180)) break;
      }
      prods[l] = p;
      qtys[l] = qty_for(&r, c, PRODUCTS[p].bulk);
      if (pct[k] != 100) {
        qtys[l] = (int)(((int64_t)qtys[l] * pct[k] + 50) / 100);
        if (qtys[l] < 1) qtys[l] = 1;
      }
      prices[l] = price_for(&r, c, p);
      total += prices[l] * qtys[l];
    }
    /* only a freak case leaves a repeated (or the discontinued) product after
     * 20 tries; that is still valid data */
    uint64_t oid = ++g.order_id;
    char nb[40];
    sb b;
    sb_init(&b, nb, sizeof nb);
    order_no(&b, d, ++g.day_seq[d - g.ws]);
    int deliv = d + rrange(&r, 1, c->kind == K_DEALER ? 3 : 7);
    if (deliv > g.last || (d >= g.today - 10 && rchance(&r, 0.15))) deliv = -1;
    f_u(so, oid); f_raw(so, nb, b.n); f_u(so, (uint64_t)i + 1); f_u(so, (uint64_t)c->owner);
    f_date(so, d);
    if (deliv < 0) f_null(so); else f_date(so, deliv);
    f_lit(so, deliv < 0 ? "ordered" : "delivered");   /* schema/040 */
    f_money(so, total);
    f_dt(so, d, rrange(&r, 8 * 3600 + 1800, 18 * 3600));
    f_end(so);
    for (int l = 0; l < nl; l++) {
      f_u(sl, ++g.line_id); f_u(sl, oid); f_u(sl, (uint64_t)prods[l] + 1); f_u(sl, (uint64_t)qtys[l]);
      f_money(sl, prices[l]); f_money(sl, prices[l] * qtys[l]);
      f_end(sl);
    }
    /* payment: one per order */
    int terms = rchance(&r, 0.1) ? (rchance(&r, 0.5) ? 30 : rchance(&r, 0.5) ? 60 : 90) : c->terms;
    if (c->beh == B_LATE) terms = c->terms;
    int due = d + terms, paid;
    double u = runi(&r);
    if (c->beh == B_LATE && due >= g.today - 180) {
      /* on time or a few days late until three months ago, then weeks late */
      if (due < g.today - 90) paid = due + rrange(&r, -12, 3);
      else paid = due + rrange(&r, 14, 40);
      if (paid <= d) paid = d + 1;
    } else if (c->unhappy) {
      if (u < 0.35) paid = d + rrange(&r, 5, terms);
      else if (u < 0.7) paid = due + rrange(&r, 20, 100);
      else paid = -1;
    } else {
      if (u < 0.88) paid = d + rrange(&r, 3, terms);
      else if (u < 0.985) paid = due + rrange(&r, 1, 20);
      else if (u < 0.998) paid = due + rrange(&r, 21, 90);
      else paid = -1;
    }
    if (paid > g.last) paid = -1;
    if (paid < 0 && due < g.today) g.overdue++;
    f_u(sp, oid); f_u(sp, (uint64_t)i + 1); f_u(sp, oid); f_money(sp, total);
    f_money(sp, paid < 0 ? 0 : total); f_date(sp, due);
    if (paid < 0) f_null(sp); else f_date(sp, paid);
    f_end(sp);
    total_all += total;
  }
  *last = days[n - 1];
  return total_all;
}

/* ------------------------------------------------------------------------ */
/* pass 2: the customer row and its key people */

typedef struct {
  char name[256], address[256], phone[32], fax[32], email[128], domain[64];
  char history[1024], org[512], delivery[160], warehouse[160], goals[512];
  int postal, founded, sales_force, org_group;
  int64_t credit;
} detail;

static const char *const MOBILE_PFX[] = {
  "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
  "152", "153", "155", "156", "157", "158", "159", "180", "181", "182", "183", "185",
  "186", "187", "188", "189",
};

static void mobile(rng *r, char *out, size_t cap)
{
  sb b;
  sb_init(&b, out, cap);
  sb_s(&b, MOBILE_PFX[rbelow(r, NELEM(MOBILE_PFX))]);
  sb_dw(&b, rbelow(r, 100000000u), 8);
}

static void landline(rng *r, const city_def *ct, char *out, size_t cap)
{
  sb b;
  sb_init(&b, out, cap);
  sbf(&b, "%s-%d", ct->area, rrange(r, 2, 8));
  sb_dw(&b, rbelow(r, 10000000u), 7);
}

static const char *pick(rng *r, const char *const *a, int n) { return a[rbelow(r, (uint32_t)n)]; }
#define PICK(r, a) pick((r), (a), NELEM(a))

/* Organisation kinds: name pattern, weight, group (0 school, 1 hospital, 2 public body). */
typedef struct { int id; double w; int group; } org_kind;
static const org_kind ORG_KINDS[] = {
  {0, 4, 0}, {1, 2, 0}, {2, 2, 0}, {3, 2, 1}, {4, 2, 1}, {5, 0.5, 1}, {6, 0.5, 1}, {7, 2, 1},
  {8, 1.5, 2}, {9, 1, 2}, {10, 0.3, 1}, {11, 0.3, 2}, {12, 0.5, 2}, {13, 1, 2}, {14, 0.8, 0},
  {15, 0.5, 2}, {16, 0.8, 2}, {17, 0.5, 2}, {18, 1, 0}, {19, 0.5, 0},
};
#define N_ORG_KINDS NELEM(ORG_KINDS)

static void org_name(rng *r, sb *b, const city_def *ct, const char *dist, int k)
{
  const char *city = ct->name, *sub = PICK(r, SUBDISTRICTS);
  switch (k) {
  case 0: sbf(b, "%s市第", city); sb_cn(b, rrange(r, 1, 45)); sb_s(b, "中学"); break;
  case 1: sbf(b, "%s市%s实验小学", city, dist); break;
  case 2: sbf(b, "%s市%s第", city, dist); sb_cn(b, rrange(r, 1, 12)); sb_s(b, "小学"); break;
  case 3: sbf(b, "%s市第", city); sb_cn(b, rrange(r, 1, 8)); sb_s(b, "人民医院"); break;
  case 4: sbf(b, "%s市%s人民医院", city, dist); break;
  case 5: sbf(b, "%s市中医院", city); break;
  case 6: sbf(b, "%s市妇幼保健院", city); break;
  case 7: sbf(b, "%s市%s%s街道社区卫生服务中心", city, dist, sub); break;
  case 8: sbf(b, "%s市%s%s街道办事处", city, dist, sub); break;
  case 9: sbf(b, "%s市%s机关事务服务中心", city, dist); break;
  case 10: sbf(b, "%s市疾病预防控制中心", city); break;
  case 11: sbf(b, "%s市图书馆", city); break;
  case 12: sbf(b, "%s市社会福利院", city); break;
  case 13: sbf(b, "%s市%s%s敬老院", city, dist, sub); break;
  case 14: {
    static const char *const V[] = {"职业技术学院", "工程职业技术学院", "城市职业学院", "科技职业学院"};
    sbf(b, "%s%s", city, PICK(r, V));
    break;
  }
  case 15: sbf(b, "%s市%s人民法院", city, dist); break;
  case 16: sbf(b, "%s市公安局%s分局", city, dist); break;
  case 17: sbf(b, "国家税务总局%s市%s税务局", city, dist); break;
  case 18: sbf(b, "%s市%s第", city, dist); sb_cn(b, rrange(r, 1, 9)); sb_s(b, "幼儿园"); break;
  default: {
    static const char *const U[] = {"理工大学", "师范大学", "医科大学", "财经大学"};
    sbf(b, "%s%s后勤服务集团", city, PICK(r, U));
  }
  }
}

static void cust_detail(long i, const cust *c, detail *d)
{
  rng r = rfor(g.seed, S_DETAIL, (uint64_t)i);
  const city_def *ct = &CITIES[c->city];
  const char *dist = ct->district[c->district];
  int zh = wt_pick(&zihao_t, &r);
  int year = year_of(g.today);
  sb b;

  /* name and e-mail domain */
  sb_init(&b, d->name, sizeof d->name);
  d->org_group = -1;
  if (c->kind == K_DEALER) {
    if (rchance(&r, 0.85)) {
      const char *trade = DEALER_TRADES[wt_pick(&dealer_trade_t, &r)].s;
      sbf(&b, "%s%s%s%s", ct->name, ZIHAO[zh], trade, rchance(&r, 0.8) ? "有限公司" : "有限责任公司");
    } else {
      static const char *const SHOP[] = {"家电商行", "电器经营部", "净水器专卖店", "家电门市部"};
      sbf(&b, "%s市%s%s%s", ct->name, dist, ZIHAO[zh], PICK(&r, SHOP));
    }
  } else if (c->kind == K_END) {
    const char *f = END_FORMS[wt_pick(&end_form_t, &r)].s;
    char mode = *f == '#' || *f == '$' ? *f++ : 0;
    if (mode == '#') sbf(&b, "%s市%s", ct->name, dist);
    else if (!mode) sb_s(&b, ct->name);
    for (; *f; f++) {
      if (*f == '@') { sb_s(&b, ZIHAO[zh]); continue; }
      const char *q = f;
      while (*q && *q != '@') q++;
      sb_put(&b, f, (size_t)(q - f));
      f = q - 1;
    }
    if (mode == '$') sbf(&b, "（%s店）", dist);
  } else {
    int k = wt_pick(&org_t, &r);
    d->org_group = ORG_KINDS[k].group;
    org_name(&r, &b, ct, dist, ORG_KINDS[k].id);
  }
  sb_init(&b, d->domain, sizeof d->domain);
  if (c->kind == K_ORG) {
    static const char *const GRP[] = {"edu", "hosp", "gov"};
    sbf(&b, "%s-%s%d.example", ct->py, GRP[d->org_group], rrange(&r, 1, 99));
  } else {
    sbf(&b, "%s-%s.example", zihao_py[zh], ct->abbr);
  }

  /* address */
  sb_init(&b, d->address, sizeof d->address);
  /* (one random draw per statement: argument evaluation order is unspecified,
   * and the output must not depend on the compiler's choice) */
  const char *street = PICK(&r, STREETS);
  sbf(&b, "%s市%s%s%d号", ct->name, dist, street, rrange(&r, 1, 999));
  static const char *const LETTER[] = {"A", "B", "C", "D", "E"};
  if (c->kind == K_DEALER && rchance(&r, 0.2)) {
    const char *market = PICK(&r, MARKETS), *zone = LETTER[rbelow(&r, 5)];
    sbf(&b, "%s%s区%d号", market, zone, rrange(&r, 1, 260));
  } else {
    int x = (int)rbelow(&r, 5), bldg = rrange(&r, 1, 20), level = rrange(&r, 1, 28), unit = rrange(&r, 1, 12);
    switch (x) {
    case 0: sbf(&b, "%d栋%d室", bldg, level * 100 + unit); break;
    case 1: sbf(&b, "%d楼", level); break;
    case 2: sbf(&b, "%s座%d层", LETTER[unit % 3], level); break;
    default: break;
    }
  }
  d->postal = ct->postal[c->district] + rrange(&r, 0, 3);

  /* phone, fax, e-mail */
  double land = c->kind == K_DEALER ? 0.5 : c->kind == K_END ? 0.6 : 0.9;
  if (rchance(&r, land)) landline(&r, ct, d->phone, sizeof d->phone);
  else mobile(&r, d->phone, sizeof d->phone);
  d->fax[0] = 0;
  if (rchance(&r, c->kind == K_DEALER ? 0.5 : c->kind == K_END ? 0.25 : 0.45))
    landline(&r, ct, d->fax, sizeof d->fax);
  d->email[0] = 0;
  if (rchance(&r, c->kind == K_DEALER ? 0.7 : c->kind == K_END ? 0.5 : 0.25)) {
    static const char *const BOX[] = {"info", "sales", "service", "office", "contact"};
    sb_init(&b, d->email, sizeof d->email);
    sbf(&b, "%s@%s", c->kind == K_ORG ? "office" : PICK(&r, BOX), d->domain);
  }

  /* founded, history, organisation, capacities, goals, credit */
  int cy = year_of(c->created);
  int lo = c->kind == K_ORG ? 1950 : c->kind == K_END ? 1985 : 1995;
  d->founded = rrange(&r, lo, cy > lo ? cy : lo);
  d->history[0] = d->org[0] = d->delivery[0] = d->warehouse[0] = d->goals[0] = 0;
  d->sales_force = -1;
  d->credit = 0;
  if (c->kind == K_DEALER) {
    int y2 = rrange(&r, d->founded > 2010 ? d->founded : 2010, cy);
    int y3 = y2 < year ? rrange(&r, y2 + 1, year) : year;
    sb_init(&b, d->history, sizeof d->history);
    int shops = rrange(&r, 1, 3 + (int)(c->m * 2)), outlets = rrange(&r, 3, 10 + (int)(c->m * 10));
    int tmpl = (int)rbelow(&r, 5);
    if (c->life < L_ONETIME) tmpl += 5;   /* not (yet) selling our products */
    if (tmpl % 5 == 4 && d->founded < 2008) tmpl -= 4;   /* no e-commerce story before 2008 */
    switch (tmpl) {
    case 0:
      sbf(&b, "%d年成立于%s%s，最初经营家电零售，%d年起代理本公司净水产品，目前拥有直营门店%d家、"
              "二级网点%d个，覆盖%s及周边县区。", d->founded, ct->name, dist, y2, shops, outlets, ct->name);
      break;
    case 1:
      sbf(&b, "前身为%s一家五金水电门市部，%d年改制为公司并开始经营净水设备，%d年成为本公司%s地区授权经销商。",
          dist, d->founded, y2, ct->name);
      break;
    case 2:
      sbf(&b, "%d年创立，主营厨卫电器和小家电，%d年引入本公司产品线；以工程渠道（学校、酒店、写字楼）为主，零售为辅。",
          d->founded, y2);
      break;
    case 3:
      sbf(&b, "%d年由原%s五交化公司员工创办，深耕本地家电市场多年，%d年开始与本公司合作，%d年获评年度优秀经销商。",
          d->founded, ct->name, y2, y3);
      break;
    case 4:
      sbf(&b, "%d年成立，早期做电商代运营，%d年转型为线下净水服务商，提供安装、换芯、上门维护一体化服务。",
          d->founded, y2);
      break;
    case 5:
      sbf(&b, "%d年成立于%s%s，经营家电零售，目前拥有门店%d家，代理两个国产净水器品牌，尚未经销本公司产品。",
          d->founded, ct->name, dist, shops);
      break;
    case 6:
      sbf(&b, "前身为%s一家五金水电门市部，%d年改制为公司，主营厨卫五金，近年开始试销净水设备。", dist, d->founded);
      break;
    case 7:
      sbf(&b, "%d年创立，以楼盘精装修配套的厨卫电器为主，有二级网点%d个，对净水产品有兴趣，正在比较几家厂商的政策。",
          d->founded, outlets);
      break;
    case 8:
      sbf(&b, "%d年成立，原为某进口净水品牌%s地区代理，合同即将到期，正在寻找新的合作厂家。", d->founded, ct->name);
      break;
    default:
      sbf(&b, "%d年成立，主营电商和社区团购，线下只有一家体验店，%d年起兼营小家电。", d->founded, y2);
    }
    d->sales_force = 3 + (int)(c->m * 8) + rrange(&r, 0, 5);
    int svc = 1 + d->sales_force / 4;
    sb_init(&b, d->org, sizeof d->org);
    if (rchance(&r, 0.5))
      sbf(&b, "总经理\n├ 销售部（%d人）\n├ 售后服务部（%d人）\n├ 仓储物流部\n└ 财务部",
          d->sales_force, svc);
    else
      sbf(&b, "董事长、总经理各1人；下设销售部（%d人）、售后服务部（%d人）、仓储物流部、财务部",
          d->sales_force, svc);
    sb_init(&b, d->delivery, sizeof d->delivery);
    int trucks = 1 + (int)(c->m * 1.5) + rrange(&r, 0, 2);
    switch (rbelow(&r, 5)) {
    case 0: sbf(&b, "自有货车%d辆", trucks); break;
    case 1: sbf(&b, "自有货车%d辆、电动三轮车%d辆", trucks, rrange(&r, 2, 8)); break;
    case 2: sb_s(&b, "委托第三方物流配送"); break;
    case 3: sbf(&b, "自有面包车%d辆，大件委托物流", trucks); break;
    default: sbf(&b, "自有货车%d辆，市区可当日送货安装", trucks);
    }
    sb_init(&b, d->warehouse, sizeof d->warehouse);
    int area = (int)(100 + c->m * 300 + rrange(&r, 0, 300)) / 10 * 10;
    switch (rbelow(&r, 3)) {
    case 0: sbf(&b, "仓库%d平方米", area); break;
    case 1: sbf(&b, "租用仓库%d平方米（%s）", area, dist); break;
    default: sbf(&b, "自有仓库%d平方米，另有门店后仓", area);
    }
    sb_init(&b, d->goals, sizeof d->goals);
    int target = (int)(c->m * 300) / 10 * 10 + rrange(&r, 5, 30) * 10;
    switch (rbelow(&r, 5)) {
    case 0: sbf(&b, "%d年销售目标%d万元，同比增长%d%%；重点开发社区和写字楼团购渠道。", year, target, rrange(&r, 8, 35)); break;
    case 1: sbf(&b, "三年内在%s新开%d家门店，成为本地区净水器销量前三的经销商。", ct->name, rrange(&r, 2, 8)); break;
    case 2: sbf(&b, "稳定现有零售渠道，加大学校、医院等工程项目投标力度，%d年工程业务占比提升到%d%%。", year, rrange(&r, 20, 50)); break;
    case 3: sbf(&b, "提高滤芯更换等售后服务收入占比，建立会员回访制度，老客户复购率达到%d%%。", rrange(&r, 30, 60)); break;
    default: sbf(&b, "拓展抖音、小程序等线上渠道，线上线下联动，%d年线上销售额突破%d万元。", year, target / 4 + 10);
    }
    d->credit = (int64_t)((5 + 45 * c->m) + rrange(&r, 0, 5)) * 10000 * 100;
    if (c->life == L_TARGET) d->credit = 0;
  } else if (c->kind == K_END) {
    if (c->life >= L_ONETIME && rchance(&r, 0.25)) {
      sb_init(&b, d->history, sizeof d->history);
      sbf(&b, "%d年成立，%d年起使用本公司商用净水和开水设备，由行政后勤部门统一采购。", d->founded,
          rrange(&r, d->founded > 2012 ? d->founded : 2012, cy));
    }
    if (c->life >= L_ONETIME && rchance(&r, 0.2)) {
      sb_init(&b, d->delivery, sizeof d->delivery);
      sb_s(&b, "由经销商送货上门并安装");
    }
    if (c->life >= L_ONETIME && !rchance(&r, 0.4)) d->credit = (int64_t)rrange(&r, 1, 10) * 10000 * 100;
  } else {
    sb_init(&b, d->org, sizeof d->org);
    if (rchance(&r, 0.4))
      sb_s(&b, d->org_group == 0 ? "总务处负责设备采购和维护，财务处负责付款；大额采购须走政府采购程序"
               : d->org_group == 1 ? "后勤保障部负责设备采购，设备科负责验收维护，财务科负责付款"
                                   : "办公室统一负责采购，财务科负责付款；大额采购须走政府采购程序");
    if (c->life >= L_ONETIME && !rchance(&r, 0.6)) d->credit = (int64_t)rrange(&r, 2, 10) * 10000 * 100;
  }
}

typedef struct {
  char name[32], py[48], phone[24];
  int role;
} person;

static void person_name(rng *r, person *p, int male)
{
  int s = wt_pick(&surname_t, r);
  sb b, pb;
  sb_init(&b, p->name, sizeof p->name);
  sb_init(&pb, p->py, sizeof p->py);
  sb_s(&b, SURNAMES[s].s);
  sb_s(&pb, surname_py[s]);
  int two = rchance(r, 0.65);
  for (int k = 0; k < 1 + two; k++) {
    int j;
    if (male) { j = (int)rbelow(r, N_GIVEN_M); sb_s(&b, GIVEN_M[j]); sb_s(&pb, given_m_py[j]); }
    else { j = (int)rbelow(r, N_GIVEN_F); sb_s(&b, GIVEN_F[j]); sb_s(&pb, given_f_py[j]); }
  }
  mobile(r, p->phone, sizeof p->phone);
}

static const int ROLE_ORDER[3][6] = {
  {R_GM, R_PURCHASING, R_FINANCE, R_SALES, R_LOGISTICS, R_CHAIRMAN},
  {R_PURCHASING, R_GM, R_FINANCE, R_OTHER, R_LOGISTICS, R_CHAIRMAN},
  {R_PURCHASING, R_FINANCE, R_GM, R_OTHER, R_LOGISTICS, R_SALES},
};

/* Writes the key people of customer i (when out is true) and returns how many;
 * people[] receives them for the complaint generator. */
static int gen_contacts(long i, const cust *c, const detail *d, person *people, int out)
{
  rng r = rfor(g.seed, S_CONTACTS, (uint64_t)i);
  static uint64_t contact_id;
  int n = wt_pick(&contacts_t[c->kind], &r);
  int roles[6];
  memcpy(roles, ROLE_ORDER[c->kind], sizeof roles);
  if (rchance(&r, 0.3)) { int t = roles[0]; roles[0] = roles[1]; roles[1] = t; }
  if (rchance(&r, 0.3)) { int t = roles[2]; roles[2] = roles[3]; roles[3] = t; }
  sink *s = &sinks[T_CONTACTS];
  for (int k = 0; k < n; k++) {
    person *p = &people[k];
    p->role = roles[k];
    int male = rchance(&r, p->role == R_GM || p->role == R_CHAIRMAN ? 0.75 : 0.5);
    person_name(&r, p, male);
    const char *title;
    if (c->kind == K_ORG && p->role == R_GM) title = TITLES[2][R_GM][d->org_group];
    else title = TITLES[c->kind][p->role][rchance(&r, 0.6) ? 0 : rbelow(&r, 3)];
    const char *auth = AUTHORITY[p->role][rbelow(&r, 3)];
    char email[96] = "", hob[128] = "";
    sb b;
    if (rchance(&r, 0.5)) {
      sb_init(&b, email, sizeof email);
      if (rchance(&r, 0.3)) sbf(&b, "%s%d@%s", p->py, rrange(&r, 1, 99), d->domain);
      else sbf(&b, "%s@%s", p->py, d->domain);
    }
    const char *pers = PERSONALITIES[rbelow(&r, N_PERSONALITIES)];
    int bday = -1;
    if (rchance(&r, 0.85)) {
      int y = rrange(&r, 1962, 1998);
      bday = year_start[y - Y0] + (int)rbelow(&r, (uint32_t)(year_start[y - Y0 + 1] - year_start[y - Y0]));
    }
    if (rchance(&r, 0.8)) {
      int nh = rrange(&r, 1, 3), got[3] = {-1, -1, -1};
      sb_init(&b, hob, sizeof hob);
      for (int h = 0; h < nh; h++) {
        int x = (int)rbelow(&r, N_HOBBIES);
        if (x == got[0] || x == got[1]) continue;
        got[h] = x;
        if (b.n) sb_s(&b, "、");
        sb_s(&b, HOBBIES[x]);
      }
    }
    int cd = c->created + rrange(&r, 0, 90);
    if (cd > g.last) cd = g.last;
    int cs = rrange(&r, 8 * 3600 + 1800, 18 * 3600);
    if (cd == c->created && cs < c->created_secs) cs = c->created_secs;
    if (!out) continue;
    f_u(s, ++contact_id); f_u(s, (uint64_t)i + 1); f_str(s, p->name); f_lit(s, ROLE_S[p->role]);
    f_str(s, title); f_str(s, auth); f_str(s, p->phone); f_str(s, email); f_str(s, pers);
    if (bday < 0) f_null(s); else f_date(s, bday);
    f_str(s, hob);
    f_dt(s, cd, cs);
    f_end(s);
  }
  return n;
}

static void write_customer(long i, const cust *c, const detail *d, int last, char abc)
{
  sink *s = &sinks[T_CUSTOMERS];
  char code[24];
  sb b;
  sb_init(&b, code, sizeof code);
  sb_s(&b, "C");
  sb_dw(&b, i + 1, 7);
  f_u(s, (uint64_t)i + 1); f_raw(s, code, b.n); f_str(s, d->name); f_lit(s, KIND_S[c->kind]);
  f_u(s, (uint64_t)c->region + 1); f_u(s, (uint64_t)c->owner);
  f_str(s, d->address); f_str(s, CITIES[c->city].name);
  char pc[8];
  sb_init(&b, pc, sizeof pc);
  sb_dw(&b, d->postal, 6);
  f_raw(s, pc, 6);
  f_str(s, d->phone); f_str(s, d->fax); f_str(s, d->email);
  f_u(s, (uint64_t)d->founded);
  if (d->history[0]) f_str(s, d->history); else f_null(s);
  if (d->org[0]) f_str(s, d->org); else f_null(s);
  if (d->sales_force < 0) f_null(s); else f_u(s, (uint64_t)d->sales_force);
  f_str(s, d->delivery); f_str(s, d->warehouse);
  if (d->goals[0]) f_str(s, d->goals); else f_null(s);
  f_lit(s, LIFE_S[c->life]);
  if (c->loyalty < 0) f_null(s); else f_lit(s, LOYALTY_S[c->loyalty]);
  if (c->noncust < 0) f_null(s); else f_lit(s, NONCUST_S[c->noncust]);
  if (!abc) f_null(s); else f_raw(s, &abc, 1);
  if (c->size_class < 0) f_null(s); else f_lit(s, SIZE_CLASS_S[c->size_class]);
  f_money(s, d->credit);
  f_u(s, (uint64_t)c->terms);
  if (last < 0) f_null(s); else f_date(s, last);
  f_lit(s, c->archived ? "archived" : "active");
  f_u(s, 1);
  f_u(s, USER_ADMIN);
  f_dt(s, c->created, c->created_secs);
  f_u(s, USER_ADMIN);
  f_dt(s, c->created, c->created_secs);
  f_end(s);
}

/* ------------------------------------------------------------------------ */
/* complaints */

/* Does product p fit a complaint text of class cls (see gen_data.h)? */
static int prod_fits(int p, char cls)
{
  const product_def *d = &PRODUCTS[p];
  switch (cls) {
  case 'W': return d->category == 1;
  case 'H': return !strcmp(d->code, "JS-T100") || !strcmp(d->code, "JS-G10") ||
                   !strcmp(d->code, "CF-S30") || !strcmp(d->code, "CF-H17");
  case 'M': return d->category <= 3;
  case 'F': return d->category == 4;
  case 'E': return d->price >= 1000;
  case 'X': return d->category == 1 || !strcmp(d->code, "CF-S30");
  default: return 1;
  }
}

static void expand(sb *b, const char *t, const char *pname, int price)
{
  for (const char *p = t; *p; p++) {
    if (p[0] == '%' && p[1] == 'P') { sb_s(b, pname); p++; continue; }
    if (p[0] == '%' && p[1] == 'N') { sb_d(b, price); p++; continue; }
    sb_put(b, p, 1);
  }
}

/* Staff answer between 08:30 and 18:00: a time outside that moves to the
 * next working morning. */
static int64_t in_hours(rng *r, int64_t t, int from, int to)
{
  int64_t day = t / 86400, secs = t % 86400;
  if (secs >= from && secs <= to) return t;
  if (secs > to) day++;
  return day * 86400 + from + rrange(r, 0, 3 * 3600);
}

static int64_t office_hours(rng *r, int64_t t) { return in_hours(r, t, 8 * 3600 + 1800, 18 * 3600); }

/* A time strictly between a and b, in office hours (customer: 08:00 to
 * 22:00) when the gap allows. */
static int64_t between(rng *r, int64_t a, int64_t b, int customer)
{
  int64_t t = a + (b - a) * rrange(r, 30, 70) / 100;
  t = customer ? in_hours(r, t, 8 * 3600, 22 * 3600 - 3 * 3600) : office_hours(r, t);
  return t > a && t < b ? t : a + (b - a) / 2;
}

static int cmp_i64(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static inline void f_ts(sink *s, int64_t t) { f_dt(s, (int)(t / 86400), (int)(t % 86400)); }

static void event(uint64_t cid, int step, const char *what, int user, int64_t at, const char *note)
{
  sink *s = &sinks[T_EVENTS];
  f_u(s, ++g.event_id); f_u(s, cid); f_u(s, (uint64_t)step); f_lit(s, what);
  if (user) f_u(s, (uint64_t)user); else f_null(s);
  f_ts(s, at);
  if (note) f_str(s, note); else f_null(s);
  f_end(s);
}

static void message(uint64_t cid, int internal, const char *author, int user, const char *body,
                    int64_t at)
{
  sink *s = &sinks[T_MESSAGES];
  f_u(s, ++g.message_id); f_u(s, cid); f_lit(s, internal ? "internal" : "customer");
  f_lit(s, author);
  if (user) f_u(s, (uint64_t)user); else f_null(s);
  f_str(s, body); f_ts(s, at);
  f_end(s);
}

static void proposal(uint64_t cid, int remedy, int64_t cents, int by, int64_t at,
                     const char *decision, int leader, int64_t decided, const char *comment)
{
  sink *s = &sinks[T_PROPOSALS];
  f_u(s, ++g.proposal_id); f_u(s, cid); f_lit(s, P_REMEDY[remedy]); f_money(s, cents);
  f_str(s, P_DETAIL[remedy]); f_u(s, (uint64_t)by); f_ts(s, at); f_lit(s, decision);
  if (leader) { f_u(s, (uint64_t)leader); f_ts(s, decided); } else { f_null(s); f_null(s); }
  if (comment) f_str(s, comment); else f_null(s);
  f_end(s);
}

/* A staff member who looks after the region (any of them when unknown). */
static int region_staff(rng *r, int region)
{
  if (region < 0) return rrange(r, STAFF_FIRST, STAFF_LAST);
  const int *st = REGION_STAFF[region];
  int ns = 0;
  while (ns < 3 && st[ns]) ns++;
  return st[rbelow(r, (uint32_t)ns)];
}

static int pick_province(rng *r, int region)
{
  int p = wt_pick(&province_t[region], r);
  return PROVINCES[p].region == region ? p : -1;   /* -1: a rounding edge, none named */
}

/* The handling the leader is asked to approve, by kind and reason index
 * (quality, service, price, delivery, other); P_REMEDY order. */
static int pick_remedy(rng *r, int kind, int rx)
{
  static const double W[6][5] = {
    {30, 45, 10, 15, 0}, {0, 0, 0, 50, 50}, {0, 0, 20, 60, 20}, {40, 0, 0, 40, 20},
    {0, 0, 0, 0, 1}, {30, 0, 70, 0, 0},   /* last: return requests */
  };
  const double *w = W[kind == 1 ? 5 : kind == 2 ? 4 : rx];
  double sum = 0, x;
  for (int i = 0; i < 5; i++) sum += w[i];
  x = runi(r) * sum;
  for (int i = 0; i < 5; i++) {
    if (x < w[i]) return i;
    x -= w[i];
  }
  return 4;
}

/* Step 7 (跟踪处理结果的落实) of one complaint, resolved at T6 and closed
 * at T7 (0: still open): the follow-ups, a first close, the rating and a
 * reopen, written in time order. As in the staff pages a close needs a
 * follow-up, after a reopen a new one. */
typedef struct {
  uint64_t cid;
  int staff, score, reopened;
  int64_t T6, T7, rated, closed1, reopen_at;
} s7;

enum { E7_FOLLOW_OK, E7_FOLLOW_AGAIN, E7_FOLLOW_WAIT, E7_CLOSED, E7_RATED, E7_REOPENED };
typedef struct { int64_t at; int what; } e7;

static int cmp_e7(const void *a, const void *b)
{
  const e7 *x = a, *y = b;
  return (x->at > y->at) - (x->at < y->at);
}

static void step7(rng *w, const s7 *c, const char *score_note, int64_t now, int *version, int64_t *last)
{
  e7 e[8];
  int n = 0;
  int64_t end = c->T7 ? c->T7 : now;
  if (c->reopened) {
    if (c->closed1) {
      e[n++] = (e7){ between(w, c->T6, c->closed1, 0), E7_FOLLOW_OK };
      e[n++] = (e7){ c->closed1, E7_CLOSED };
    }
    if (c->score) e[n++] = (e7){ c->rated, E7_RATED };
    e[n++] = (e7){ c->reopen_at, E7_REOPENED };
    if (c->T7 || rchance(w, 0.5)) {
      int64_t t = between(w, c->reopen_at, end, 0);
      if (t < end) e[n++] = (e7){ t, E7_FOLLOW_AGAIN };
    }
  } else {
    if (c->score) e[n++] = (e7){ c->rated, E7_RATED };
    if (c->T7 || rchance(w, 0.5)) {
      int64_t t = between(w, c->T6, end, 0);
      if (t < end) e[n++] = (e7){ t, c->T7 || c->score ? E7_FOLLOW_OK : E7_FOLLOW_WAIT };
    }
  }
  if (c->T7) e[n++] = (e7){ c->T7, E7_CLOSED };
  qsort(e, (size_t)n, sizeof e[0], cmp_e7);
  static uint64_t followup_id;
  sink *f = &sinks[T_FOLLOWUPS];
  for (int k = 0; k < n; k++) {
    const char *said = NULL;
    switch (e[k].what) {
    case E7_FOLLOW_OK: said = PICK(w, FU_OK); break;
    case E7_FOLLOW_AGAIN: said = c->score ? FU_AGAIN[rbelow(w, NELEM(FU_AGAIN))] : FU_AGAIN[1 + rbelow(w, NELEM(FU_AGAIN) - 1)]; break;
    case E7_FOLLOW_WAIT: said = PICK(w, FU_WAIT); break;
    case E7_CLOSED: event(c->cid, 7, "closed", c->staff, e[k].at, NULL); break;
    case E7_RATED: event(c->cid, 7, "rated", 0, e[k].at, score_note); break;
    default:
      if (c->score) event(c->cid, 7, "reopened", 0, e[k].at, score_note);
      else event(c->cid, 7, "reopened", c->staff, e[k].at, "客户来电反映问题再次出现，重新跟进。");
    }
    if (said) {
      char note[200];
      sb b;
      sb_init(&b, note, sizeof note);
      sb_put(&b, date_s[e[k].at / 86400], 10);
      sbf(&b, " %s", said);
      event(c->cid, 7, "followup", c->staff, e[k].at, note);
      f_u(f, ++followup_id); f_u(f, c->cid); f_date(f, (int)(e[k].at / 86400)); f_str(f, said);
      f_u(f, (uint64_t)c->staff); f_ts(f, e[k].at);
      f_end(f);
    }
    ++*version;
    if (e[k].at > *last) *last = e[k].at;
  }
}

static void gen_complaints(void)
{
  if (g.n_compl <= 0) return;
  int64_t *at = malloc((size_t)g.n_compl * sizeof *at);
  if (!at) die("out of memory for %ld complaints", g.n_compl);
  int64_t now = (int64_t)g.today * 86400;   /* midnight: the data ends yesterday */
  for (long k = 0; k < g.n_compl; k++) {
    rng r = rfor(g.seed, S_COMPLAINT_TIME, (uint64_t)k);
    int day = g.last - (int)rbelow(&r, COMPLAINT_DAYS);
    int secs = rchance(&r, 0.9) ? rrange(&r, 8 * 3600, 21 * 3600) : rrange(&r, 0, 86399);
    at[k] = (int64_t)day * 86400 + secs;
  }
  qsort(at, (size_t)g.n_compl, sizeof *at, cmp_i64);

  static const wstr KINDS[] = {{"complaint", 60}, {"return", 25}, {"suggestion", 15}};
  static const wstr R_COMPLAINT[] = {{"quality", 40}, {"service", 25}, {"price", 10}, {"delivery", 15}, {"other", 10}};
  static const wstr R_RETURN[] = {{"quality", 55}, {"price", 25}, {"service", 20}};
  static const wstr R_SUGGEST[] = {{"other", 70}, {"service", 20}, {"price", 10}};
  static const char *const KIND_ZH[] = {"投诉", "退货申请", "建议"};
  static const double SCORE_W[] = {4, 6, 10, 30, 50};   /* 1..5 */
  static const double SCORE_W_SUGGEST[] = {1, 2, 7, 30, 60};   /* a suggestion taken seriously */
  wtab kt, rc, rr, rs, score_t, score_s;
  wt_build_ws(&kt, KINDS, NELEM(KINDS));
  wt_build_ws(&rc, R_COMPLAINT, NELEM(R_COMPLAINT));
  wt_build_ws(&rr, R_RETURN, NELEM(R_RETURN));
  wt_build_ws(&rs, R_SUGGEST, NELEM(R_SUGGEST));
  wt_build(&score_t, SCORE_W, NELEM(SCORE_W));
  wt_build(&score_s, SCORE_W_SUGGEST, NELEM(SCORE_W_SUGGEST));

  sink *s = &sinks[T_COMPLAINTS];
  int prev_day = -1, seq = 0;
  for (long k = 0; k < g.n_compl; k++) {
    rng r = rfor(g.seed, S_COMPLAINT, (uint64_t)k);
    int day = (int)(at[k] / 86400);
    if (day != prev_day) {
      if (prev_day >= 0) {
        f_date(&sinks[T_COMPLAINT_SEQ], prev_day); f_u(&sinks[T_COMPLAINT_SEQ], (uint64_t)seq);
        f_end(&sinks[T_COMPLAINT_SEQ]);
      }
      prev_day = day;
      seq = 0;
    }
    seq++;
    char tn[32];
    sb b;
    sb_init(&b, tn, sizeof tn);
    sb_s(&b, "TS");
    sb_put(&b, date_s[day], 4); sb_put(&b, date_s[day] + 5, 2); sb_put(&b, date_s[day] + 8, 2);
    sb_s(&b, "-");
    sb_dw(&b, seq, 4);

    /* who: mostly a customer that buys from us, its key person on the phone */
    long ci = -1;
    cust c;
    person who, people[6];
    static detail d;
    int region;
    if (g.n_cust > 0 && rchance(&r, 0.8)) {
      for (int t = 0; t < 20; t++) {
        ci = (long)(runi(&r) * (double)g.n_cust);
        cust_core(ci, &c);
        if (c.life >= L_ONETIME) break;
      }
      /* a few customers complain again and again lately (the watch list's
       * 投诉反复): a share of the last 90 days' complaints go to a small
       * set of them, about three each; from a stream of its own */
      long slots = (g.n_cust - B_COMPLAINER_SLOT + B_SLOTS - 1) / B_SLOTS;
      rng rc = rfor(g.seed, S_COMPLAINER, (uint64_t)k);
      if (day >= g.today - 90 && slots > 0 && rchance(&rc, 0.4)) {
        long m = g.n_compl / 40 < 3 ? 3 : g.n_compl / 40;
        if (m > slots) m = slots;
        ci = (long)rbelow(&rc, (uint32_t)m) * B_SLOTS + B_COMPLAINER_SLOT;
        cust_core(ci, &c);
      }
      cust_detail(ci, &c, &d);
      int np = gen_contacts(ci, &c, &d, people, 0);
      if (np > 0) who = people[rbelow(&r, (uint32_t)np)];
      else person_name(&r, &who, rchance(&r, 0.5));
      region = c.region;
    } else {
      person_name(&r, &who, rchance(&r, 0.5));
      region = wt_pick(&region_t, &r);
    }

    int kind = wt_pick(&kt, &r);
    const char *reason;
    const char *tmpl;
    int rx;     /* reason index in C_DEMANDS */
    if (kind == 0) {
      int x = wt_pick(&rc, &r);
      reason = R_COMPLAINT[x].s;
      rx = x;
      switch (x) {
      case 0: tmpl = PICK(&r, C_QUALITY); break;
      case 1: tmpl = PICK(&r, C_SERVICE); break;
      case 2: tmpl = PICK(&r, C_PRICE); break;
      case 3: tmpl = PICK(&r, C_DELIVERY); break;
      default: tmpl = PICK(&r, C_OTHER);
      }
    } else if (kind == 1) {
      int x = wt_pick(&rr, &r);
      reason = R_RETURN[x].s;
      rx = x == 0 ? 0 : x == 1 ? 2 : 1;
      tmpl = x == 0 ? PICK(&r, C_RETURN_QUALITY) : x == 1 ? PICK(&r, C_RETURN_PRICE) : PICK(&r, C_RETURN_SERVICE);
    } else {
      reason = R_SUGGEST[wt_pick(&rs, &r)].s;
      tmpl = PICK(&r, C_SUGGEST);
      rx = 4;
    }
    char cls = *tmpl++;
    char want = cls == '-' ? 'W' : cls;
    int prod = wt_pick(&prod_consumer_t, &r);
    for (int t = 0; t < 200 && !prod_fits(prod, want); t++) prod = wt_pick(&prod_consumer_t, &r);
    int has_prod = cls != '-' || kind == 1 || rchance(&r, 0.5);
    char desc[1024];
    sb_init(&b, desc, sizeof desc);
    expand(&b, tmpl, PRODUCTS[prod].name, PRODUCTS[prod].price);
    if (kind != 2 && rchance(&r, 0.4)) sbf(&b, "\n客户诉求：%s。", C_DEMANDS[rx][rbelow(&r, 3)]);

    /* Everything below draws from a stream of its own, so the complaint
     * itself (who, what, when) is the same as before the workflow existed. */
    rng w = rfor(g.seed, S_COMPLAINT_FLOW, (uint64_t)k);
    uint64_t cid = (uint64_t)k + 1;
    int province = -1;
    if (ci >= 0) province = city_province[c.city];
    else if (rchance(&w, 0.04)) region = -1;   /* named no province: office staff only */
    else province = pick_province(&w, region);
    int web = rchance(&w, 0.85);
    const char *typed = !has_prod && kind != 2 && rchance(&w, 0.3) ? PICK(&w, C_TYPED_PRODUCTS) : NULL;
    int pdate = -1, pkg = -1, inwin = -1;
    if ((has_prod || typed) && rchance(&w, 0.85)) {
      if (kind == 1) pdate = day - (rchance(&w, 0.8) ? rrange(&w, 0, 6) : rrange(&w, 8, 30));
      else pdate = day - rrange(&w, 10, 500);
    }
    if (kind == 1) {
      pkg = rchance(&w, 0.75);
      if (pdate >= 0) inwin = day - pdate <= 7 && pkg;
    }
    char email[96], oref[32];
    email[0] = oref[0] = 0;
    if (rchance(&w, web ? 0.45 : 0.15)) {
      sb_init(&b, email, sizeof email);
      sbf(&b, "%s%d@%s", who.py, rrange(&w, 1, 999), PICK(&w, C_MAIL_DOMAINS));
    }
    if (pdate >= 0 && rchance(&w, 0.6)) {
      sb_init(&b, oref, sizeof oref);
      if (rchance(&w, 0.5)) {
        sb_s(&b, "SO"); sb_put(&b, date_s[pdate], 4); sb_put(&b, date_s[pdate] + 5, 2);
        sb_put(&b, date_s[pdate] + 8, 2); sb_dw(&b, rrange(&w, 1, 2000), 4);
      } else {
        sb_s(&b, "FP"); sb_dw(&b, rbelow(&w, 100000000u), 8);
      }
    }

    /* The seven steps: when each would be done, then how far it got by
     * now. Older complaints are mostly closed; some stay stuck at a step. */
    int age = g.today - day;
    /* Past six weeks every complaint has been carried through (the steps
     * take at most about 43 days, below); a few recent ones wait at a step. */
    double p_close = age > 42 ? 1 : age > 28 ? 0.85 : age > 14 ? 0.5 : age > 5 ? 0.12 : 0;
    /* unanswered (step 1) only in the last few days: the SLA is a day */
    int cap = rchance(&w, p_close) ? 8 : age > 14 ? rrange(&w, 4, 7) : age > 3 ? rrange(&w, 2, 7)
              : rrange(&w, 1, 7);
    int64_t T[8];
    T[0] = at[k];
    T[1] = office_hours(&w, T[0] + (rchance(&w, 0.85) ? rrange(&w, 600, 8 * 3600)
                                                      : rrange(&w, 24 * 3600, 60 * 3600)));
    T[2] = office_hours(&w, T[1] + rrange(&w, 3600, 36 * 3600));
    T[3] = office_hours(&w, T[2] + rrange(&w, 2 * 3600, 3 * 86400));
    int64_t prop1 = office_hours(&w, T[3] + rrange(&w, 3600, 86400));
    int returned = rchance(&w, 0.15);
    int64_t ret_at = returned ? office_hours(&w, prop1 + rrange(&w, 3600, 86400)) : 0;
    int64_t prop2 = returned ? office_hours(&w, ret_at + rrange(&w, 2 * 3600, 86400)) : prop1;
    T[4] = office_hours(&w, prop2 + rrange(&w, 1800, 2 * 86400));
    T[5] = office_hours(&w, T[4] + rrange(&w, 4 * 3600, 4 * 86400));
    T[6] = office_hours(&w, T[5] + rrange(&w, 86400, 7 * 86400));
    T[7] = office_hours(&w, T[6] + rrange(&w, 86400, 10 * 86400));
    int reached = 1;   /* the step being worked on; 8 = closed */
    while (reached < 8 && reached < cap && T[reached] <= now) reached++;
    int staff = region_staff(&w, region);
    int assigned = reached > 1 || rchance(&w, 0.5);
    int64_t assigned_at = office_hours(&w, T[0] + rrange(&w, 300, 3 * 3600));
    if (reached > 1 && assigned_at > T[1]) assigned_at = T[1];
    if (assigned_at > now) assigned = 0;
    int leader = rrange(&w, 2, 3);
    int remedy = pick_remedy(&w, kind, rx);
    int64_t cents = remedy == 2 ? (has_prod ? (int64_t)PRODUCTS[prod].price * 100 : rrange(&w, 100, 3000) * 100)
                    : remedy == 3 ? (int64_t)rrange(&w, 5, 50) * 1000 : 0;
    /* satisfaction, asked once it is resolved (step 6 done). As on the
     * public form, a score below 4 is "not satisfied" and reopens the
     * follow-up at once; the customer may rate before or after a first
     * close. A few unrated ones were reopened by staff. */
    int score = 0, reopened = 0;
    int64_t rated = 0, closed1 = 0, reopen_at = 0;
    if (reached >= 7 && rchance(&w, 0.6)) {
      score = wt_pick(kind == 2 ? &score_s : &score_t, &w) + 1;
      rated = in_hours(&w, T[6] + rrange(&w, 2 * 3600, 5 * 86400), 8 * 3600, 19 * 3600);
      if (reached == 8 && rated >= T[7]) rated = between(&w, T[6], T[7], 1);
      if (rated > now) score = 0;
    }
    if (score && score < 4) {
      reopened = 1;
      if (reached == 8 && rchance(&w, 0.5)) {   /* closed once, then rated */
        closed1 = between(&w, T[6], T[6] + (T[7] - T[6]) / 2, 0);
        rated = between(&w, closed1, T[7], 1);
      }
      reopen_at = rated;
    } else if (!score && reached == 8 && rchance(&w, 0.02)) {
      reopened = 1;
      closed1 = between(&w, T[6], T[6] + (T[7] - T[6]) / 2, 0);
      reopen_at = between(&w, closed1, T[7], 1);
    }
    char score_note[8] = "";
    if (score) { score_note[0] = (char)('0' + score); memcpy(score_note + 1, "/5", 3); }

    /* the trail: events and messages, in time order */
    int64_t last = T[0];
    int version = 1;
    char note[160];
    event(cid, 1, "registered", web ? 0 : staff, T[0], NULL);
    sb_init(&b, note, sizeof note);
    sbf(&b, "您的%s已受理，受理编号：%s。我们将在24小时内与您联系。", KIND_ZH[kind], tn);
    message(cid, 0, "system", 0, note, T[0]);
    if (assigned) {
      event(cid, 1, "assigned", leader, assigned_at, NULL);
      version++;
      last = assigned_at;
    }
    for (int st = 1; st < reached && st <= 6; st++) {
      if (st == 4) {
        event(cid, 4, "proposed", staff, prop1, P_REMEDY[remedy]);
        if (returned) {
          const char *why = PICK(&w, P_RETURN_COMMENT);
          proposal(cid, remedy, cents, staff, prop1, "returned", leader, ret_at, why);
          event(cid, 4, "returned", leader, ret_at, why);
          event(cid, 4, "proposed", staff, prop2, P_REMEDY[remedy]);
          version += 2;
        }
        proposal(cid, remedy, cents, staff, prop2, "approved", leader, T[4], NULL);
        event(cid, 4, "approved", leader, T[4], NULL);
        version += 2;
      }
      event(cid, (uint64_t)st, "step_done", staff, T[st], NULL);
      version++;
      last = T[st];
      if (st == 1) message(cid, 0, "staff", staff, M_STAFF[0], T[1]);
      if (st == 1 && rchance(&w, 0.25) && T[1] + 7200 <= now && (reached > 2 ? T[1] + 7200 < T[2] : 1))
        message(cid, 0, "customer", 0, PICK(&w, M_CUSTOMER), T[1] + 7200);
      if (st == 2 && rchance(&w, 0.4))
        message(cid, 1, "staff", staff, M_INTERNAL[kind == 2 ? 5 : rx][rbelow(&w, 2)], T[2] + 60);
      if (st == 5) message(cid, 0, "staff", staff, M_STAFF[2], T[5] + 60);
      if (st == 6 && (remedy == 2 || remedy == 3)) message(cid, 0, "staff", staff, M_STAFF[3], T[6] + 60);
    }
    if (reached == 4 && prop1 <= now) {   /* waiting for the leader */
      int back = returned && ret_at <= now;
      if (back) {
        const char *why = PICK(&w, P_RETURN_COMMENT);
        proposal(cid, remedy, cents, staff, prop1, "returned", leader, ret_at, why);
        event(cid, 4, "proposed", staff, prop1, P_REMEDY[remedy]);
        event(cid, 4, "returned", leader, ret_at, why);
        version += 2;
        last = ret_at;
      }
      if (!back || prop2 <= now) {
        int64_t t = back ? prop2 : prop1;
        proposal(cid, remedy, cents, staff, t, "pending", 0, 0, NULL);
        event(cid, 4, "proposed", staff, t, P_REMEDY[remedy]);
        version++;
        last = t;
      }
    }
    if (reached >= 7) {
      s7 st = { cid, staff, score, reopened, T[6], reached == 8 ? T[7] : 0, rated, closed1, reopen_at };
      step7(&w, &st, score_note, now, &version, &last);
    }

    /* what the steps recorded */
    if (reached >= 2) {
      sink *h = &sinks[T_HANDLING];
      f_u(h, cid); f_str(h, H_FACTS[rx]);
      if (reached >= 3) {
        f_lit(h, PICK(&w, H_CHANNEL)); f_ts(h, T[2] - rrange(&w, 600, 3600));
        if (pdate >= 0) f_date(h, pdate); else f_str(h, "客户记不清，约一年前");
        f_str(h, PICK(&w, H_USAGE)); f_str(h, desc); f_str(h, PICK(&w, H_PREV_BRAND));
      } else for (int i = 0; i < 6; i++) f_null(h);
      if (reached >= 4) { f_str(h, H_ANALYSIS[rx]); f_str(h, PICK(&w, H_EXPLANATION)); }
      else { f_null(h); f_null(h); }
      if (reached >= 6) {
        f_date(h, (int)(T[5] / 86400)); f_str(h, P_DETAIL[remedy]);
        f_lit(h, rchance(&w, 0.5) ? "signed" : rchance(&w, 0.6) ? "phone" : "email");
      } else { f_null(h); f_null(h); f_null(h); }
      if (reached >= 7) {
        f_str(h, remedy == 2 || remedy == 3 ? "财务部" : PICK(&w, H_DEPARTMENTS));
        f_date(h, (int)(T[6] / 86400));
        if (remedy == 2 || remedy == 3) f_date(h, (int)(T[6] / 86400)); else f_null(h);
        f_null(h);
      } else for (int i = 0; i < 4; i++) f_null(h);
      f_end(h);
    }

    f_u(s, cid); f_raw(s, tn, strlen(tn));
    if (ci < 0) f_null(s); else f_u(s, (uint64_t)ci + 1);
    if (region < 0) f_null(s); else f_u(s, (uint64_t)region + 1);
    if (province < 0) f_null(s); else f_u(s, (uint64_t)province + 1);
    /* Staff take complaints by phone, the hotline, letter, visit or email
     * (schema/036); the channel from the id, so the random stream (and
     * with it the rest of the data) stays as it was. */
    static const char *const channels[] = { "phone", "hotline", "phone", "letter", "visit", "email" };
    f_lit(s, web ? "web" : channels[cid % (sizeof channels / sizeof channels[0])]);
    if (web) f_null(s); else f_u(s, (uint64_t)staff);
    if (has_prod) f_u(s, (uint64_t)prod + 1); else f_null(s);
    f_lit(s, KINDS[kind].s); f_lit(s, reason);
    f_str(s, who.name); f_str(s, who.phone);
    if (email[0]) f_str(s, email); else f_null(s);
    if (ci >= 0 && rchance(&w, 0.6)) f_str(s, d.name); else f_null(s);
    if (typed) f_str(s, typed); else f_null(s);
    if (pdate >= 0) f_date(s, pdate); else f_null(s);
    if (oref[0]) f_str(s, oref); else f_null(s);
    if (pkg < 0) f_null(s); else f_u(s, (uint64_t)pkg);
    if (inwin < 0) f_null(s); else f_u(s, (uint64_t)inwin);
    f_str(s, desc);
    f_u(s, (uint64_t)(reached > 7 ? 7 : reached)); f_lit(s, reached > 7 ? "closed" : "open");
    if (assigned) f_u(s, (uint64_t)staff); else f_null(s);
    f_ts(s, T[0]); f_ts(s, T[0] + 24 * 3600);
    if (reached >= 2) f_ts(s, T[1]); else f_null(s);
    if (reached >= 7) f_ts(s, T[6]); else f_null(s);
    if (reached == 8) f_ts(s, T[7]); else f_null(s);
    if (score) {
      f_u(s, (uint64_t)score);
      /* the unhappy say why more often */
      if (rchance(&w, score <= 2 ? 0.8 : 0.45)) f_str(s, R_COMMENT[score - 1][rbelow(&w, 4)]);
      else f_null(s);
      f_ts(s, rated);
    } else { f_null(s); f_null(s); f_null(s); }
    f_u(s, (uint64_t)reopened); f_u(s, (uint64_t)version); f_ts(s, last);
    f_end(s);
  }
  if (prev_day >= 0) {
    f_date(&sinks[T_COMPLAINT_SEQ], prev_day); f_u(&sinks[T_COMPLAINT_SEQ], (uint64_t)seq);
    f_end(&sinks[T_COMPLAINT_SEQ]);
  }
  free(at);
}

/* ------------------------------------------------------------------------ */
/* the rest of the customer file: needs and strategy dynamics, the contact
 * log, quotes, after-sales service, rebates and promotions, financial
 * indicators. Written in pass 2, one customer at a time, each table from its
 * own random stream. */

typedef struct {
  const char *prod, *rival, *person, *city, *dist, *season;
  int year;
} txctx;

/* Expands a template of gen_data.h into b up to its end or its '|';
 * returns what follows the '|', or NULL. */
static const char *tx(sb *b, rng *r, const char *t, const txctx *x)
{
  const char *p = t;
  while (*p) {
    const char *q = p;
    while (*q && *q != '{' && *q != '%' && *q != '|') q++;
    if (q > p) sb_put(b, p, (size_t)(q - p));
    p = q;
    if (!*p) break;
    if (*p == '|') return p + 1;
    if (*p == '{') {
      char *e;
      long lo = strtol(p + 1, &e, 10), hi = lo;
      if (*e == '-') hi = strtol(e + 1, &e, 10);
      if (*e != '}' || hi < lo) die("internal: bad range in \"%s\"", t);
      sb_d(b, rrange(r, (int)lo, (int)hi));
      p = e + 1;
      continue;
    }
    const char *v = NULL;
    char yb[8];
    if (!p[1] || !strchr("PCNKDSYL", p[1])) { sb_put(b, "%", 1); p++; continue; }   /* a per cent sign */
    switch (p[1]) {
    case 'P': v = x->prod; break;
    case 'C': v = x->rival; break;
    case 'N': v = x->person; break;
    case 'K': v = x->city; break;
    case 'D': v = x->dist; break;
    case 'S': v = x->season; break;
    case 'Y': case 'L': {
      sb y;
      sb_init(&y, yb, sizeof yb);
      sb_d(&y, x->year - (p[1] == 'L'));
      v = yb;
      break;
    }
    default: die("internal: bad placeholder in \"%s\"", t);
    }
    sb_s(b, v ? v : "");
    p += 2;
  }
  return NULL;
}

/* A day in [lo, hi], mostly a working day. */
static int work_day(rng *r, int lo, int hi)
{
  int d = lo;
  for (int t = 0; t < 6; t++) {
    d = lo + (int)rbelow(r, (uint32_t)(hi - lo + 1));
    int wd = weekday(d);
    if ((wd != 0 && wd != 6) || rchance(r, 0.15)) break;
  }
  return d;
}

/* A day, mostly a working one, in the months of a season (month bits) and
 * in [lo, hi], in the latest year that has one; -1 when none has. */
static int season_day(rng *r, int months, int lo, int hi)
{
  for (int y = year_of(hi); y >= year_of(lo); y--) {
    int from[12], to[12], n = 0, days = 0;
    for (int m = 1; m <= 12; m++) {
      if (!(months >> (m - 1) & 1)) continue;
      int a = day_of(y, m, 1), b = a + month_len(y, m) - 1;
      if (a < lo) a = lo;
      if (b > hi) b = hi;
      if (a > b) continue;
      from[n] = a; to[n] = b; days += b - a + 1; n++;
    }
    if (!n) continue;
    int k = (int)rbelow(r, (uint32_t)days), j = 0;
    while (k > to[j] - from[j]) { k -= to[j] - from[j] + 1; j++; }
    return work_day(r, from[j], to[j]);
  }
  return -1;
}

static int office_secs(rng *r) { return rrange(r, 8 * 3600 + 1800, 18 * 3600); }

/* An active product the customer's kind buys that fits class cls. */
static int pick_prod(rng *r, int kind, char cls)
{
  int p = 0;
  for (int t = 0; t < 60; t++) {
    p = wt_pick(&prod_t[kind], r);
    if (PRODUCTS[p].active && prod_fits(p, cls)) return p;
  }
  for (p = 0; p < N_PRODUCTS; p++)   /* rare: the weights missed; any fitting one */
    if (PRODUCTS[p].active && prod_fits(p, cls)) return p;
  return 1;
}

static int64_t round_price(int64_t cents, int list)
{
  return list >= 100 ? (cents + 50) / 100 * 100 : (cents + 5) / 10 * 10;
}

/* Sorted days in [lo, hi] for n entries. */
static void entry_days(rng *r, int *days, int n, int lo, int hi)
{
  for (int k = 0; k < n; k++) days[k] = work_day(r, lo, hi);
  qsort(days, (size_t)n, sizeof days[0], cmp_int);
}

/* One key person's name for the texts (a made-up one when it has none). */
static const char *someone(rng *r, const person *people, int np, person *tmp)
{
  if (np > 0) return people[rbelow(r, (uint32_t)np)].name;
  person_name(r, tmp, rchance(r, 0.5));
  return tmp->name;
}

/* Templates are picked uniformly among those that fit: count, then take the
 * k-th (a rejection loop would, once in a million customers, give up). */
#define PICK_FIT(r, arr, n, fits, out) do {                                   \
    int nfit_ = 0;                                                             \
    for (int j_ = 0; j_ < (n); j_++) { const __typeof__((arr)[0]) *t = &(arr)[j_]; nfit_ += (fits); } \
    (out) = NULL;                                                              \
    if (nfit_) {                                                               \
      int k_ = (int)rbelow((r), (uint32_t)nfit_);                              \
      for (int j_ = 0; j_ < (n) && !(out); j_++) {                             \
        const __typeof__((arr)[0]) *t = &(arr)[j_];                            \
        if ((fits) && k_-- == 0) (out) = t;                                    \
      }                                                                        \
    }                                                                          \
  } while (0)

/* cats: the categories allowed, as a bit mask. */
static const dyn_tmpl *pick_dyn(rng *r, const dyn_tmpl *a, int n, char who, unsigned cats)
{
  const dyn_tmpl *d;
  PICK_FIT(r, a, n, (t->who == 'A' || t->who == who) && (cats >> t->cat & 1), d);
  if (!d) die("internal: no dynamics template for audience %c", who);
  return d;
}

#define MAX_ENTRIES 16

static void gen_dynamics(long i, const cust *c, const person *people, int np, char abc)
{
  rng r = rfor(g.seed, S_DYNAMICS, (uint64_t)i);
  static uint64_t id;
  int n;
  if (c->kind == K_DEALER) n = c->life == L_TARGET ? rchance(&r, 0.3) : rrange(&r, 2, abc == 'A' ? 8 : 5);
  else if (abc == 'A' || abc == 'B') n = rrange(&r, 1, abc == 'A' ? 4 : 2);
  else n = rchance(&r, 0.05);
  if (!n) return;
  int lo = c->created > g.today - 365 ? c->created : g.today - 365, days[MAX_ENTRIES];
  entry_days(&r, days, n, lo, g.last);
  char who = c->kind == K_DEALER ? 'D' : 'O';
  sink *s = &sinks[T_DYNAMICS];
  /* a customer that does not buy from us yet has no plans with our products
   * and no stock of them: only its channels, people, money and competitors */
  int buyer = c->life >= L_ONETIME;
  unsigned needs = buyer ? ~0u : 1u << 1 | 1u << 2 | 1u << 5 | 1u << 6;
  for (int k = 0; k < n; k++) {
    int strat = buyer && rchance(&r, 0.3);
    const dyn_tmpl *t = strat ? pick_dyn(&r, STRATEGY_T, NELEM(STRATEGY_T), who, ~0u)
                              : pick_dyn(&r, NEEDS_T, NELEM(NEEDS_T), who, needs);
    person tmp;
    txctx x = { .city = CITIES[c->city].name, .dist = CITIES[c->city].district[c->district] };
    x.prod = PRODUCTS[pick_prod(&r, c->kind, who == 'D' ? 'W' : 'X')].name;
    x.rival = PICK(&r, RIVALS);
    x.person = someone(&r, people, np, &tmp);
    /* a plan written in November or December is for the next year */
    x.year = year_of(days[k]) + (strat && t->cat == 0 && month_of(days[k]) >= 11);
    char text[512];
    sb b;
    sb_init(&b, text, sizeof text);
    tx(&b, &r, t->t, &x);
    f_u(s, ++id); f_u(s, (uint64_t)i + 1); f_lit(s, strat ? "strategy" : "needs");
    f_lit(s, strat ? STRATEGY_CAT[t->cat] : NEEDS_CAT[t->cat]);
    f_date(s, days[k]); f_str(s, text); f_u(s, (uint64_t)c->owner);
    f_dt(s, days[k], office_secs(&r));
    f_end(s);
  }
}

static const double CHANNEL_W[3][N_CHANNELS] = {
  {40, 12, 35, 3, 10}, {25, 5, 40, 20, 10}, {35, 10, 35, 10, 10},
};

static void gen_contact_log(long i, const cust *c, const person *people, int np, char abc)
{
  rng r = rfor(g.seed, S_CONTACT_LOG, (uint64_t)i);
  static uint64_t id;
  static wtab ch_t[3];
  static int ready;
  if (!ready) {
    for (int k = 0; k < 3; k++) wt_build(&ch_t[k], CHANNEL_W[k], N_CHANNELS);
    ready = 1;
  }
  int n;
  if (c->life >= L_ONETIME) n = abc == 'A' ? rrange(&r, 4, 10) : abc == 'B' ? rrange(&r, 2, 6) : rrange(&r, 1, 4);
  else if (c->life == L_POTENTIAL) n = rrange(&r, 1, 3);
  else n = rchance(&r, 0.4);
  if (n && c->kind == K_DEALER) n += rrange(&r, 0, 2);
  if (!n) return;
  int lo = c->created > g.today - 365 ? c->created : g.today - 365, days[MAX_ENTRIES];
  entry_days(&r, days, n, lo, g.last);
  char who = c->kind == K_DEALER ? 'D' : 'O';
  int buyer = c->life >= L_ONETIME;
  sink *s = &sinks[T_CONTACT_LOG];
  for (int k = 0; k < n; k++) {
    int ch = wt_pick(&ch_t[c->kind], &r);
    const heard_tmpl *ht;
    PICK_FIT(&r, HEARD_T, N_HEARD, t->ch == ch && (t->who == 'A' || t->who == who) &&
                                   (buyer || t->t[0] != '*'), ht);
    if (!ht) {   /* nothing of that kind happens with a prospect: a visit */
      ch = CH_VISIT;
      PICK_FIT(&r, HEARD_T, N_HEARD, t->ch == ch && (t->who == 'A' || t->who == who) &&
                                     (buyer || t->t[0] != '*'), ht);
    }
    const heard_tmpl *t = ht;
    if (!t) die("internal: no contact-log text for channel %s", CHANNEL_S[ch]);
    /* who was there: one or two key people (one on the phone) */
    person tmp, tmp2;
    char ppl[96];
    sb pb;
    sb_init(&pb, ppl, sizeof ppl);
    const char *p1 = someone(&r, people, np, &tmp);
    sb_s(&pb, p1);
    if (ch != CH_CALL && ch != CH_HOTLINE && rchance(&r, 0.35)) {
      const char *p2 = someone(&r, people, np, &tmp2);
      if (strcmp(p1, p2)) { sb_s(&pb, "、"); sb_s(&pb, p2); }
    }
    txctx x = { .city = CITIES[c->city].name, .dist = CITIES[c->city].district[c->district],
                .person = p1, .year = year_of(days[k]) + (month_of(days[k]) >= 11) };
    x.prod = PRODUCTS[pick_prod(&r, c->kind, who == 'D' ? 'W' : 'X')].name;
    x.rival = PICK(&r, RIVALS);
    char heard[512], act[160] = "";
    sb b;
    sb_init(&b, heard, sizeof heard);
    const char *next = tx(&b, &r, t->t + (t->t[0] == '*'), &x);
    int due = -1, done = 0;
    if (next && rchance(&r, 0.85)) {
      sb_init(&b, act, sizeof act);
      tx(&b, &r, next, &x);
      due = days[k] + rrange(&r, 2, 21);
      if (c->archived) done = 1;
      else if (due < g.today - 60) done = 1;   /* nobody leaves one for months */
      else if (due < g.today - 21) done = !rchance(&r, 0.05);   /* a few forgotten for weeks */
      else if (due < g.today) done = rchance(&r, 0.6);
      else done = rchance(&r, 0.08);
    }
    f_u(s, ++id); f_u(s, (uint64_t)i + 1); f_lit(s, CHANNEL_S[ch]); f_date(s, days[k]);
    f_u(s, (uint64_t)c->owner); f_str(s, ppl); f_str(s, heard); f_str(s, act);
    if (due < 0) f_null(s); else f_date(s, due);
    f_u(s, (uint64_t)done); f_u(s, (uint64_t)c->owner);
    f_dt(s, days[k], office_secs(&r));
    f_end(s);
  }
}

static void gen_quotes(long i, const cust *c, char abc)
{
  rng r = rfor(g.seed, S_QUOTES, (uint64_t)i);
  static uint64_t id;
  int buyer = c->life >= L_ONETIME, n;
  if (buyer) n = rchance(&r, 0.5) ? rrange(&r, 1, abc == 'A' ? 5 : 3) : 0;
  else if (c->life == L_POTENTIAL) n = rchance(&r, 0.6) ? rrange(&r, 1, 3) : 0;
  else n = rchance(&r, 0.1);
  if (!n) return;
  int lo = c->created > g.today - 365 ? c->created : g.today - 365, days[MAX_ENTRIES];
  entry_days(&r, days, n, lo, g.last);
  sink *s = &sinks[T_QUOTES];
  for (int k = 0; k < n; k++) {
    int p = pick_prod(&r, c->kind, 'A');
    int qty = qty_for(&r, c, PRODUCTS[p].bulk);
    int lo_pm = c->kind == K_DEALER ? c->disc + 10 : (c->disc > 880 ? c->disc : 880);
    int hi_pm = c->kind == K_DEALER ? c->disc + 80 : 1000;
    if (lo_pm > 1000) lo_pm = 1000;
    if (hi_pm > 1000) hi_pm = 1000;
    int64_t price = round_price((int64_t)PRODUCTS[p].price * 100 * rrange(&r, lo_pm, hi_pm) / 1000, PRODUCTS[p].price);
    static const int VALID[] = {15, 30, 30, 60};
    int until = days[k] + VALID[rbelow(&r, 4)];
    const char *status, *note = "";
    if (until < g.today) {
      status = buyer && rchance(&r, 0.5) ? "won" : "lost";
    } else {
      double u = runi(&r);
      status = u < 0.75 || !buyer ? "open" : u < 0.95 ? "won" : "lost";
    }
    if (!strcmp(status, "lost")) note = rchance(&r, 0.7) ? PICK(&r, QUOTE_LOST) : "";
    else if (rchance(&r, 0.5)) note = PICK(&r, QUOTE_NOTES);
    f_u(s, ++id); f_u(s, (uint64_t)i + 1); f_date(s, days[k]); f_u(s, (uint64_t)p + 1);
    f_u(s, (uint64_t)qty); f_money(s, price); f_date(s, until); f_lit(s, status); f_str(s, note);
    f_u(s, (uint64_t)c->owner); f_dt(s, days[k], office_secs(&r));
    f_end(s);
  }
}

static const double SERVICE_W[3][N_SV] = {
  {10, 25, 10, 45, 10}, {30, 30, 30, 3, 7}, {30, 25, 35, 5, 5},
};

static void gen_service(long i, const cust *c)
{
  rng r = rfor(g.seed, S_SERVICE, (uint64_t)i);
  static uint64_t id;
  static wtab sv_t[3];
  static int ready;
  if (!ready) {
    for (int k = 0; k < 3; k++) wt_build(&sv_t[k], SERVICE_W[k], N_SV);
    ready = 1;
  }
  if (c->life < L_ONETIME) return;
  int n = rchance(&r, c->kind == K_DEALER ? 0.4 : 0.6) ? rrange(&r, 1, c->kind == K_DEALER ? 2 : 3) : 0;
  if (!n) return;
  int lo = c->created > g.today - 365 ? c->created : g.today - 365, days[MAX_ENTRIES];
  entry_days(&r, days, n, lo, g.last);
  char who = c->kind == K_DEALER ? 'D' : 'O';
  sink *s = &sinks[T_SERVICE];
  for (int k = 0; k < n; k++) {
    int kind = wt_pick(&sv_t[c->kind], &r);
    const service_tmpl *st;
    PICK_FIT(&r, SERVICE_T, N_SERVICE_T, t->kind == kind && (t->who == 'A' || t->who == who), st);
    const service_tmpl *t = st;
    if (!t) die("internal: no service text for %s", SERVICE_S[kind]);
    char cls = t->t[0];
    int p = cls == '-' ? -1 : pick_prod(&r, c->kind, cls);
    txctx x = { .city = CITIES[c->city].name, .prod = p < 0 ? "" : PRODUCTS[p].name,
                .year = year_of(days[k]) };
    char desc[256], result[256] = "";
    sb b;
    sb_init(&b, desc, sizeof desc);
    const char *res = tx(&b, &r, t->t + 1, &x);
    if (res) { sb_init(&b, result, sizeof result); tx(&b, &r, res, &x); }
    f_u(s, ++id); f_u(s, (uint64_t)i + 1); f_date(s, days[k]);
    if (p < 0) f_null(s); else f_u(s, (uint64_t)p + 1);
    f_lit(s, SERVICE_S[kind]); f_str(s, desc); f_str(s, result); f_u(s, (uint64_t)c->owner);
    f_dt(s, days[k], office_secs(&r));
    f_end(s);
  }
}

static void incentive(sink *s, uint64_t *id, long i, const cust *c, const char *kind, int day,
                      int64_t cents, const char *desc, int secs)
{
  f_u(s, ++*id); f_u(s, (uint64_t)i + 1); f_lit(s, kind); f_date(s, day); f_money(s, cents);
  f_str(s, desc); f_u(s, (uint64_t)c->owner); f_dt(s, day, secs);
  f_end(s);
}

/* Quarterly rebates and promotions (返利与促销) of the dealers that keep buying. */
static void gen_incentives(long i, const cust *c, int64_t total, uint8_t quarters, char abc)
{
  rng r = rfor(g.seed, S_INCENTIVES, (uint64_t)i);
  static uint64_t id;
  if (c->life < L_ONETIME) return;
  sink *s = &sinks[T_INCENTIVES];
  char desc[256];
  sb b;
  int y = year_of(g.today), q = (month_of(g.today) - 1) / 3;   /* this quarter, 0-based */
  /* only a dealer that keeps buying earns rebates and joins promotions, and
   * only while it buys (a lapsing one stopped at stop_day) */
  if (c->kind != K_DEALER || c->life != L_LOYAL || total <= 0) return;
  {
    /* the last four closed quarters, oldest first, granted the month after */
    for (int k = 4; k >= 1; k--) {
      int qq = q - k, qy = y;
      while (qq < 0) { qq += 4; qy--; }
      int start = day_of(qy, qq * 3 + 1, 1);
      int gm = qq * 3 + 4, gy = qy;
      if (gm > 12) { gm -= 12; gy++; }
      int day = day_of(gy, gm, rrange(&r, 10, 25));
      int take = rchance(&r, abc == 'A' ? 0.9 : abc == 'B' ? 0.7 : 0.45);
      int qi = quarter_of(start);   /* bought in that quarter */
      if (!take || day > g.last || qi < 0 || !(quarters >> qi & 1)) continue;
      int64_t cents = total * 3 / 13 * rrange(&r, 15, 40) / 1000 / 100 * 100;
      if (cents < 50000) cents = 50000;
      sb_init(&b, desc, sizeof desc);
      sbf(&b, "%d年第%d季度销售返利（目标完成率%d%%）", qy, qq + 1, rrange(&r, 85, 125));
      incentive(s, &id, i, c, "rebate", day, cents, desc, office_secs(&r));
    }
  }
  int np = rchance(&r, 0.6) ? rrange(&r, 1, 3) : 0;
  int lo = c->created > g.today - 365 ? c->created : g.today - 365;
  int hi = c->stop_day + 15 < g.last ? c->stop_day + 15 : g.last;
  if (hi < lo) np = 0;
  for (int k = 0; k < np; k++) {
    /* a seasonal promotion is granted in its season; when that season has
     * not come round since the customer was on file, one of any time */
    const promo_def *p = &PROMOTIONS[rbelow(&r, NELEM(PROMOTIONS))];
    int day = p->season < 0 ? work_day(&r, lo, hi) : season_day(&r, SEASONS[p->season].months, lo, hi);
    if (day < 0) {
      PICK_FIT(&r, PROMOTIONS, NELEM(PROMOTIONS), t->season < 0, p);
      day = work_day(&r, lo, hi);
    }
    txctx x = { .prod = PRODUCTS[pick_prod(&r, c->kind, 'W')].name, .year = year_of(day) };
    sb_init(&b, desc, sizeof desc);
    tx(&b, &r, p->t, &x);
    /* 0.5-2.5% of a year's purchases, at least 500 yuan */
    int64_t cents = total * 12 / 13 * rrange(&r, 5, 25) / 1000 / 10000 * 10000;
    if (cents < 50000) cents = 50000;
    incentive(s, &id, i, c, "promotion", day, cents, desc, office_secs(&r));
  }
}

/* Yearly indicators of dealers and organisations for the last two or three
 * closed years (a year's figures arrive in April of the next). */
static void gen_financials(long i, const cust *c)
{
  rng r = rfor(g.seed, S_FINANCIALS, (uint64_t)i);
  if (c->kind == K_END || (c->life == L_TARGET && !rchance(&r, 0.3))) return;
  int y = year_of(g.today);
  int y1 = g.today >= day_of(y, 4, 1) ? y - 1 : y - 2;
  int n = rchance(&r, 0.6) ? 3 : 2;
  int dealer = c->kind == K_DEALER, bad = c->unhappy;
  /* the latest year, in hundredths (ratio, per cent) and days */
  long cr = dealer ? rrange(&r, bad ? 80 : 105, bad ? 125 : 220) : rrange(&r, 100, 250);
  long nm = dealer ? rrange(&r, bad ? -150 : 150, bad ? 200 : 700) : rrange(&r, -100, 500);
  long roa = dealer ? rrange(&r, bad ? -100 : 200, bad ? 300 : 1200) : rrange(&r, 50, 400);
  int coll = dealer ? rrange(&r, bad ? 60 : 20, bad ? 120 : 75) : rrange(&r, 30, 120);
  int inv = dealer ? rrange(&r, 25, 90) : rrange(&r, 5, 30);
  sink *s = &sinks[T_FINANCIALS];
  for (int k = 0; k < n; k++) {
    int yy = y1 - k;
    if (yy < year_of(c->created) - 1) break;   /* nothing from before it was on file */
    int day = day_of(yy + 1, 4, rrange(&r, 1, 30));
    if (day > g.last) day = g.last;
    f_u(s, (uint64_t)i + 1); f_u(s, (uint64_t)yy); f_cent(s, cr); f_cent(s, nm); f_cent(s, roa);
    f_u(s, (uint64_t)coll); f_u(s, (uint64_t)inv); f_u(s, (uint64_t)c->owner);
    f_dt(s, day, office_secs(&r));
    f_end(s);
    /* the year before: a little different (troubled customers were better off) */
    cr += rrange(&r, -15, 15) + (bad ? 10 : 0);
    nm += rrange(&r, -60, 60) + (bad ? 50 : 0);
    roa += rrange(&r, -80, 80) + (bad ? 60 : 0);
    coll += rrange(&r, -8, 8) - (bad ? 10 : 0);
    inv += rrange(&r, -8, 8);
    if (cr < 80) cr = 80;
    if (cr > 250) cr = 250;
    if (coll < 10) coll = 10;
    if (inv < 3) inv = 3;
  }
}

/* ------------------------------------------------------------------------ */
/* dealer-support plans (schema/012). A year's plans are drawn up in the
 * planning round, 15 November to 20 December of the year before: the
 * dealer's staff owner drafts, submits within days, a leader decides within
 * a week (some are returned once first). The plan's state is what that
 * timetable has reached by today, so last year's plans are closed (in
 * January some still run), this year's are under way, and from mid-November
 * next year's are in the round; a dealer left out of the round may get a
 * late plan for this year. Only plans of the round or late ones wait in the
 * workflow, and never longer than the timetable says. Plans go to a share
 * of the active dealers by class, with one or two revisions and 2-6
 * measures from the catalogue (a few custom), each with its own text
 * (gen_measures.h), a budget that fits the measure and the dealer's size,
 * planned months (a seasonal measure's are its season's) and execution
 * records for the planned months that have begun, whose result agrees with
 * their rating. */

typedef struct {
  uint64_t line_key;
  int cat, measure, custom, owner, months;
  int64_t budget;            /* cents */
  const measure_text *mt;
  txctx x;                   /* the line's product, season and place, for its records */
  char desc[256], effect[160];
} pitem;

#define N_CATALOGUE 33
_Static_assert(N_MEASURE_TEXT == N_CATALOGUE + N_CUSTOM_MEASURES,
               "gen_measures.h: one text per catalogue and custom measure");
#define MAX_PITEMS 7
static const double PLAN_SHARE[3] = {0.60, 0.35, 0.15};   /* A, B, C */
static const double EXEC_RATING_W[5] = {3, 7, 20, 40, 30};   /* 1..5 */

static int clamp_day(int d) { return d > g.last ? g.last : d; }

static int plan_months(rng *r, int from_month)
{
  int n = rrange(r, 1, 3), bits = 0;
  for (int k = 0; k < n; k++) bits |= 1 << (rrange(r, from_month, 12) - 1);
  return bits;
}

/* A line's budget near `cents`, within what its measure costs, in whole
 * 100 yuan. */
static void line_budget(rng *r, pitem *it, int64_t cents)
{
  int64_t lo = (int64_t)it->mt->lo * 100, hi = (int64_t)it->mt->hi * 100;
  if (cents < lo) cents = lo * rrange(r, 100, 130) / 100;
  if (cents > hi) cents = hi * rrange(r, 80, 100) / 100;
  it->budget = (cents + 5000) / 10000 * 10000;
}

/* A season with months from from_month on, or -1. */
static int pick_season(rng *r, int from_month)
{
  int ok[N_SEASONS], n = 0;
  for (int k = 0; k < N_SEASONS; k++)
    if (SEASONS[k].months >> (from_month - 1)) ok[n++] = k;
  return n ? ok[rbelow(r, (uint32_t)n)] : -1;
}

/* One measure of a plan of `year` for dealer c: not one the plan has yet,
 * mostly one whose cost fits per_item, its months from from_month on. */
static void plan_item(rng *r, pitem *it, const pitem *have, int nhave, const cust *c,
                      int64_t per_item, int year, int from_month)
{
  memset(it, 0, sizeof *it);
  it->line_key = ++g.line_key;
  f_u(&sinks[T_LINE_SEQ], it->line_key);
  f_end(&sinks[T_LINE_SEQ]);
  int season = -1;
  for (int t = 0; t < 12; t++) {
    if (rchance(r, 0.1)) {
      it->custom = 1 + (int)rbelow(r, (uint32_t)N_CUSTOM_MEASURES);
      it->measure = 0;
      it->mt = &MEASURE_TEXT[N_CATALOGUE + it->custom - 1];
    } else {
      it->measure = rrange(r, 1, N_CATALOGUE);
      it->custom = 0;
      it->mt = &MEASURE_TEXT[it->measure - 1];
    }
    int dup = 0;
    for (int k = 0; k < nhave; k++) dup |= have[k].measure == it->measure && have[k].custom == it->custom;
    season = it->mt->seasonal ? pick_season(r, from_month) : -1;
    if (dup || (it->mt->seasonal && season < 0)) continue;
    if (t < 8 && (int64_t)it->mt->lo * 100 > per_item * 2) continue;
    break;
  }
  if (it->mt->seasonal && season < 0) {   /* rare: every draw was taken; a sales activity */
    it->measure = N_CATALOGUE;
    it->custom = 0;
    it->mt = &MEASURE_TEXT[N_CATALOGUE - 1];
  }
  it->cat = it->measure ? MEASURE_CATEGORY[it->measure - 1] : CUSTOM_MEASURES[it->custom - 1].category;
  it->x = (txctx){ .prod = PRODUCTS[pick_prod(r, K_DEALER, 'W')].name, .rival = PICK(r, RIVALS),
                   .city = CITIES[c->city].name, .dist = CITIES[c->city].district[c->district],
                   .season = season >= 0 ? SEASONS[season].name : "", .year = year };
  sb b;
  sb_init(&b, it->desc, sizeof it->desc);
  tx(&b, r, it->mt->desc[rbelow(r, 2)], &it->x);
  sb_init(&b, it->effect, sizeof it->effect);
  tx(&b, r, it->mt->effect[rbelow(r, 2)], &it->x);
  it->owner = rchance(r, 0.7) ? c->owner : rrange(r, STAFF_FIRST, STAFF_LAST);
  it->months = season >= 0 ? SEASONS[season].months : plan_months(r, from_month);
  line_budget(r, it, per_item * rrange(r, 60, 140) / 100);
}

static void write_items(uint64_t rev, const pitem *it, int n)
{
  sink *s = &sinks[T_ITEMS];
  for (int k = 0; k < n; k++) {
    f_u(s, ++g.item_id); f_u(s, rev); f_u(s, it[k].line_key); f_u(s, (uint64_t)it[k].cat);
    if (it[k].measure) { f_u(s, (uint64_t)it[k].measure); f_null(s); }
    else { f_null(s); f_str(s, CUSTOM_MEASURES[it[k].custom - 1].name); }
    f_str(s, it[k].desc); f_money(s, it[k].budget); f_u(s, (uint64_t)it[k].months);
    f_u(s, (uint64_t)it[k].owner); f_str(s, it[k].effect); f_u(s, (uint64_t)k + 1);
    f_end(s);
  }
}

/* status: draft, submitted, approved, returned, superseded. */
static void write_revision(uint64_t id, uint64_t plan, int rev, const char *status, int64_t target,
                           int growth, int focus, const char *note, int by, int created,
                           int submitted, int decider, int decided, const char *comment)
{
  sink *s = &sinks[T_REVISIONS];
  f_u(s, id); f_u(s, plan); f_u(s, (uint64_t)rev); f_lit(s, status); f_money(s, target);
  f_cent(s, growth * 100); f_str(s, PLAN_FOCUS[focus]);
  if (note) f_str(s, note); else f_null(s);
  f_u(s, (uint64_t)by); f_dt(s, created, 9 * 3600 + 1800);
  if (submitted < 0) { f_null(s); f_null(s); }
  else { f_u(s, (uint64_t)by); f_dt(s, submitted, 16 * 3600); }
  if (decided < 0) { f_null(s); f_null(s); }
  else { f_u(s, (uint64_t)decider); f_dt(s, decided, 10 * 3600 + 900); }
  if (comment) f_str(s, comment); else f_null(s);
  f_end(s);
}

/* Execution records of the approved measures for the planned months that
 * have begun by the day before `until`; returns how many. What was done
 * comes from the measure's texts, the result from those of its rating. */
static int plan_executions(rng *r, uint64_t plan, int year, const pitem *it, int n, int until)
{
  static wtab rating_t;
  if (!rating_t.n) wt_build(&rating_t, EXEC_RATING_W, 5);
  sink *s = &sinks[T_EXECUTIONS];
  int written = 0;
  for (int k = 0; k < n; k++) {
    int nm = 0;
    for (int m = 1; m <= 12; m++) nm += (it[k].months >> (m - 1)) & 1;
    for (int m = 1; m <= 12; m++) {
      if (!((it[k].months >> (m - 1)) & 1)) continue;
      int first = day_of(year, m, 1);
      if (first >= until || !rchance(r, 0.85)) continue;
      int done = first + (int)rbelow(r, (uint32_t)month_len(year, m));
      if (done >= until) done = until - 1;
      int pct = rchance(r, 0.12) ? rrange(r, 125, 160) : rrange(r, 70, 110);
      int64_t cost = it[k].budget / nm * pct / 100 / 100 * 100;
      int rating = wt_pick(&rating_t, r) + 1;
      const measure_text *mt = it[k].mt;
      const char *res = rating >= 4 ? mt->good[rbelow(r, 2)] : rating == 3 ? mt->mid : mt->poor;
      char what[256], result[256];
      sb b;
      sb_init(&b, what, sizeof what);
      tx(&b, r, mt->what[rbelow(r, 2)], &it[k].x);
      sb_init(&b, result, sizeof result);
      tx(&b, r, res, &it[k].x);
      f_u(s, ++g.exec_id); f_u(s, plan); f_u(s, it[k].line_key); f_date(s, done);
      f_str(s, what); f_money(s, cost); f_str(s, result); f_u(s, (uint64_t)rating);
      f_u(s, (uint64_t)it[k].owner); f_dt(s, clamp_day(done + rrange(r, 0, 4)), office_secs(r));
      f_end(s);
      written++;
    }
  }
  return written;
}

static void gen_plans(long i, const cust *c, int64_t total, char abc)
{
  if (c->kind != K_DEALER || c->archived || !abc) return;
  rng r = rfor(g.seed, S_PLANS, (uint64_t)i);
  double share = PLAN_SHARE[abc - 'A'];
  int ty = year_of(g.today);
  int64_t yearly = total * 365 / (g.today - g.ws);      /* cents a year, roughly */
  uint64_t last_plan = 0;
  for (int year = ty - 1; year <= ty + 1; year++) {
    int created = day_of(year - 1, 11, 15) + rrange(&r, 0, 35), from_month = 1;
    if (!rchance(&r, last_plan ? share + 0.25 : share)) {
      /* left out of the round: now and then a late plan for this year,
       * begun in the last few weeks (not once next year's round is on) */
      if (year != ty || g.today >= day_of(ty, 11, 15) || !rchance(&r, 0.12)) {
        last_plan = 0;
        continue;
      }
      created = g.last - rrange(&r, 0, 25);
      if (created < day_of(ty - 1, 12, 21)) created = day_of(ty - 1, 12, 21);
      from_month = year_of(created) < year ? 1 : month_of(created);
    }
    if (created > g.last || created < c->created) {   /* not yet drafted, or not yet a dealer */
      last_plan = 0;
      continue;
    }
    uint64_t plan = ++g.plan_id;
    int growth = rrange(&r, 3, 20), focus = (int)rbelow(&r, (uint32_t)N_ARR(PLAN_FOCUS));
    int64_t target = yearly * (100 + growth) / 100 / 100000 * 100000;   /* whole 1,000 yuan */
    /* the support: 1.5-4% of the dealer's sales, at least 1,500 yuan, in
     * fewer lines when it is small */
    int64_t support = yearly * rrange(&r, 15, 40) / 1000;
    if (support < 150000) support = 150000;
    int nitems = rrange(&r, 2, 6);
    while (nitems > 2 && support / nitems < 80000) nitems--;
    int64_t per_item = support / nitems;
    pitem it[MAX_PITEMS];
    for (int k = 0; k < nitems; k++) plan_item(&r, &it[k], it, k, c, per_item, year, from_month);
    int leader = rrange(&r, 2, 3);
    /* the timetable: submitted, decided (returned: submitted again, decided) */
    int submitted = created + rrange(&r, 2, 10), decided = submitted + rrange(&r, 1, 7);
    int returned = rchance(&r, 0.15);
    int resubmitted = decided + rrange(&r, 2, 7), decided2 = resubmitted + rrange(&r, 1, 5);
    const char *why = RETURN_COMMENT[rbelow(&r, (uint32_t)N_ARR(RETURN_COMMENT))];
    uint64_t rev1 = ++g.rev_id, approved = 0, open = 0;
    int revs = 1, updated = created;
    const char *status;
    if (submitted > g.last) {
      status = "draft";
      write_revision(rev1, plan, 1, "draft", target, growth, focus, NULL, c->owner, created, -1, 0, -1, NULL);
      open = rev1;
    } else if (decided > g.last || (returned && resubmitted <= g.last && decided2 > g.last)) {
      status = "submitted";   /* waiting for the leader: days, not months */
      int sub = decided > g.last ? submitted : resubmitted;
      write_revision(rev1, plan, 1, "submitted", target, growth, focus, NULL, c->owner, created, sub, 0, -1, NULL);
      open = rev1;
      updated = sub;
    } else if (returned && resubmitted > g.last) {
      status = "returned";
      write_revision(rev1, plan, 1, "returned", target, growth, focus, NULL, c->owner, created, submitted,
                     leader, decided, why);
      open = rev1;
      updated = decided;
    } else {
      int sub = returned ? resubmitted : submitted, ap = returned ? decided2 : decided;
      /* approved once; a third of the plans were revised in spring */
      int rday = day_of(year, rrange(&r, 3, 6), rrange(&r, 1, 28));
      revs = rchance(&r, 0.3) && rday > ap + 30 && rday + 14 < g.last ? 2 : 1;
      write_revision(rev1, plan, 1, revs == 2 ? "superseded" : "approved", target, growth, focus,
                     NULL, c->owner, created, sub, leader, ap, NULL);
      approved = rev1;
      updated = ap;
      status = "approved";
      if (revs == 2) {
        write_items(rev1, it, nitems);
        uint64_t rev2 = ++g.rev_id;
        for (int k = 0; k < nitems; k++) {
          line_budget(&r, &it[k], it[k].budget * rrange(&r, 80, 125) / 100);
          if (!it[k].mt->seasonal) it[k].months |= plan_months(&r, month_of(rday));
        }
        if (nitems < MAX_PITEMS && rchance(&r, 0.5)) {
          plan_item(&r, &it[nitems], it, nitems, c, per_item, year, month_of(rday));
          nitems++;
        }
        int dec2 = rday + rrange(&r, 1, 10);
        write_revision(rev2, plan, 2, "approved", target, growth, focus, "年中根据销售进度调整预算和执行月份",
                       c->owner, rday - 3, rday, 5 - leader, dec2, NULL);
        approved = rev2;
        updated = dec2;
        rev1 = rev2;
      }
    }
    write_items(rev1, it, nitems);
    int closed = -1;
    if (approved) {
      int runs = plan_executions(&r, plan, year, it, nitems, year < ty ? day_of(year + 1, 1, 1) : g.today);
      /* started at the first record, or by hand once the year is well begun */
      if (runs || (year <= ty && g.today >= day_of(year, 3, 1))) status = "in_progress";
      int close_on = day_of(year + 1, 1, rrange(&r, 5, 25));
      if (year < ty && close_on <= g.last) { status = "closed"; closed = close_on; }
    }
    sink *s = &sinks[T_PLANS];
    f_u(s, plan); f_u(s, (uint64_t)i + 1); f_u(s, (uint64_t)year); f_lit(s, status);
    if (approved) f_u(s, approved); else f_null(s);
    if (open) f_u(s, open); else f_null(s);
    if (last_plan && rchance(&r, 0.6)) f_u(s, last_plan); else f_null(s);   /* a copy of last year's */
    f_u(s, (uint64_t)c->owner); f_dt(s, created, 9 * 3600 + 1800);
    f_dt(s, closed >= 0 ? closed : updated, 17 * 3600);
    if (closed >= 0) f_dt(s, closed, 17 * 3600); else f_null(s);
    f_u(s, (uint64_t)revs);
    f_end(s);
    last_plan = approved ? plan : 0;
  }
}

/* ------------------------------------------------------------------------ */
/* fixed tables */

static void gen_fixed(void)
{
  sink *s = &sinks[T_REGIONS];
  for (int i = 0; i < N_REGIONS; i++) {
    f_u(s, (uint64_t)i + 1); f_lit(s, REGIONS[i].code); f_str(s, REGIONS[i].zh); f_str(s, REGIONS[i].en);
    f_u(s, (uint64_t)(i + 1) * 10);
    f_end(s);
  }

  /* One argon2id hash for every demo user: the PHC string carries its salt,
   * so all accounts share one salt. Acceptable for demo data only, never for
   * real accounts (it also saves ~50-100 ms a user). */
  char hash[PASSWORD_HASH_MAX];
  if (password_init() != 0) die("libsodium failed to initialise");
  if (password_hash(g.pw, hash) != 0) die("password hashing failed (out of memory?)");
  rng r = rfor(g.seed, S_USERS, 0);
  int cd = g.today - 730;
  s = &sinks[T_USERS];
  for (int i = 0; i < N_USERS; i++) {
    const user_def *u = &USERS[i];
    char email[96], phone[24];
    sb b;
    sb_init(&b, email, sizeof email);
    sbf(&b, "%s@kehu.example", u->username);
    mobile(&r, phone, sizeof phone);
    f_u(s, (uint64_t)i + 1); f_lit(s, u->username); f_str(s, u->display); f_lit(s, u->role);
    f_str(s, hash); f_lit(s, "zh-CN"); f_str(s, email); f_str(s, phone); f_u(s, 1);
    f_dt(s, cd, 9 * 3600 + i * 60); f_dt(s, cd, 9 * 3600 + i * 60);
    f_end(s);
    for (int k = 0; k < 2; k++)
      if (u->region[k]) {
        f_u(&sinks[T_USER_REGIONS], (uint64_t)i + 1);
        f_u(&sinks[T_USER_REGIONS], (uint64_t)u->region[k]);
        f_end(&sinks[T_USER_REGIONS]);
      }
  }
  sodium_memzero(hash, sizeof hash);

  s = &sinks[T_CATEGORIES];
  for (int i = 0; i < N_CATEGORIES; i++) {
    f_u(s, (uint64_t)i + 1); f_str(s, CATEGORIES[i].zh); f_str(s, CATEGORIES[i].en);
    f_end(s);
  }
  s = &sinks[T_PRODUCTS];
  for (int i = 0; i < N_PRODUCTS; i++) {
    const product_def *p = &PRODUCTS[i];
    f_u(s, (uint64_t)i + 1); f_lit(s, p->code); f_str(s, p->name); f_u(s, (uint64_t)p->category);
    f_str(s, p->unit); f_money(s, (int64_t)p->price * 100);
    /* unit cost 40-55 % of list price: dealers buy at 58-72 % of it
     * (cust_core), so a dealer's goods earn 10-30 % before its rebates,
     * promotions and support; end customers pay 85-98 % */
    f_money(s, (int64_t)p->price * (40 + (i * 7) % 16));
    f_u(s, (uint64_t)p->active);
    f_end(s);
  }
}

/* ------------------------------------------------------------------------ */
/* set-up */

static void tables_init(void)
{
  double w[WMAX];
  wt_build(&kind_t, KIND_W, 3);
  for (int k = 0; k < 3; k++) wt_build(&life_t[k], LIFE_W[k], 4);
  for (int i = 0; i < N_REGIONS; i++) w[i] = REGIONS[i].weight;
  wt_build(&region_t, w, N_REGIONS);
  for (int rg = 0; rg < N_REGIONS; rg++) {
    int n = 0;
    for (int c = 0; c < N_CITIES; c++)
      if (CITIES[c].region == rg) { city_of[rg][n] = c; w[n++] = CITIES[c].weight; }
    if (!n) die("internal: region %s has no city", REGIONS[rg].code);
    wt_build(&city_t[rg], w, n);
  }
  /* provinces: each city's, and a weighted choice within each region */
  for (int c = 0; c < N_CITIES; c++) {
    city_province[c] = -1;
    for (int k = 0; k < NELEM(CITY_PROVINCE) && city_province[c] < 0; k++)
      if (!strcmp(CITY_PROVINCE[k].city, CITIES[c].name))
        for (int p = 0; p < N_PROVINCES; p++)
          if (!strcmp(PROVINCES[p].code, CITY_PROVINCE[k].province)) city_province[c] = p;
    if (city_province[c] < 0 || PROVINCES[city_province[c]].region != CITIES[c].region)
      die("internal: city %s has no province in its region", CITIES[c].name);
  }
  for (int rg = 0; rg < N_REGIONS; rg++) {
    for (int p = 0; p < N_PROVINCES; p++) w[p] = PROVINCES[p].region == rg ? PROVINCES[p].weight : 0;
    wt_build(&province_t[rg], w, N_PROVINCES);
  }
  wt_build(&size_tab, SIZE_P, N_SIZE);
  wt_build(&lines_t, LINES_W, NELEM(LINES_W));
  for (int i = 0; i < N_ZIHAO; i++) w[i] = 1.0 / (i + 8);
  wt_build(&zihao_t, w, N_ZIHAO);
  wt_build_ws(&surname_t, SURNAMES, N_SURNAMES);
  for (int k = 0; k < 3; k++) {
    for (int p = 0; p < N_PRODUCTS; p++) w[p] = PRODUCTS[p].w[k];
    wt_build(&prod_t[k], w, N_PRODUCTS);
  }
  for (int p = 0; p < N_PRODUCTS; p++) w[p] = PRODUCTS[p].active ? PRODUCTS[p].w[0] : 0;
  wt_build(&prod_consumer_t, w, N_PRODUCTS);
  wt_build_ws(&dealer_trade_t, DEALER_TRADES, N_DEALER_TRADES);
  wt_build_ws(&end_form_t, END_FORMS, N_END_FORMS);
  for (int i = 0; i < N_ORG_KINDS; i++) w[i] = ORG_KINDS[i].w;
  wt_build(&org_t, w, N_ORG_KINDS);
  for (int k = 0; k < 3; k++) {
    for (int i = 0; i < 7; i++) w[i] = CONTACTS_W[k][i];
    wt_build(&contacts_t[k], w, 7);
  }

  /* normalisers so that the averages come out as asked */
  double sp = 0, sm = 0;
  for (int i = 0; i < N_SIZE; i++) { sp += SIZE_P[i]; sm += SIZE_P[i] * SIZE_M[i]; }
  g.size_norm = sm / sp;
  double loyal = 0, freq = 0, once = 0, buyers = 0, kw = 0;
  for (int k = 0; k < 3; k++) kw += KIND_W[k];
  for (int k = 0; k < 3; k++) {
    double lw = 0;
    for (int l = 0; l < 4; l++) lw += LIFE_W[k][l];
    double pl = KIND_W[k] / kw * LIFE_W[k][L_LOYAL] / lw, po = KIND_W[k] / kw * LIFE_W[k][L_ONETIME] / lw;
    loyal += pl; once += po; freq += pl * KIND_FREQ[k];
  }
  buyers = loyal + once;
  g.freq_norm = freq / loyal;
  double f1 = once / buyers;                      /* share of one-time buyers */
  double L = (g.opc - f1) / (1 - f1);             /* mean orders of a loyal customer */
  g.extra_mean = L > 2 ? L - 2 : 0;
  /* The behaviour slots (behaviour_of) are all buyers: 2 seasonal, 2
   * slowing, 1 converted, and 4 loyal ones (late payers with 4 invoices
   * more). Their orders are shifted from the loyal customers' extra ones,
   * so the total stays about buyers × opc (the bench's 10,000,000 lines). */
  double rest = (B_SLOTS - 9.0) / B_SLOTS;
  double fixed = rest * (once + 2 * loyal) +
                 (2 * SEASONAL_ORDERS + 2 * SLOWING_ORDERS + CONVERTED_ORDERS + 4 * 2 + 2 * 4) / B_SLOTS;
  double want = buyers * g.opc, per = g.extra_mean * (rest * loyal + 4.0 / B_SLOTS);
  if (per > 0) g.extra_mean *= want > fixed ? (want - fixed) / per : 0;

  pinyin_init();
  for (int i = 0; i < N_ZIHAO; i++) pinyin_of(ZIHAO[i], zihao_py[i], PYLEN);
  for (int i = 0; i < N_SURNAMES; i++) pinyin_of(SURNAMES[i].s, surname_py[i], PYLEN);
  for (int i = 0; i < N_GIVEN_M; i++) pinyin_of(GIVEN_M[i], given_m_py[i], PYLEN);
  for (int i = 0; i < N_GIVEN_F; i++) pinyin_of(GIVEN_F[i], given_f_py[i], PYLEN);
}

static void mkdir_p(const char *dir)
{
  char tmp[PATH_MAX];
  size_t n = strlen(dir);
  if (n == 0 || n >= sizeof tmp) die("bad output directory");
  memcpy(tmp, dir, n + 1);
  for (char *p = tmp + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      if (mkdir(tmp, 0755) != 0 && errno != EEXIST) die("mkdir %s: %s", tmp, strerror(errno));
      *p = '/';
    }
  if (mkdir(tmp, 0755) != 0 && errno != EEXIST) die("mkdir %s: %s", tmp, strerror(errno));
}

static void sinks_open(void)
{
  for (int t = 0; t < N_TABLES; t++) {
    sink *s = &sinks[t];
    int k = snprintf(s->path, sizeof s->path, "%s/%s.tsv", g.out, s->table);
    if (k < 0 || (size_t)k >= sizeof s->path) die("output path too long");
    if (!(s->f = fopen(s->path, "wb"))) die("open %s: %s", s->path, strerror(errno));
    setvbuf(s->f, NULL, _IONBF, 0);
    if (!(s->buf = malloc(SINK_CAP))) die("out of memory");
  }
}

static void sinks_close(void)
{
  for (int t = 0; t < N_TABLES; t++) {
    sink *s = &sinks[t];
    sk_flush(s);
    if (fclose(s->f) != 0) die("close %s: %s", s->path, strerror(errno));
    free(s->buf);
    s->buf = NULL;
  }
}

/* SQL string literal for a path: quote and backslash escaped. */
static void sql_quote(FILE *f, const char *s)
{
  fputc('\'', f);
  for (; *s; s++) {
    if (*s == '\'' || *s == '\\') fputc('\\', f);
    fputc(*s, f);
  }
  fputc('\'', f);
}

static void write_load_sql(void)
{
  char path[PATH_MAX];
  int k = snprintf(path, sizeof path, "%s/load.sql", g.out);
  if (k < 0 || (size_t)k >= sizeof path) die("output path too long");
  FILE *f = fopen(path, "w");
  if (!f) die("open %s: %s", path, strerror(errno));
  fputs("-- Generated by kehu-gen; load with: mariadb --local-infile=1 kehu < load.sql\n"
        "SET NAMES utf8mb4;\nSET foreign_key_checks=0;\nSET unique_checks=0;\n"
        "-- the dashboard's triggers (schema/014) skip rows loaded in bulk; dash_rebuild()\n"
        "-- below computes its summaries once from the loaded tables\n"
        "SET @kehu_bulk=1;\n", f);
  for (int t = 0; t < N_TABLES; t++) {
    fputs("LOAD DATA LOCAL INFILE ", f);
    sql_quote(f, sinks[t].path);
    fprintf(f, " INTO TABLE %s CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' "
               "LINES TERMINATED BY '\\n' (%s);\n", sinks[t].table, sinks[t].cols);
  }
  fputs("SET unique_checks=1;\nSET foreign_key_checks=1;\nSET @kehu_bulk=NULL;\n", f);
  /* Statistics as they stand after LOAD DATA are those of empty tables:
   * dash_rebuild's chunks then start from products and read every order
   * line each time (hours at 1,000,000 customers instead of a minute). */
  fputs("ANALYZE TABLE", f);
  for (int t = 0; t < N_TABLES; t++) fprintf(f, "%s %s", t ? "," : "", sinks[t].table);
  fputs(";\nCALL dash_rebuild();\n", f);
  if (fclose(f) != 0) die("close %s: %s", path, strerror(errno));
}

static void usage(FILE *f)
{
  fputs("usage: kehu-gen --out DIR --customers N [--seed S] [--demo-password PW]\n"
        "                [--orders-per-customer X] [--complaints K] [--today YYYY-MM-DD]\n"
        "Writes demo/bench data as TSV files and DIR/load.sql "
        "(mariadb --local-infile=1 kehu < DIR/load.sql).\n"
        "Defaults: --seed 1, --demo-password kehu-demo, --orders-per-customer 6 "
        "(average over buying customers), --complaints 400, --today the date in China (UTC+8).\n", f);
}

static long parse_long(const char *opt, const char *v, long lo, long hi)
{
  char *e;
  errno = 0;
  long x = strtol(v, &e, 10);
  if (errno || *e || e == v || x < lo || x > hi) die("%s: expected a whole number in [%ld, %ld], got \"%s\"", opt, lo, hi, v);
  return x;
}

static double now_s(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp_desc_i64(const void *a, const void *b) { return cmp_i64(b, a); }

int main(int argc, char **argv)
{
  const char *out = NULL, *today_s = NULL;
  g.n_cust = -1;
  g.seed = 1;
  g.pw = "kehu-demo";
  g.opc = 6;
  g.n_compl = 400;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) { usage(stdout); return 0; }
    if (i + 1 >= argc) { usage(stderr); die("%s needs a value", a); }
    const char *v = argv[++i];
    if (!strcmp(a, "--out")) out = v;
    else if (!strcmp(a, "--customers")) g.n_cust = parse_long(a, v, 0, 99999999);
    else if (!strcmp(a, "--seed")) {
      char *e;
      errno = 0;
      g.seed = strtoull(v, &e, 10);
      if (errno || *e || e == v) die("--seed: expected a number, got \"%s\"", v);
    } else if (!strcmp(a, "--demo-password")) g.pw = v;
    else if (!strcmp(a, "--orders-per-customer")) {
      char *e;
      g.opc = strtod(v, &e);
      if (*e || e == v || !(g.opc >= 1 && g.opc <= 300)) die("--orders-per-customer: expected 1..300, got \"%s\"", v);
    } else if (!strcmp(a, "--complaints")) g.n_compl = parse_long(a, v, 0, 50000000);
    else if (!strcmp(a, "--today")) today_s = v;
    else { usage(stderr); die("unknown option %s", a); }
  }
  if (!out || g.n_cust < 0) { usage(stderr); return 2; }
  if (!*g.pw) die("--demo-password must not be empty");

  double t0 = now_s();
  dates_init();
  int y, m, d;
  if (today_s) {
    if (sscanf(today_s, "%4d-%2d-%2d", &y, &m, &d) != 3 || y < Y0 + 10 || y >= Y0 + NYEARS - 2 ||
        m < 1 || m > 12 || d < 1 || d > month_len(y, m))
      die("--today: expected YYYY-MM-DD, got \"%s\"", today_s);
  } else {
    /* the date in China (UTC+8, no daylight saving), as the database's
     * CURDATE() sees it (conf/my.cnf.in), whatever this machine's zone */
    time_t now = time(NULL) + 8 * 3600;
    struct tm tm;
    if (!gmtime_r(&now, &tm)) die("gmtime failed");
    y = tm.tm_year + 1900; m = tm.tm_mon + 1; d = tm.tm_mday;
    if (y < Y0 + 10 || y >= Y0 + NYEARS - 2) die("the clock says %d; set --today", y);
  }
  g.today = day_of(y, m, d);
  g.last = g.today - 1;
  g.ws = g.today - WINDOW_DAYS;
  if (g.ws > day_of(y - 1, 1, 1)) g.ws = day_of(y - 1, 1, 1);
  g.q0 = year_of(g.ws) * 4 + (month_of(g.ws) - 1) / 3;   /* the window spans at most 6 quarters */
  /* 4-digit daily order numbers like SO202611270001 while they fit, 6 when
   * a bench run would have more than 9999 orders on a busy day */
  g.seqw = (double)g.n_cust * g.opc > 1500000.0 ? 6 : 4;

  mkdir_p(out);
  if (!realpath(out, g.out)) die("realpath %s: %s", out, strerror(errno));
  tables_init();
  sinks_open();
  gen_fixed();

  /* pass 1: orders; keep each customer's total and last purchase day */
  long n = g.n_cust;
  int64_t *tot = n ? calloc((size_t)n, sizeof *tot) : NULL;
  int32_t *last = n ? malloc((size_t)n * sizeof *last) : NULL;
  uint8_t *quarters = n ? malloc((size_t)n) : NULL;
  if (n && (!tot || !last || !quarters)) die("out of memory for %ld customers", n);
  long buyers = 0;
  for (long i = 0; i < n; i++) {
    cust c;
    cust_core(i, &c);
    int l;
    tot[i] = gen_orders(i, &c, &l, &quarters[i]);
    last[i] = l;
    if (l >= 0) buyers++;
  }

  /* A/B/C thresholds: A = top 20% of buying customers by amount, B = next 30% */
  int64_t th_a = INT64_MAX, th_b = INT64_MAX, rev_all = 0, rev_a = 0;
  long na = 0, nb = 0, nc = 0;
  if (buyers) {
    int64_t *srt = malloc((size_t)buyers * sizeof *srt);
    if (!srt) die("out of memory");
    long k = 0;
    for (long i = 0; i < n; i++) if (last[i] >= 0) srt[k++] = tot[i];
    qsort(srt, (size_t)buyers, sizeof *srt, cmp_desc_i64);
    long ka = (buyers * 2 + 9) / 10, kb = (buyers * 5 + 9) / 10;
    th_a = srt[ka - 1];
    th_b = srt[kb - 1];
    free(srt);
  }

  /* pass 2: customers and key people */
  static person people[6];
  for (long i = 0; i < n; i++) {
    cust c;
    static detail dt;
    cust_core(i, &c);
    cust_detail(i, &c, &dt);
    char abc = 0;
    if (last[i] >= 0) {
      rev_all += tot[i];
      if (tot[i] >= th_a) { abc = 'A'; na++; rev_a += tot[i]; }
      else if (tot[i] >= th_b) { abc = 'B'; nb++; }
      else { abc = 'C'; nc++; }
    }
    write_customer(i, &c, &dt, last[i], abc);
    int np = gen_contacts(i, &c, &dt, people, 1);
    gen_dynamics(i, &c, people, np, abc);
    gen_contact_log(i, &c, people, np, abc);
    gen_quotes(i, &c, abc);
    gen_service(i, &c);
    gen_incentives(i, &c, tot[i], quarters[i], abc);
    gen_financials(i, &c);
    gen_plans(i, &c, tot[i], abc);
  }
  free(tot);
  free(last);
  free(quarters);

  gen_complaints();
  sinks_close();
  write_load_sql();

  fprintf(stderr,
          "kehu-gen: seed %llu, today %.10s: regions %llu, users %llu, user_regions %llu, "
          "product_categories %llu, products %llu, customers %llu (buying %ld; A/B/C %ld/%ld/%ld, "
          "A = %.1f%% of revenue), customer_contacts %llu, orders %llu, order_lines %llu, "
          "payments %llu (overdue %llu), complaints %llu, customer_dynamics %llu, contact_log %llu, "
          "quotes %llu, service_records %llu, customer_incentives %llu, customer_financials %llu, "
          "support_plans %llu, support_plan_items %llu, support_executions %llu; "
          "%.2f s -> %s\n",
          (unsigned long long)g.seed, date_s[g.today],
          (unsigned long long)sinks[T_REGIONS].rows, (unsigned long long)sinks[T_USERS].rows,
          (unsigned long long)sinks[T_USER_REGIONS].rows, (unsigned long long)sinks[T_CATEGORIES].rows,
          (unsigned long long)sinks[T_PRODUCTS].rows, (unsigned long long)sinks[T_CUSTOMERS].rows,
          buyers, na, nb, nc, rev_all ? 100.0 * (double)rev_a / (double)rev_all : 0.0,
          (unsigned long long)sinks[T_CONTACTS].rows, (unsigned long long)sinks[T_ORDERS].rows,
          (unsigned long long)sinks[T_LINES].rows, (unsigned long long)sinks[T_PAYMENTS].rows,
          (unsigned long long)g.overdue, (unsigned long long)sinks[T_COMPLAINTS].rows,
          (unsigned long long)sinks[T_DYNAMICS].rows, (unsigned long long)sinks[T_CONTACT_LOG].rows,
          (unsigned long long)sinks[T_QUOTES].rows, (unsigned long long)sinks[T_SERVICE].rows,
          (unsigned long long)sinks[T_INCENTIVES].rows, (unsigned long long)sinks[T_FINANCIALS].rows,
          (unsigned long long)sinks[T_PLANS].rows, (unsigned long long)sinks[T_ITEMS].rows,
          (unsigned long long)sinks[T_EXECUTIONS].rows,
          now_s() - t0, g.out);
  return 0;
}
