/* Import of customers from CSV (UTF-8 with or without BOM, GBK/GB18030,
 * UTF-16 with BOM) and XLSX: upload, preview with every row's errors, and
 * an all-or-nothing commit with progress.
 *
 * Upload: the file is read, decoded, parsed; each row's labels become
 * stored values (经销商 -> dealer, 华东 -> its region id, an owner's name ->
 * the user id) and the row goes through customer_validate, the rules of the
 * edit form. The normalised rows wait in $KEHU_VAR/imports/<job>.tsv, the
 * errors in <job>.err, until the uploader commits them (or a day passes). */
#include "customers/pages.h"
#include "customers/fields.h"
#include "core/clock.h"
#include "core/charset.h"
#include "core/csv_in.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/page.h"
#include "core/session.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "core/xlsx_in.h"
#include "db/customer_import.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_ROWS 200000          /* data rows in one file */
#define MAX_ERRORS 100000        /* errors kept for the preview */
#define PREVIEW_ROWS 50
#define ERRORS_PER_PAGE 100
#define KEEP_DAYS 1              /* files of uncommitted jobs live this long */

/* --- columns ----------------------------------------------------------------- */

/* The file's header names a column by its Chinese label (the template's
 * header), its English label, or the column name. Index = import_cols[]. */
static const char *const zh_labels[IMPORT_NCOLS] = {
  "编号", "名称", "类型", "区域", "负责人", "生命周期", "忠诚度", "非客户类型",
  "地址", "城市", "邮政编码", "电话", "传真", "电子邮箱", "成立年份", "销售人员",
  "配送能力", "仓储能力", "信用额度", "历史沿革", "组织结构", "经营目标与方向",
};
/* The template's column order. */
static const int template_order[IMPORT_NCOLS] = {
  1, 0, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 6, 7, 19, 20, 21,
};
enum { COL_CODE = 0, COL_NAME = 1, COL_KIND = 2, COL_REGION = 3, COL_OWNER = 4,
       COL_LIFECYCLE = 5, COL_LOYALTY = 6, COL_NON_CUSTOMER = 7 };

/* Transactions (交易记录): one order line a row; lines with the same order
 * number make one order. */
#define ORDER_NCOLS 8
static const char *const order_cols[ORDER_NCOLS] = {
  "customer_code", "order_no", "ordered_on", "delivered_on", "product_code", "quantity",
  "unit_price", "salesperson",
};
static const char *const order_zh[ORDER_NCOLS] = {
  "客户编号", "订单号", "订购日期", "交货日期", "产品编号", "数量", "单价", "业务员",
};
static const char order_required[ORDER_NCOLS] = { 1, 1, 1, 0, 1, 1, 0, 0 };
enum { OC_CUSTOMER, OC_ORDER_NO, OC_ORDERED, OC_DELIVERED, OC_PRODUCT, OC_QTY, OC_PRICE,
       OC_SALES };
/* The lines spool: row, then these, then the error flag. */
#define LINE_NFIELDS 11
static const char *const line_fields[LINE_NFIELDS] = {
  "customer_code", "order_no", "ordered_on", "delivered_on", "product_code", "quantity",
  "unit_price", "salesperson", "product_id", "salesperson_id", "amount",
};
#define MAX_CENTS 100000000000000LL

/* Payments (付款): one payment a row, of an existing customer, for one of
 * its orders or none. */
#define PAY_NCOLS 5
static const char *const pay_cols[PAY_NCOLS] = {
  "customer_code", "order_no", "amount", "due_on", "paid_on",
};
static const char *const pay_zh[PAY_NCOLS] = { "客户编号", "订单号", "金额", "应付日期", "付款日期" };
static const char pay_required[PAY_NCOLS] = { 1, 0, 1, 1, 0 };
enum { PC_CUSTOMER, PC_ORDER_NO, PC_AMOUNT, PC_DUE, PC_PAID };

/* The columns of a kind of transaction: its names, Chinese labels,
 * required marks and language node (L.Import.<node>.<name>). */
struct line_kind {
  int ncols;
  const char *const *cols, *const *zh;
  const char *required, *node;
};
static const struct line_kind order_kind = { ORDER_NCOLS, order_cols, order_zh, order_required,
                                             "OrderCol" };
static const struct line_kind pay_kind = { PAY_NCOLS, pay_cols, pay_zh, pay_required, "PayCol" };   /* DECIMAL(14,2) holds less than this */

/* Choice columns: the labels under L.<node> (both languages) map to the
 * stored values. */
static const struct { int col; const char *node; } choice_nodes[] = {
  { COL_KIND, "L.Kind" },
  { COL_LIFECYCLE, "L.Lifecycle" },
  { COL_LOYALTY, "L.Loyalty" },
  { COL_NON_CUSTOMER, "L.NonCustomer" },
};

static int col_index(const char *name)
{
  for (int i = 0; i < IMPORT_NCOLS; i++)
    if (strcmp(import_cols[i], name) == 0) return i;
  return -1;
}

/* Trimmed copy of a header cell without a trailing "*" (required mark). */
static void header_text(const char *s, char *out, size_t n)
{
  while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n') s++;
  snprintf(out, n, "%s", s);
  size_t len = strlen(out);
  while (len && strchr(" \t\r\n*", out[len - 1])) len--;
  if (len >= 3 && memcmp(out + len - 3, "\xef\xbc\x8a", 3) == 0) len -= 3;   /* ＊ */
  out[len] = '\0';
}

static int header_col(const struct line_kind *lk, const char *cell)
{
  char h[256];
  header_text(cell, h, sizeof h);
  if (!*h) return -2;   /* an empty header: the column is not read */
  int n = lk ? lk->ncols : IMPORT_NCOLS;
  const char *const *cols = lk ? lk->cols : import_cols;
  const char *const *zh = lk ? lk->zh : zh_labels;
  for (int i = 0; i < n; i++) {
    char key[64];
    snprintf(key, sizeof key, "Import.%s.%s", lk ? lk->node : "Col", cols[i]);
    if (strcmp(h, zh[i]) == 0 || strcasecmp(h, cols[i]) == 0 ||
        strcasecmp(h, i18n_get("en", key)) == 0)
      return i;
  }
  return -1;
}

/* --- small helpers ----------------------------------------------------------------- */

static const char *var_dir(void)
{
  const char *v = getenv("KEHU_VAR");
  return v && *v ? v : "var";
}

static void job_path(char *out, size_t n, long long id, const char *ext)
{
  snprintf(out, n, "%s/imports/%lld.%s", var_dir(), id, ext);
}

/* TSV cell: backslash, tab, CR and LF escaped. */
static void tsv_put(FILE *f, const char *s)
{
  for (; *s; s++) {
    switch (*s) {
    case '\\': fputs("\\\\", f); break;
    case '\t': fputs("\\t", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    default: fputc(*s, f);
    }
  }
}

/* Splits a TSV line in place into at most max cells, unescaping them. */
static int tsv_split(char *line, char **cells, int max)
{
  int n = 0;
  char *w = line, *start = line;
  for (char *p = line;; p++) {
    if (*p == '\t' || *p == '\n' || *p == '\0') {
      char end = *p;
      *w = '\0';
      if (n < max) cells[n++] = start;
      if (end != '\t') break;
      start = w = p + 1;
      continue;
    }
    if (*p == '\\' && p[1]) {
      p++;
      *w++ = *p == 't' ? '\t' : *p == 'n' ? '\n' : *p == 'r' ? '\r' : *p;
    } else {
      *w++ = *p;
    }
  }
  return n;
}

/* getline into a growing buffer; 0 at the end. */
static int read_line(FILE *f, char **buf, size_t *cap)
{
  return getline(buf, cap, f) > 0;
}

/* --- parsing an upload ----------------------------------------------------------- */

struct row_error {
  long row;
  int col;
  long seq;
  char *msg;
  char *value;
};

struct pending_code {
  long ordinal;
  long row;
  char code[21];
};

/* Strings (ASCII-lower-cased, as the unique indexes compare codes) to
 * numbers. */
struct strmap {
  char **keys;
  long *vals;
  long cap, count;
};

struct order_info {
  char no[33];
  long cust;                     /* index into the customer codes */
  char ordered[11], delivered[11], sales[16];
  long long cents;
  long first_row, first_ordinal;
};

struct product { const char *id, *code, *name, *price; };

struct pay_order {
  long ordinal, row, cust, order;  /* order: index into order_list */
  char paid[11];
};

struct region { const char *id, *code, *zh, *en; };
struct owner { const char *id, *username, *name; };

struct parse {
  struct req *r;
  HDF *refs;                     /* regions and owners as read */
  struct region *regions;
  int nregions;
  struct owner *owners;
  int nowners;
  int header_done;
  int ncols_file;
  int *map;                      /* file column -> import column, -1 */
  const char *file_error;        /* a language key under L.Import.Error */
  char file_error_arg[512];
  long total;                    /* data rows */
  char *row_bad;                 /* per data row */
  long cap_rows;
  struct row_error *errors;
  long nerrors, cap_errors, errors_dropped;
  /* codes: seen in the file (lower-cased) -> row, and those waiting for
   * the database check */
  char **code_keys;
  long *code_rows;
  long code_cap, code_count;
  struct pending_code pending[IMPORT_CODE_BATCH];
  int npending;
  /* orders and payments */
  const struct line_kind *lk;    /* NULL for customers */
  int orders, payments;
  struct product *products;
  int nproducts;
  struct strmap order_map, cust_map;
  struct order_info *order_list;
  long norders, cap_orders;
  char **cust_codes;             /* distinct customer codes, by index */
  long long *cust_ids;
  long ncust, cap_cust;
  long *line_cust, *line_row;    /* per data row: customer index (-1), row */
  struct pay_order *pay_orders;  /* payments that name an order */
  long npay_orders, cap_pay_orders;
  FILE *tsv;
  HDF *values, *errs;
};

static void parse_free(struct parse *p)
{
  free(p->regions);
  free(p->owners);
  hdf_destroy(&p->refs);
  free(p->map);
  free(p->row_bad);
  for (long i = 0; i < p->nerrors; i++) {
    free(p->errors[i].msg);
    free(p->errors[i].value);
  }
  free(p->errors);
  for (long i = 0; i < p->code_cap; i++) free(p->code_keys ? p->code_keys[i] : NULL);
  free(p->code_keys);
  free(p->code_rows);
  if (p->tsv) fclose(p->tsv);
  free(p->products);
  for (long i = 0; i < p->order_map.cap; i++) free(p->order_map.keys[i]);
  free(p->order_map.keys);
  free(p->order_map.vals);
  for (long i = 0; i < p->cust_map.cap; i++) free(p->cust_map.keys[i]);
  free(p->cust_map.keys);
  free(p->cust_map.vals);
  free(p->order_list);
  for (long i = 0; i < p->ncust; i++) free(p->cust_codes[i]);
  free(p->cust_codes);
  free(p->cust_ids);
  free(p->line_cust);
  free(p->line_row);
  free(p->pay_orders);
  hdf_destroy(&p->values);
  hdf_destroy(&p->errs);
}

static NEOERR *file_fail(struct parse *p, const char *key, const char *arg)
{
  p->file_error = key;
  snprintf(p->file_error_arg, sizeof p->file_error_arg, "%s", arg ? arg : "");
  return nerr_raise(NERR_PARSE, "import: %s %s", key, p->file_error_arg);
}

static NEOERR *add_error(struct parse *p, long ordinal, long row, int col,
                         const char *msg, const char *value)
{
  p->row_bad[ordinal] = 1;
  if (p->nerrors >= MAX_ERRORS) { p->errors_dropped++; return STATUS_OK; }
  if (p->nerrors == p->cap_errors) {
    long cap = p->cap_errors ? p->cap_errors * 2 : 256;
    struct row_error *e = realloc(p->errors, cap * sizeof *e);
    if (!e) return nerr_raise(NERR_NOMEM, "import errors");
    p->errors = e;
    p->cap_errors = cap;
  }
  struct row_error *e = &p->errors[p->nerrors];
  e->row = row;
  e->col = col;
  e->seq = p->nerrors;
  e->msg = strdup(msg);
  /* The value shown next to the message: at most 60 bytes, cut at a
   * character boundary. */
  size_t n = strlen(value ? value : "");
  if (n > 60) {
    n = 60;
    while (n && ((unsigned char)value[n] & 0xc0) == 0x80) n--;
  }
  e->value = strndup(value ? value : "", n);
  if (!e->msg || !e->value) {
    free(e->msg);
    free(e->value);
    return nerr_raise(NERR_NOMEM, "import errors");
  }
  p->nerrors++;
  return STATUS_OK;
}

/* A message of this page group, in the uploader's language. */
static const char *msg(struct parse *p, const char *key)
{
  char k[96];
  snprintf(k, sizeof k, "Import.Err.%s", key);
  return i18n_get(p->r->lang, k);
}

/* --- codes: unique in the file and in the table --------------------------------- */

static unsigned long hash_str(const char *s)
{
  unsigned long h = 5381;
  for (; *s; s++) h = h * 33 + (unsigned char)*s;
  return h;
}

static NEOERR *strmap_grow(struct strmap *m)
{
  long cap = m->cap ? m->cap * 2 : 1024;
  char **keys = calloc(cap, sizeof *keys);
  long *vals = calloc(cap, sizeof *vals);
  if (!keys || !vals) { free(keys); free(vals); return nerr_raise(NERR_NOMEM, "strmap"); }
  for (long i = 0; i < m->cap; i++) {
    if (!m->keys[i]) continue;
    unsigned long h = hash_str(m->keys[i]) & (cap - 1);
    while (keys[h]) h = (h + 1) & (cap - 1);
    keys[h] = m->keys[i];
    vals[h] = m->vals[i];
  }
  free(m->keys);
  free(m->vals);
  m->keys = keys;
  m->vals = vals;
  m->cap = cap;
  return STATUS_OK;
}

/* *found = the value stored for key, or -1 when key is new (then `val`
 * is stored for it). */
static NEOERR *strmap_put(struct strmap *m, const char *key, long val, long *found)
{
  *found = -1;
  if ((m->count + 1) * 2 > m->cap) {
    NEOERR *err = strmap_grow(m);
    if (err) return nerr_pass(err);
  }
  char k[64];
  size_t n = 0;
  for (; key[n] && n < sizeof k - 1; n++) k[n] = (char)tolower((unsigned char)key[n]);
  k[n] = '\0';
  unsigned long h = hash_str(k) & (m->cap - 1);
  while (m->keys[h]) {
    if (strcmp(m->keys[h], k) == 0) { *found = m->vals[h]; return STATUS_OK; }
    h = (h + 1) & (m->cap - 1);
  }
  if (!(m->keys[h] = strdup(k))) return nerr_raise(NERR_NOMEM, "strmap");
  m->vals[h] = val;
  m->count++;
  return STATUS_OK;
}

/* The row that already has this code in the file, or 0 (and it is
 * remembered for `row`). */
static NEOERR *code_seen(struct parse *p, const char *code, long row, long *first)
{
  struct strmap m = { p->code_keys, p->code_rows, p->code_cap, p->code_count };
  long found;
  NEOERR *err = strmap_put(&m, code, row, &found);
  p->code_keys = m.keys;
  p->code_rows = m.vals;
  p->code_cap = m.cap;
  p->code_count = m.count;
  *first = found < 0 ? 0 : found;
  return nerr_pass(err);
}

static NEOERR *check_pending_codes(struct parse *p)
{
  if (!p->npending) return STATUS_OK;
  const char *codes[IMPORT_CODE_BATCH];
  char taken[IMPORT_CODE_BATCH];
  for (int i = 0; i < p->npending; i++) codes[i] = p->pending[i].code;
  NEOERR *err = db_import_codes_taken(codes, p->npending, taken);
  for (int i = 0; !err && i < p->npending; i++)
    if (taken[i])
      err = add_error(p, p->pending[i].ordinal, p->pending[i].row, COL_CODE,
                      msg(p, "CodeTaken"), p->pending[i].code);
  p->npending = 0;
  return nerr_pass(err);
}

/* --- labels to stored values ------------------------------------------------------- */

static NEOERR *load_refs(struct parse *p)
{
  NEOERR *err = hdf_init(&p->refs);
  if (!err) err = db_import_regions(p->refs, "R");
  if (!err) err = db_import_owners(p->refs, "O");
  if (err) return nerr_pass(err);
  int n = 0;
  for (HDF *h = hdf_get_child(p->refs, "R"); h; h = hdf_obj_next(h)) n++;
  p->regions = calloc(n ? n : 1, sizeof *p->regions);
  if (!p->regions) return nerr_raise(NERR_NOMEM, "regions");
  for (HDF *h = hdf_get_child(p->refs, "R"); h; h = hdf_obj_next(h)) {
    struct region *g = &p->regions[p->nregions++];
    g->id = hdf_get_value(h, "id", "");
    g->code = hdf_get_value(h, "code", "");
    g->zh = hdf_get_value(h, "name_zh", "");
    g->en = hdf_get_value(h, "name_en", "");
  }
  n = 0;
  for (HDF *h = hdf_get_child(p->refs, "O"); h; h = hdf_obj_next(h)) n++;
  p->owners = calloc(n ? n : 1, sizeof *p->owners);
  if (!p->owners) return nerr_raise(NERR_NOMEM, "owners");
  for (HDF *h = hdf_get_child(p->refs, "O"); h; h = hdf_obj_next(h)) {
    struct owner *o = &p->owners[p->nowners++];
    o->id = hdf_get_value(h, "id", "");
    o->username = hdf_get_value(h, "username", "");
    o->name = hdf_get_value(h, "display_name", "");
  }
  return STATUS_OK;
}

/* The region id for an id, code, Chinese or English name; NULL if none. */
static const char *region_of(struct parse *p, const char *v)
{
  for (int i = 0; i < p->nregions; i++) {
    const struct region *g = &p->regions[i];
    if (strcmp(v, g->id) == 0 || strcmp(v, g->zh) == 0 || strcasecmp(v, g->code) == 0 ||
        strcasecmp(v, g->en) == 0)
      return g->id;
  }
  /* "华东区" / "华东地区" name the same region */
  for (int i = 0; i < p->nregions; i++) {
    const struct region *g = &p->regions[i];
    size_t n = strlen(g->zh);
    if (n && strncmp(v, g->zh, n) == 0 &&
        (strcmp(v + n, "区") == 0 || strcmp(v + n, "地区") == 0))
      return g->id;
  }
  return NULL;
}

/* The owner's id for a user id, user name or display name; *ambiguous when
 * two people share the display name. */
static const char *owner_of(struct parse *p, const char *v, int *ambiguous)
{
  *ambiguous = 0;
  for (int i = 0; i < p->nowners; i++)
    if (strcmp(v, p->owners[i].id) == 0 || strcasecmp(v, p->owners[i].username) == 0)
      return p->owners[i].id;
  const char *found = NULL;
  for (int i = 0; i < p->nowners; i++) {
    if (strcmp(v, p->owners[i].name) != 0) continue;
    if (found) { *ambiguous = 1; return NULL; }
    found = p->owners[i].id;
  }
  return found;
}

/* A stored value for a label of a choice column, or NULL. */
static const char *choice_of(int col, const char *v)
{
  for (size_t k = 0; k < sizeof choice_nodes / sizeof choice_nodes[0]; k++) {
    if (choice_nodes[k].col != col) continue;
    static const char *langs[] = { "zh-CN", "en" };
    for (size_t l = 0; l < 2; l++) {
      for (HDF *h = hdf_get_child(i18n_hdf(langs[l]), choice_nodes[k].node); h;
           h = hdf_obj_next(h)) {
        const char *label = hdf_obj_value(h), *name = hdf_obj_name(h);
        if (strcasecmp(v, name) == 0) return name;
        if (label && (strcmp(v, label) == 0 || strcasecmp(v, label) == 0)) return name;
      }
    }
  }
  return NULL;
}

/* Trimmed as customer_validate trims (ASCII white space, U+3000). */
static const char *trimmed(const char *v, char *buf, size_t n)
{
  for (;;) {
    while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n') v++;
    if (strncmp(v, "\xe3\x80\x80", 3) == 0) v += 3;
    else break;
  }
  snprintf(buf, n, "%s", v);
  size_t len = strlen(buf);
  for (;;) {
    if (len && strchr(" \t\r\n", buf[len - 1])) len--;
    else if (len >= 3 && memcmp(buf + len - 3, "\xe3\x80\x80", 3) == 0) len -= 3;
    else break;
  }
  buf[len] = '\0';
  return buf;
}

/* --- one row ------------------------------------------------------------------------ */

static NEOERR *header_row(struct parse *p, int ncells, const char *const *cells)
{
  p->map = malloc((ncells ? ncells : 1) * sizeof *p->map);
  if (!p->map) return nerr_raise(NERR_NOMEM, "header");
  p->ncols_file = ncells;
  int seen[IMPORT_NCOLS > ORDER_NCOLS ? IMPORT_NCOLS : ORDER_NCOLS] = { 0 };
  const char *const *zh = p->lk ? p->lk->zh : zh_labels;
  STRING unknown;
  string_init(&unknown);
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < ncells && !err; i++) {
    int c = header_col(p->lk, cells[i]);
    p->map[i] = c < 0 ? -1 : c;
    if (c == -1) {
      char h[256];
      header_text(cells[i], h, sizeof h);
      if (utf8_valid(h, strlen(h)))
        err = string_appendf(&unknown, "%s“%s”", !unknown.len ? ""
                             : strcmp(p->r->lang, "en") == 0 ? ", " : "、", h);
    } else if (c >= 0 && seen[c]++) {
      string_clear(&unknown);
      return file_fail(p, "DuplicateColumn", zh[c]);
    }
  }
  if (err) { string_clear(&unknown); return nerr_pass(err); }
  if (unknown.len) {
    err = file_fail(p, "UnknownColumns", unknown.buf);
    string_clear(&unknown);
    return err;
  }
  string_clear(&unknown);
  if (p->lk) {
    for (int c = 0; c < p->lk->ncols; c++)
      if (p->lk->required[c] && !seen[c]) return file_fail(p, "MissingColumn", p->lk->zh[c]);
    p->header_done = 1;
    return STATUS_OK;
  }
  if (!seen[COL_NAME]) return file_fail(p, "NoNameColumn", NULL);
  for (size_t i = 0; i < customer_nfields; i++) {
    int c = col_index(customer_fields[i].name);
    if (customer_fields[i].required && c >= 0 && !seen[c])
      return file_fail(p, "MissingColumn", zh_labels[c]);
  }
  p->header_done = 1;
  return STATUS_OK;
}

/* A new data row: its ordinal (0-based). */
static NEOERR *next_row(struct parse *p, long *ordinal)
{
  if (p->total >= MAX_ROWS) {
    char n[32];
    snprintf(n, sizeof n, "%d", MAX_ROWS);
    return file_fail(p, "TooManyRows", n);
  }
  if (p->total == p->cap_rows) {
    long cap = p->cap_rows ? p->cap_rows * 2 : 1024;
    char *b = realloc(p->row_bad, cap);
    if (!b) return nerr_raise(NERR_NOMEM, "rows");
    p->row_bad = b;
    if (p->lk) {
      long *c = realloc(p->line_cust, cap * sizeof *c);
      if (c) p->line_cust = c;
      long *w = realloc(p->line_row, cap * sizeof *w);
      if (w) p->line_row = w;
      if (!c || !w) return nerr_raise(NERR_NOMEM, "rows");
    }
    p->cap_rows = cap;
  }
  *ordinal = p->total++;
  p->row_bad[*ordinal] = 0;
  return STATUS_OK;
}

static NEOERR *customer_row(struct parse *p, long row, int ncells,
                            const char *const *cells, const size_t *lens)
{
  long ordinal = 0;
  NEOERR *err = next_row(p, &ordinal);
  if (err) return nerr_pass(err);
  hdf_destroy(&p->values);
  hdf_destroy(&p->errs);
  if ((err = hdf_init(&p->values)) || (err = hdf_init(&p->errs))) return nerr_pass(err);
  /* what the file says, per column; own errors first */
  const char *own[IMPORT_NCOLS] = { 0 };
  const char *raw[IMPORT_NCOLS] = { 0 };
  char buf[256];
  for (int i = 0; i < ncells && i < p->ncols_file; i++) {
    int c = p->map[i];
    if (c < 0) continue;
    raw[c] = cells[i];
    if (!utf8_valid(cells[i], lens[i])) {
      own[c] = "BadChars";
      continue;
    }
    const char *v = cells[i];
    if (c == COL_REGION || c == COL_OWNER || (c >= COL_LIFECYCLE && c <= COL_NON_CUSTOMER) ||
        c == COL_KIND) {
      v = trimmed(v, buf, sizeof buf);
      if (!*v) {
        /* empty: customer_validate says whether that is allowed */
      } else if (c == COL_REGION) {
        const char *id = region_of(p, v);
        if (!id) own[c] = "UnknownRegion";
        v = id ? id : "";
      } else if (c == COL_OWNER) {
        int ambiguous;
        const char *id = owner_of(p, v, &ambiguous);
        if (!id) own[c] = ambiguous ? "AmbiguousOwner" : "UnknownOwner";
        v = id ? id : "";
      } else {
        const char *stored = choice_of(c, v);
        if (stored) v = stored;
      }
    }
    if ((err = hdf_set_value(p->values, import_cols[c], v))) return nerr_pass(err);
  }
  int bad;
  if ((err = customer_validate(p->values, p->r->lang, p->errs, &bad))) return nerr_pass(err);
  for (int c = 0; c < IMPORT_NCOLS; c++) {
    if (own[c]) {
      if ((err = add_error(p, ordinal, row, c, msg(p, own[c]), raw[c]))) return nerr_pass(err);
      continue;
    }
    const char *m = hdf_get_value(p->errs, import_cols[c], NULL);
    if (m && (err = add_error(p, ordinal, row, c, m, raw[c] ? raw[c] : "")))
      return nerr_pass(err);
  }
  /* codes: unique within the file, and not yet in the table */
  const char *code = hdf_get_value(p->values, "code", "");
  if (*code && !own[COL_CODE] && !hdf_get_value(p->errs, "code", NULL)) {
    long first;
    if ((err = code_seen(p, code, row, &first))) return nerr_pass(err);
    if (first) {
      char m[256];
      snprintf(m, sizeof m, "%s %ld%s", msg(p, "DuplicateCode"), first,
               msg(p, "DuplicateCodeAfter"));
      if ((err = add_error(p, ordinal, row, COL_CODE, m, code))) return nerr_pass(err);
    } else {
      struct pending_code *pc = &p->pending[p->npending++];
      pc->ordinal = ordinal;
      pc->row = row;
      snprintf(pc->code, sizeof pc->code, "%s", code);
      if (p->npending == IMPORT_CODE_BATCH && (err = check_pending_codes(p)))
        return nerr_pass(err);
    }
  }
  /* the normalised row: number, the values, 1 when it has errors (codes
   * taken in the table are known later; the preview marks by the errors) */
  fprintf(p->tsv, "%ld", row);
  for (int c = 0; c < IMPORT_NCOLS; c++) {
    fputc('\t', p->tsv);
    tsv_put(p->tsv, hdf_get_value(p->values, import_cols[c], ""));
  }
  fputs(p->row_bad[ordinal] ? "\t1\n" : "\t0\n", p->tsv);
  return STATUS_OK;
}


/* --- one order line ---------------------------------------------------------------- */

static const struct product *product_of(struct parse *p, const char *v)
{
  for (int i = 0; i < p->nproducts; i++)
    if (strcasecmp(v, p->products[i].code) == 0) return &p->products[i];
  for (int i = 0; i < p->nproducts; i++)
    if (strcmp(v, p->products[i].name) == 0) return &p->products[i];
  return NULL;
}

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

/* A date as people type it (2026-3-5, 2026/03/05, 2026.3.5, 2026年3月5日)
 * or as an Excel serial number (46000), as YYYY-MM-DD in out[11]; 0 when
 * it is none. */
static int parse_date(const char *v, char *out)
{
  int y, m, d;
  char rest[8] = "";
  size_t n = strlen(v);
  if (n >= 5 && n <= 6 && strspn(v, "0123456789") == n) {
    long serial = atol(v);             /* days since 1899-12-30 */
    if (serial < 20000 || serial > 80000) return 0;
    y = 1900, m = 1, d = 1;
    long left = serial - 2;            /* 1900-01-01 is serial 2 (after 1900-03-01) */
    while (left >= (leap(y) ? 366 : 365)) { left -= leap(y) ? 366 : 365; y++; }
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    for (m = 1; ; m++) {
      int md = mdays[m - 1] + (m == 2 && leap(y));
      if (left < md) break;
      left -= md;
    }
    d = (int)left + 1;
  } else if (sscanf(v, "%4d-%2d-%2d%7s", &y, &m, &d, rest) < 3 &&
             sscanf(v, "%4d/%2d/%2d%7s", &y, &m, &d, rest) < 3 &&
             sscanf(v, "%4d.%2d.%2d%7s", &y, &m, &d, rest) < 3 &&
             sscanf(v, "%4d年%2d月%2d%7s", &y, &m, &d, rest) < 3) {
    return 0;
  } else if (*rest && strcmp(rest, "日") != 0) {
    return 0;
  }
  out[0] = '\0';
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  if (valid_date(out)) return 1;
  out[0] = '\0';
  return 0;
}

/* An amount with at most 2 decimals, in cents; -1 when it is not one. */
static long long cents_of(const char *v)
{
  if (!valid_amount(v) || strlen(v) > 14) return -1;
  long long whole = 0, frac = 0;
  const char *s = v;
  for (; *s && *s != '.'; s++) whole = whole * 10 + (*s - '0');
  if (*s == '.') {
    s++;
    int digits = 0;
    for (; *s; s++, digits++) frac = frac * 10 + (*s - '0');
    if (digits == 1) frac *= 10;
  }
  if (whole >= 10000000000LL) return -1;   /* DECIMAL(12,2) */
  return whole * 100 + frac;
}

static int valid_order_no(const char *s)
{
  size_t n = strlen(s);
  if (n == 0 || n > 32) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && !strchr("-_/.", *s)) return 0;
  return 1;
}

static NEOERR *cust_index(struct parse *p, const char *code, long *index)
{
  long found;
  NEOERR *err = strmap_put(&p->cust_map, code, p->ncust, &found);
  if (err) return nerr_pass(err);
  if (found >= 0) { *index = found; return STATUS_OK; }
  if (p->ncust == p->cap_cust) {
    long cap = p->cap_cust ? p->cap_cust * 2 : 256;
    char **c = realloc(p->cust_codes, cap * sizeof *c);
    if (c) p->cust_codes = c;
    long long *i = realloc(p->cust_ids, cap * sizeof *i);
    if (i) p->cust_ids = i;
    if (!c || !i) return nerr_raise(NERR_NOMEM, "customer codes");
    p->cap_cust = cap;
  }
  if (!(p->cust_codes[p->ncust] = strdup(code))) return nerr_raise(NERR_NOMEM, "codes");
  p->cust_ids[p->ncust] = 0;
  *index = p->ncust++;
  return STATUS_OK;
}

static NEOERR *order_row(struct parse *p, long row, int ncells, const char *const *cells,
                         const size_t *lens)
{
  long ordinal = 0;
  NEOERR *err = next_row(p, &ordinal);
  if (err) return nerr_pass(err);
  p->line_cust[ordinal] = -1;
  p->line_row[ordinal] = row;
  const char *raw[ORDER_NCOLS] = { 0 };
  char v[ORDER_NCOLS][256];
  const char *own[ORDER_NCOLS] = { 0 };
  for (int c = 0; c < ORDER_NCOLS; c++) v[c][0] = '\0';
  for (int i = 0; i < ncells && i < p->ncols_file; i++) {
    int c = p->map[i];
    if (c < 0) continue;
    raw[c] = cells[i];
    if (!utf8_valid(cells[i], lens[i])) own[c] = "BadChars";
    else trimmed(cells[i], v[c], sizeof v[c]);
  }
  for (int c = 0; c < ORDER_NCOLS; c++)
    if (!own[c] && order_required[c] && !v[c][0]) own[c] = "Required";
  char ordered[11] = "", delivered[11] = "", price[32] = "", amount[32] = "";
  const char *product_id = "", *sales_id = "";
  long long qty = 0, cents = -1;
  if (!own[OC_ORDER_NO] && !valid_order_no(v[OC_ORDER_NO])) own[OC_ORDER_NO] = "OrderNo";
  if (!own[OC_CUSTOMER] && strlen(v[OC_CUSTOMER]) > 20) own[OC_CUSTOMER] = "UnknownCustomer";
  if (!own[OC_ORDERED] && !parse_date(v[OC_ORDERED], ordered)) own[OC_ORDERED] = "Date";
  if (!own[OC_DELIVERED] && v[OC_DELIVERED][0]) {
    if (!parse_date(v[OC_DELIVERED], delivered)) own[OC_DELIVERED] = "Date";
    else if (ordered[0] && strcmp(delivered, ordered) < 0) own[OC_DELIVERED] = "DeliveredBefore";
  }
  const struct product *prod = NULL;
  if (!own[OC_PRODUCT] && !(prod = product_of(p, v[OC_PRODUCT]))) own[OC_PRODUCT] = "UnknownProduct";
  if (prod) product_id = prod->id;
  if (!own[OC_QTY]) {
    char *end;
    qty = strtoll(v[OC_QTY], &end, 10);
    if (*end || qty < 1 || qty > 9999999 || !isdigit((unsigned char)v[OC_QTY][0]))
      own[OC_QTY] = "Quantity";
  }
  if (!own[OC_PRICE]) {
    const char *pv = v[OC_PRICE][0] ? v[OC_PRICE] : prod ? prod->price : "";
    if (*pv && (cents = cents_of(pv)) < 0) own[OC_PRICE] = "Amount";
    else snprintf(price, sizeof price, "%.31s", pv);
  }
  if (!own[OC_SALES] && v[OC_SALES][0]) {
    int ambiguous;
    sales_id = owner_of(p, v[OC_SALES], &ambiguous);
    if (!sales_id) { sales_id = ""; own[OC_SALES] = ambiguous ? "AmbiguousOwner" : "UnknownOwner"; }
  }
  long long line_cents = -1;
  if (cents >= 0 && qty > 0) {
    if (cents > 0 && qty > (MAX_CENTS - 1) / cents) own[OC_QTY] = "TooMuch";
    else line_cents = qty * cents;
  }
  if (line_cents >= 0)
    snprintf(amount, sizeof amount, "%lld.%02lld", line_cents / 100, line_cents % 100);
  /* the customer (resolved in batches at the end) and the order */
  long cust = -1;
  if (!own[OC_CUSTOMER] && (err = cust_index(p, v[OC_CUSTOMER], &cust))) return nerr_pass(err);
  p->line_cust[ordinal] = cust;
  if (!own[OC_ORDER_NO]) {
    long found;
    if ((err = strmap_put(&p->order_map, v[OC_ORDER_NO], p->norders, &found)))
      return nerr_pass(err);
    if (found < 0) {
      if (p->norders == p->cap_orders) {
        long cap = p->cap_orders ? p->cap_orders * 2 : 256;
        struct order_info *o = realloc(p->order_list, cap * sizeof *o);
        if (!o) return nerr_raise(NERR_NOMEM, "orders");
        p->order_list = o;
        p->cap_orders = cap;
      }
      struct order_info *o = &p->order_list[p->norders++];
      memset(o, 0, sizeof *o);
      snprintf(o->no, sizeof o->no, "%.32s", v[OC_ORDER_NO]);
      o->cust = cust;
      snprintf(o->ordered, sizeof o->ordered, "%s", ordered);
      snprintf(o->delivered, sizeof o->delivered, "%s", delivered);
      snprintf(o->sales, sizeof o->sales, "%s", sales_id);
      o->first_row = row;
      o->first_ordinal = ordinal;
      o->cents = line_cents > 0 ? line_cents : 0;
    } else {
      struct order_info *o = &p->order_list[found];
      if (o->cust != cust || strcmp(o->ordered, ordered) != 0 ||
          strcmp(o->delivered, delivered) != 0 || strcmp(o->sales, sales_id) != 0) {
        char m[256];
        snprintf(m, sizeof m, "%s %ld%s", msg(p, "OrderMismatch"), o->first_row,
                 msg(p, "OrderMismatchAfter"));
        if ((err = add_error(p, ordinal, row, OC_ORDER_NO, m, raw[OC_ORDER_NO])))
          return nerr_pass(err);
      }
      if (line_cents > 0) {
        if (o->cents > MAX_CENTS - 1 - line_cents) own[OC_QTY] = "TooMuch";
        else o->cents += line_cents;
      }
    }
  }
  for (int c = 0; c < ORDER_NCOLS; c++)
    if (own[c] && (err = add_error(p, ordinal, row, c,
                                   strcmp(own[c], "Required") == 0
                                       ? i18n_get(p->r->lang, "Valid.Required")
                                       : msg(p, own[c]),
                                   raw[c] ? raw[c] : "")))
      return nerr_pass(err);
  const char *out[LINE_NFIELDS] = {
    v[OC_CUSTOMER], v[OC_ORDER_NO], ordered, delivered, v[OC_PRODUCT], v[OC_QTY], price,
    v[OC_SALES], product_id, sales_id, amount,
  };
  fprintf(p->tsv, "%ld", row);
  for (int c = 0; c < LINE_NFIELDS; c++) {
    fputc('\t', p->tsv);
    tsv_put(p->tsv, out[c]);
  }
  fputs(p->row_bad[ordinal] ? "\t1\n" : "\t0\n", p->tsv);
  return STATUS_OK;
}

/* After the last line: customers by code and order numbers in the table,
 * in batches; then the orders spool. */
static NEOERR *resolve_customers(struct parse *p)
{
  NEOERR *err = STATUS_OK;
  for (long at = 0; !err && at < p->ncust; at += IMPORT_CODE_BATCH) {
    int n = p->ncust - at < IMPORT_CODE_BATCH ? (int)(p->ncust - at) : IMPORT_CODE_BATCH;
    err = db_import_customer_ids((const char *const *)p->cust_codes + at, n, p->cust_ids + at);
  }
  for (long i = 0; !err && i < p->total; i++) {
    long c = p->line_cust[i];
    if (c >= 0 && !p->cust_ids[c])
      err = add_error(p, i, p->line_row[i], OC_CUSTOMER, msg(p, "UnknownCustomer"),
                      p->cust_codes[c]);
  }
  return nerr_pass(err);
}

static NEOERR *finish_orders(struct parse *p, const char *orders_path)
{
  NEOERR *err = resolve_customers(p);
  for (long at = 0; !err && at < p->norders; at += IMPORT_CODE_BATCH) {
    int n = p->norders - at < IMPORT_CODE_BATCH ? (int)(p->norders - at) : IMPORT_CODE_BATCH;
    const char *nos[IMPORT_CODE_BATCH];
    char taken[IMPORT_CODE_BATCH];
    for (int i = 0; i < n; i++) nos[i] = p->order_list[at + i].no;
    err = db_import_orders_taken(nos, n, taken);
    for (int i = 0; !err && i < n; i++)
      if (taken[i])
        err = add_error(p, p->order_list[at + i].first_ordinal, p->order_list[at + i].first_row,
                        OC_ORDER_NO, msg(p, "OrderTaken"), nos[i]);
  }
  if (err) return nerr_pass(err);
  FILE *f = fopen(orders_path, "w");
  if (!f) return nerr_raise_errno(NERR_IO, "%s", orders_path);
  for (long i = 0; i < p->norders; i++) {
    const struct order_info *o = &p->order_list[i];
    long long id = o->cust >= 0 ? p->cust_ids[o->cust] : 0;
    fputs(o->no, f);
    fprintf(f, "\t%lld\t%s\t%s\t%s\t%lld.%02lld\n", id, o->sales, o->ordered, o->delivered,
            o->cents / 100, o->cents % 100);
  }
  if (fclose(f) != 0) return nerr_raise_errno(NERR_IO, "%s", orders_path);
  return STATUS_OK;
}

/* --- one payment ------------------------------------------------------------------ */

/* Today in China (the database's clock, conf/my.cnf.in: +08:00), as
 * YYYY-MM-DD: a payment cannot be made later than that. */
static void today(char *out)
{
  china_format("%Y-%m-%d", out, 11);
}

static NEOERR *order_index(struct parse *p, const char *no, long *index)
{
  long found;
  NEOERR *err = strmap_put(&p->order_map, no, p->norders, &found);
  if (err || found >= 0) { *index = found; return nerr_pass(err); }
  if (p->norders == p->cap_orders) {
    long cap = p->cap_orders ? p->cap_orders * 2 : 256;
    struct order_info *o = realloc(p->order_list, cap * sizeof *o);
    if (!o) return nerr_raise(NERR_NOMEM, "orders");
    p->order_list = o;
    p->cap_orders = cap;
  }
  struct order_info *o = &p->order_list[p->norders];
  memset(o, 0, sizeof *o);
  snprintf(o->no, sizeof o->no, "%.32s", no);
  *index = p->norders++;
  return STATUS_OK;
}

/* A payment's own checks; the customer and the order are looked up in
 * batches at the end (finish_payments). */
static NEOERR *payment_row(struct parse *p, long row, int ncells, const char *const *cells,
                           const size_t *lens)
{
  long ordinal = 0;
  NEOERR *err = next_row(p, &ordinal);
  if (err) return nerr_pass(err);
  p->line_cust[ordinal] = -1;
  p->line_row[ordinal] = row;
  const char *raw[PAY_NCOLS] = { 0 }, *own[PAY_NCOLS] = { 0 };
  char v[PAY_NCOLS][256];
  for (int c = 0; c < PAY_NCOLS; c++) v[c][0] = '\0';
  for (int i = 0; i < ncells && i < p->ncols_file; i++) {
    int c = p->map[i];
    if (c < 0) continue;
    raw[c] = cells[i];
    if (!utf8_valid(cells[i], lens[i])) own[c] = "BadChars";
    else trimmed(cells[i], v[c], sizeof v[c]);
  }
  for (int c = 0; c < PAY_NCOLS; c++)
    if (!own[c] && pay_required[c] && !v[c][0]) own[c] = "Required";
  char due[11] = "", paid[11] = "", amount[32] = "", now[11];
  if (!own[PC_CUSTOMER] && strlen(v[PC_CUSTOMER]) > 20) own[PC_CUSTOMER] = "UnknownCustomer";
  if (!own[PC_ORDER_NO] && v[PC_ORDER_NO][0] && !valid_order_no(v[PC_ORDER_NO]))
    own[PC_ORDER_NO] = "OrderNo";
  long long cents = own[PC_AMOUNT] ? -1 : cents_of(v[PC_AMOUNT]);
  if (!own[PC_AMOUNT] && cents <= 0) own[PC_AMOUNT] = "PayAmount";
  if (cents > 0) snprintf(amount, sizeof amount, "%lld.%02lld", cents / 100, cents % 100);
  if (!own[PC_DUE] && !parse_date(v[PC_DUE], due)) own[PC_DUE] = "Date";
  if (!own[PC_PAID] && v[PC_PAID][0]) {
    today(now);
    if (!parse_date(v[PC_PAID], paid)) own[PC_PAID] = "Date";
    else if (strcmp(paid, now) > 0) own[PC_PAID] = "PaidFuture";
  }
  long cust = -1;
  if (!own[PC_CUSTOMER] && (err = cust_index(p, v[PC_CUSTOMER], &cust))) return nerr_pass(err);
  p->line_cust[ordinal] = cust;
  if (!own[PC_ORDER_NO] && v[PC_ORDER_NO][0]) {
    if (p->npay_orders == p->cap_pay_orders) {
      long cap = p->cap_pay_orders ? p->cap_pay_orders * 2 : 256;
      struct pay_order *po = realloc(p->pay_orders, cap * sizeof *po);
      if (!po) return nerr_raise(NERR_NOMEM, "payments");
      p->pay_orders = po;
      p->cap_pay_orders = cap;
    }
    struct pay_order *po = &p->pay_orders[p->npay_orders++];
    po->ordinal = ordinal;
    po->row = row;
    po->cust = cust;
    snprintf(po->paid, sizeof po->paid, "%s", paid);
    if ((err = order_index(p, v[PC_ORDER_NO], &po->order))) return nerr_pass(err);
  }
  for (int c = 0; c < PAY_NCOLS; c++)
    if (own[c] && (err = add_error(p, ordinal, row, c,
                                   strcmp(own[c], "Required") == 0
                                       ? i18n_get(p->r->lang, "Valid.Required")
                                       : msg(p, own[c]),
                                   raw[c] ? raw[c] : "")))
      return nerr_pass(err);
  const char *out[PAY_NCOLS] = { v[PC_CUSTOMER], v[PC_ORDER_NO], amount, due, paid };
  fprintf(p->tsv, "%ld", row);
  for (int c = 0; c < PAY_NCOLS; c++) {
    fputc('\t', p->tsv);
    tsv_put(p->tsv, out[c]);
  }
  fputs(p->row_bad[ordinal] ? "\t1\n" : "\t0\n", p->tsv);
  return STATUS_OK;
}

/* After the last payment: customers by code, then the orders named: they
 * must exist, be the customer's, and not be younger than the payment. */
static NEOERR *finish_payments(struct parse *p)
{
  NEOERR *err = resolve_customers(p);
  long long *owner = calloc(p->norders ? p->norders : 1, sizeof *owner);
  char (*ordered)[11] = calloc(p->norders ? p->norders : 1, sizeof *ordered);
  if (!err && (!owner || !ordered)) err = nerr_raise(NERR_NOMEM, "payments");
  for (long at = 0; !err && at < p->norders; at += IMPORT_CODE_BATCH) {
    int n = p->norders - at < IMPORT_CODE_BATCH ? (int)(p->norders - at) : IMPORT_CODE_BATCH;
    const char *nos[IMPORT_CODE_BATCH];
    for (int i = 0; i < n; i++) nos[i] = p->order_list[at + i].no;
    err = db_import_order_owners(nos, n, owner + at, ordered + at);
  }
  for (long i = 0; !err && i < p->npay_orders; i++) {
    const struct pay_order *po = &p->pay_orders[i];
    long long cust = po->cust >= 0 ? p->cust_ids[po->cust] : 0;
    const char *key = !owner[po->order] ? "UnknownOrder"
                      : cust && owner[po->order] != cust ? "OrderOtherCustomer"
                      : po->paid[0] && strcmp(po->paid, ordered[po->order]) < 0 ? "PaidBeforeOrder"
                      : NULL;
    if (!key) continue;
    int paid_col = strcmp(key, "PaidBeforeOrder") == 0;
    err = add_error(p, po->ordinal, po->row, paid_col ? PC_PAID : PC_ORDER_NO, msg(p, key),
                    paid_col ? po->paid : p->order_list[po->order].no);
  }
  free(owner);
  free(ordered);
  return nerr_pass(err);
}

static NEOERR *load_products(struct parse *p)
{
  NEOERR *err = db_import_products(p->refs, "P");
  if (err) return nerr_pass(err);
  int n = 0;
  for (HDF *h = hdf_get_child(p->refs, "P"); h; h = hdf_obj_next(h)) n++;
  p->products = calloc(n ? n : 1, sizeof *p->products);
  if (!p->products) return nerr_raise(NERR_NOMEM, "products");
  for (HDF *h = hdf_get_child(p->refs, "P"); h; h = hdf_obj_next(h)) {
    struct product *q = &p->products[p->nproducts++];
    q->id = hdf_get_value(h, "id", "");
    q->code = hdf_get_value(h, "code", "");
    q->name = hdf_get_value(h, "name", "");
    q->price = hdf_get_value(h, "list_price", "");
  }
  return STATUS_OK;
}

static int all_empty(int ncells, const char *const *cells)
{
  char buf[64];
  for (int i = 0; i < ncells; i++)
    if (*trimmed(cells[i], buf, sizeof buf)) return 0;
  return 1;
}

static NEOERR *on_row(void *ctx, long row, int ncells, const char *const *cells,
                      const size_t *lens)
{
  struct parse *p = ctx;
  if (all_empty(ncells, cells)) return STATUS_OK;
  if (!p->header_done) return nerr_pass(header_row(p, ncells, cells));
  if (p->orders) return nerr_pass(order_row(p, row, ncells, cells, lens));
  if (p->payments) return nerr_pass(payment_row(p, row, ncells, cells, lens));
  return nerr_pass(customer_row(p, row, ncells, cells, lens));
}

static NEOERR *parse_csv(struct parse *p, const char *data, size_t n, const char *charset)
{
  char *text;
  size_t len;
  NEOERR *err = charset_to_utf8(data, n, charset, &text, &len);
  if (err) {
    nerr_ignore(&err);
    return file_fail(p, "Encoding", charset);
  }
  struct csv_in c;
  csv_in_init(&c, text, len, 0);
  int rc;
  long record = 0;
  const char **cells = NULL;
  size_t *lens = NULL;
  int cap = 0;
  while (!err && (rc = csv_in_next(&c)) == 1) {
    record++;
    int nf = csv_in_count(&c);
    if (nf > cap) {
      cap = nf;
      const char **nc = realloc(cells, cap * sizeof *cells);
      if (nc) cells = nc;
      size_t *nl = realloc(lens, cap * sizeof *lens);
      if (nl) lens = nl;
      if (!nc || !nl) { err = nerr_raise(NERR_NOMEM, "csv"); break; }
    }
    for (int i = 0; i < nf; i++) {
      cells[i] = csv_in_field(&c, i);
      lens[i] = csv_in_len(&c, i);
    }
    err = on_row(p, record, nf, cells, lens);
  }
  if (!err && rc < 0) {
    char line[32];
    snprintf(line, sizeof line, "%ld", c.line);
    err = file_fail(p, "BadCsv", line);
  }
  free(cells);
  free(lens);
  csv_in_free(&c);
  free(text);
  return nerr_pass(err);
}

/* Files of jobs older than KEEP_DAYS are removed (their rows in
 * import_jobs stay as the record), and so are spool files a crashed
 * upload left behind. */
static void clean_up(void)
{
  char path[1024];
  snprintf(path, sizeof path, "%s/imports", var_dir());
  DIR *d = opendir(path);
  if (!d) return;
  struct dirent *de;
  time_t now = time(NULL);
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char f[1300];
    struct stat st;
    snprintf(f, sizeof f, "%s/%s", path, de->d_name);
    if (stat(f, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > KEEP_DAYS * 86400L)
      unlink(f);
  }
  closedir(d);
}

static int cmp_errors(const void *a, const void *b)
{
  const struct row_error *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static NEOERR *write_errors(struct parse *p, const char *path)
{
  if (p->nerrors) qsort(p->errors, p->nerrors, sizeof *p->errors, cmp_errors);
  FILE *f = fopen(path, "w");
  if (!f) return nerr_raise_errno(NERR_IO, "%s", path);
  for (long i = 0; i < p->nerrors; i++) {
    fprintf(f, "%ld\t%s\t", p->errors[i].row,
            (p->lk ? p->lk->cols : import_cols)[p->errors[i].col]);
    tsv_put(f, p->errors[i].value);
    fputc('\t', f);
    tsv_put(f, p->errors[i].msg);
    fputc('\n', f);
  }
  if (fclose(f) != 0) return nerr_raise_errno(NERR_IO, "%s", path);
  return STATUS_OK;
}

/* The whole upload in memory (the route allows 20 MiB). */
static NEOERR *read_upload(FILE *fp, char **data, size_t *n)
{
  *data = NULL;
  *n = 0;
  size_t cap = 1 << 16, len = 0;
  char *b = malloc(cap);
  if (!b) return nerr_raise(NERR_NOMEM, "upload");
  size_t got;
  if (fseek(fp, 0, SEEK_SET) != 0) { free(b); return nerr_raise_errno(NERR_IO, "upload"); }
  while ((got = fread(b + len, 1, cap - len, fp)) > 0) {
    len += got;
    if (len == cap) {
      char *nb = realloc(b, cap * 2);
      if (!nb) { free(b); return nerr_raise(NERR_NOMEM, "upload"); }
      b = nb;
      cap *= 2;
    }
  }
  if (ferror(fp)) { free(b); return nerr_raise_errno(NERR_IO, "upload"); }
  *data = b;
  *n = len;
  return STATUS_OK;
}

/* Binary files that are not XLSX: images, PDFs, old .xls, ... */
static int looks_binary(const char *d, size_t n)
{
  if (n >= 2 && (memcmp(d, "\xff\xfe", 2) == 0 || memcmp(d, "\xfe\xff", 2) == 0)) return 0;
  size_t check = n < 4096 ? n : 4096;
  return memchr(d, '\0', check) != NULL;
}

/* Shows the form again with a message about the file. */
static NEOERR *upload_refused(struct req *r, const char *key, const char *arg)
{
  char k[96];
  snprintf(k, sizeof k, "Import.Error.%s", key);
  NEOERR *err = hdf_set_value(r->hdf, "Import.Error", i18n_get(r->lang, k));
  if (!err && arg && *arg) err = hdf_set_value(r->hdf, "Import.ErrorArg", arg);
  if (err) return nerr_pass(err);
  r->status = 422;
  return nerr_pass(customers_import_form(r));
}

NEOERR *customers_import_upload(struct req *r)
{
  FILE *fp = cgi_filehandle(r->cgi, "file");
  if (!fp) return nerr_pass(upload_refused(r, "NoFile", NULL));
  char *data;
  size_t n;
  NEOERR *err = read_upload(fp, &data, &n);
  if (err) return nerr_pass(err);
  if (n == 0) { free(data); return nerr_pass(upload_refused(r, "Empty", NULL)); }
  const char *format = xlsx_in_is_zip(data, n) ? "xlsx" : "csv";
  if (strcmp(format, "csv") == 0 && looks_binary(data, n)) {
    free(data);
    return nerr_pass(upload_refused(r, "NotSupported", NULL));
  }
  clean_up();
  char dir[1024], tmp_tsv[1100], tmp_err[1100], tmp_orders[1100];
  snprintf(dir, sizeof dir, "%s/imports", var_dir());
  if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
    free(data);
    return nerr_raise_errno(NERR_IO, "mkdir %s", dir);
  }
  char token[17];
  token_random(token, 8);
  snprintf(tmp_tsv, sizeof tmp_tsv, "%s/up-%s.tsv", dir, token);
  snprintf(tmp_err, sizeof tmp_err, "%s/up-%s.err", dir, token);
  snprintf(tmp_orders, sizeof tmp_orders, "%s/up-%s.orders", dir, token);
  struct parse p;
  memset(&p, 0, sizeof p);
  p.r = r;
  const char *what = req_param(r, "what");
  p.orders = what && strcmp(what, "orders") == 0;
  p.payments = what && strcmp(what, "payments") == 0;
  p.lk = p.orders ? &order_kind : p.payments ? &pay_kind : NULL;
  const char *charset = "";
  if (!(p.tsv = fopen(tmp_tsv, "w"))) err = nerr_raise_errno(NERR_IO, "%s", tmp_tsv);
  if (!err) err = load_refs(&p);
  if (!err && p.orders) err = load_products(&p);
  if (!err && strcmp(format, "xlsx") == 0) {
    err = xlsx_in_read(data, n, on_row, &p);
    if (err && !p.file_error && nerr_match(err, NERR_PARSE)) {
      nerr_ignore(&err);
      err = file_fail(&p, "BadXlsx", NULL);
    }
  } else if (!err) {
    charset = charset_detect(data, n);
    err = parse_csv(&p, data, n, charset);
  }
  free(data);
  if (!err && !p.header_done) err = file_fail(&p, "NoHeader", NULL);
  if (!err && p.total == 0) err = file_fail(&p, "NoRows", NULL);
  if (!err) err = p.orders ? finish_orders(&p, tmp_orders)
                 : p.payments ? finish_payments(&p) : check_pending_codes(&p);
  if (!err && fclose(p.tsv) != 0) err = nerr_raise_errno(NERR_IO, "%s", tmp_tsv);
  p.tsv = NULL;
  if (!err) err = write_errors(&p, tmp_err);
  long long job = 0;
  if (!err) {
    long bad = 0;
    for (long i = 0; i < p.total; i++) bad += p.row_bad[i];
    const char *name = hdf_get_value(r->hdf, "Query.file", "");
    const char *slash = strrchr(name, '/'), *bslash = strrchr(name, '\\');
    if (slash && (!bslash || slash > bslash)) name = slash + 1;
    else if (bslash) name = bslash + 1;
    struct import_job_info info = {
      .entity = p.orders ? "order" : p.payments ? "payment" : "customer",
      .filename = name, .format = format, .charset = charset,
      .total = p.total, .bad_rows = bad, .errors = p.nerrors + p.errors_dropped,
    };
    err = db_import_job_create(&r->user, &info, &job);
  }
  if (!err) {
    char final[1100];
    job_path(final, sizeof final, job, "tsv");
    if (rename(tmp_tsv, final) != 0) err = nerr_raise_errno(NERR_IO, "rename %s", final);
    job_path(final, sizeof final, job, "err");
    if (!err && rename(tmp_err, final) != 0) err = nerr_raise_errno(NERR_IO, "rename %s", final);
    job_path(final, sizeof final, job, "orders");
    if (!err && p.orders && rename(tmp_orders, final) != 0)
      err = nerr_raise_errno(NERR_IO, "rename %s", final);
  }
  const char *file_error = p.file_error;
  char arg[512];
  snprintf(arg, sizeof arg, "%s", p.file_error_arg);
  parse_free(&p);
  if (err) {
    unlink(tmp_tsv);
    unlink(tmp_err);
    unlink(tmp_orders);
    if (file_error) {
      nerr_ignore(&err);
      return nerr_pass(upload_refused(r, file_error, arg));
    }
    return nerr_pass(err);
  }
  return nerr_pass(req_redirect(r, "/customers/import/%lld", job));
}

/* --- the form ------------------------------------------------------------------- */

/* The column table of a kind of transaction under prefix.N.{name,zh,required}. */
static NEOERR *kind_cols(HDF *h, const char *prefix, const struct line_kind *lk)
{
  NEOERR *err = STATUS_OK;
  char name[64];
  for (int c = 0; !err && c < lk->ncols; c++) {
    snprintf(name, sizeof name, "%s.%d.name", prefix, c);
    err = hdf_set_value(h, name, lk->cols[c]);
    snprintf(name, sizeof name, "%s.%d.zh", prefix, c);
    if (!err) err = hdf_set_value(h, name, lk->zh[c]);
    snprintf(name, sizeof name, "%s.%d.required", prefix, c);
    if (!err && lk->required[c]) err = hdf_set_value(h, name, "1");
  }
  return nerr_pass(err);
}

NEOERR *customers_import_form(struct req *r)
{
  HDF *h = r->hdf;
  NEOERR *err = hdf_set_value(h, "Page.Section", "customers");
  char name[64];
  for (int i = 0; !err && i < IMPORT_NCOLS; i++) {
    int c = template_order[i];
    snprintf(name, sizeof name, "Import.Cols.%d.name", i);
    err = hdf_set_value(h, name, import_cols[c]);
    snprintf(name, sizeof name, "Import.Cols.%d.zh", i);
    if (!err) err = hdf_set_value(h, name, zh_labels[c]);
    for (size_t f = 0; !err && f < customer_nfields; f++) {
      if (strcmp(customer_fields[f].name, import_cols[c]) != 0) continue;
      snprintf(name, sizeof name, "Import.Cols.%d.required", i);
      if (customer_fields[f].required) err = hdf_set_value(h, name, "1");
    }
  }
  if (!err) err = kind_cols(h, "Import.OrderCols", &order_kind);
  if (!err) err = kind_cols(h, "Import.PayCols", &pay_kind);
  const char *what = req_param(r, "what");
  if (!what || (strcmp(what, "orders") != 0 && strcmp(what, "payments") != 0))
    what = "customers";
  if (!err) err = hdf_set_value(h, "Import.What", what);
  if (!err) err = db_import_regions(h, "Import.Regions");
  if (err) return nerr_pass(err);
  r->template = "customers/import.cs";
  return STATUS_OK;
}

/* --- the preview ------------------------------------------------------------------ */

/* Region, owner and product names for the preview, under
 * Import.RegionName.<id>, Import.OwnerName.<id>, Import.ProductName.<id>. */
static NEOERR *names(struct req *r)
{
  HDF *tmp;
  NEOERR *err = hdf_init(&tmp);
  if (!err) err = db_import_regions(tmp, "R");
  if (!err) err = db_import_owners(tmp, "O");
  if (!err) err = db_import_products(tmp, "P");
  char key[96];
  for (HDF *g = hdf_get_child(tmp, "R"); !err && g; g = hdf_obj_next(g)) {
    snprintf(key, sizeof key, "Import.RegionName.%s", hdf_get_value(g, "id", "0"));
    err = hdf_set_value(r->hdf, key,
                        hdf_get_value(g, strcmp(r->lang, "en") == 0 ? "name_en" : "name_zh", ""));
  }
  for (HDF *o = hdf_get_child(tmp, "O"); !err && o; o = hdf_obj_next(o)) {
    snprintf(key, sizeof key, "Import.OwnerName.%s", hdf_get_value(o, "id", "0"));
    err = hdf_set_value(r->hdf, key, hdf_get_value(o, "display_name", ""));
  }
  for (HDF *q = hdf_get_child(tmp, "P"); !err && q; q = hdf_obj_next(q)) {
    snprintf(key, sizeof key, "Import.ProductName.%s", hdf_get_value(q, "id", "0"));
    err = hdf_set_value(r->hdf, key, hdf_get_value(q, "name", ""));
  }
  hdf_destroy(&tmp);
  return nerr_pass(err);
}

static NEOERR *job_or_404(struct req *r, enum import_entity *kind)
{
  int found;
  NEOERR *err = db_import_job_get(&r->user, r->id, r->hdf, "Job", &found);
  if (err) return nerr_pass(err);
  if (!found) return nerr_pass(app_fail(r, KERR_NOT_FOUND, "ImportNotFound"));
  const char *entity = hdf_get_value(r->hdf, "Job.entity", "");
  *kind = strcmp(entity, "order") == 0     ? IMPORT_ORDERS
          : strcmp(entity, "payment") == 0 ? IMPORT_PAYMENTS
                                           : IMPORT_CUSTOMERS;
  return STATUS_OK;
}

static long count_lines(const char *path)
{
  FILE *f = fopen(path, "r");
  if (!f) return 0;
  long n = 0;
  int c;
  while ((c = getc(f)) != EOF) n += c == '\n';
  fclose(f);
  return n;
}

NEOERR *customers_import_preview(struct req *r)
{
  enum import_entity kind;
  NEOERR *err = job_or_404(r, &kind);
  if (err) return nerr_pass(err);
  HDF *h = r->hdf;
  if ((err = hdf_set_value(h, "Page.Section", "customers"))) return nerr_pass(err);
  const char *state = hdf_get_value(h, "Job.state", "");
  long long total = hdf_get_int_value(h, "Job.total_rows", 0);
  long long bad = hdf_get_int_value(h, "Job.bad_rows", 0);
  if ((err = hdf_set_int_value(h, "Job.good_rows", (int)(total - bad)))) return nerr_pass(err);
  r->template = "customers/import_preview.cs";
  if (strcmp(state, "done") == 0) return STATUS_OK;
  char path[1100];
  if (kind == IMPORT_ORDERS) {
    job_path(path, sizeof path, r->id, "orders");
    if ((err = hdf_set_int_value(h, "Job.orders", (int)count_lines(path)))) return nerr_pass(err);
  }
  job_path(path, sizeof path, r->id, "tsv");
  FILE *f = fopen(path, "r");
  if (!f) return nerr_pass(hdf_set_value(h, "Job.expired", "1"));
  if ((err = names(r))) { fclose(f); return nerr_pass(err); }
  int nf = kind == IMPORT_ORDERS ? LINE_NFIELDS : kind == IMPORT_PAYMENTS ? PAY_NCOLS : IMPORT_NCOLS;
  const char *const *fields = kind == IMPORT_ORDERS     ? line_fields
                              : kind == IMPORT_PAYMENTS ? pay_cols
                                                        : import_cols;
  char *line = NULL, *cells[IMPORT_NCOLS + 2];
  size_t cap = 0;
  char key[96];
  long rownum[PREVIEW_ROWS];
  int nrows = 0;
  for (int i = 0; !err && i < PREVIEW_ROWS && read_line(f, &line, &cap); i++) {
    int n = tsv_split(line, cells, nf + 2);
    if (n != nf + 2) continue;
    rownum[nrows++] = atol(cells[0]);
    snprintf(key, sizeof key, "Rows.%d.row", i);
    err = hdf_set_value(h, key, cells[0]);
    snprintf(key, sizeof key, "Rows.%d.bad", i);
    if (!err && strcmp(cells[nf + 1], "1") == 0) err = hdf_set_value(h, key, "1");
    for (int c = 0; !err && c < nf; c++) {
      if (!*cells[c + 1]) continue;
      snprintf(key, sizeof key, "Rows.%d.%s", i, fields[c]);
      err = hdf_set_value(h, key, cells[c + 1]);
    }
  }
  fclose(f);
  /* Rows shown with an error the spool line does not know of (found in
   * the table after the line was written): the errors are sorted by row,
   * so only their beginning is read. */
  job_path(path, sizeof path, r->id, "err");
  if (!err && nrows && (f = fopen(path, "r"))) {
    int i = 0;
    while (!err && i < nrows && read_line(f, &line, &cap)) {
      long row = atol(line);
      while (i < nrows && rownum[i] < row) i++;
      if (i < nrows && rownum[i] == row) {
        snprintf(key, sizeof key, "Rows.%d.bad", i);
        err = hdf_set_value(h, key, "1");
      }
    }
    fclose(f);
  }
  /* the errors, a page at a time */
  long long nerrors = hdf_get_int_value(h, "Job.errors", 0);
  int page = (int)req_param_int(r, "page", 1, 1, 1000000);
  long long pages = nerrors ? (nerrors + ERRORS_PER_PAGE - 1) / ERRORS_PER_PAGE : 1;
  if (page > pages) page = (int)pages;
  if (!err) err = page_pager(r, nerrors, page, ERRORS_PER_PAGE);
  if (!err && (f = fopen(path, "r"))) {
    long skip = (long)(page - 1) * ERRORS_PER_PAGE, i = 0;
    int k = 0;
    while (!err && k < ERRORS_PER_PAGE && read_line(f, &line, &cap)) {
      if (i++ < skip) continue;
      char *ec[4];
      if (tsv_split(line, ec, 4) != 4) continue;
      static const char *const names4[] = { "row", "field", "value", "message" };
      for (int c = 0; !err && c < 4; c++) {
        snprintf(key, sizeof key, "Errors.%d.%s", k, names4[c]);
        err = hdf_set_value(h, key, ec[c]);
      }
      k++;
    }
    fclose(f);
  }
  free(line);
  return nerr_pass(err);
}

/* --- the commit -------------------------------------------------------------------- */

static void write_progress(long long job, long long done, long long total)
{
  char path[1100], tmp[1200];
  job_path(path, sizeof path, job, "progress");
  snprintf(tmp, sizeof tmp, "%s.%d", path, (int)getpid());
  FILE *f = fopen(tmp, "w");
  if (!f) return;
  fprintf(f, "%lld %lld\n", done, total);
  if (fclose(f) == 0) rename(tmp, path);
  else unlink(tmp);
}

/* Sends every line of a spool file: customers (what = 0), the orders of
 * an order job (1), their lines (2) or payments (3). */
static NEOERR *send_spool(struct req *r, struct customer_import **ci, const char *path,
                          int what, long long total, enum import_outcome *outcome)
{
  FILE *f = fopen(path, "r");
  if (!f) {
    db_customer_import_abort(ci, "Failed");
    return nerr_raise_errno(NERR_IO, "%s", path);
  }
  int nf = what == 0 ? IMPORT_NCOLS + 2 : what == 1 ? 6 : what == 2 ? LINE_NFIELDS + 2
                                                                  : PAY_NCOLS + 2;
  char *line = NULL, *cells[IMPORT_NCOLS + 2];
  size_t cap = 0;
  long long sent = db_customer_import_sent(*ci);
  NEOERR *err = STATUS_OK;
  *outcome = IMPORT_OK;
  while (read_line(f, &line, &cap)) {
    if (tsv_split(line, cells, nf) != nf ||
        (what != 1 && strcmp(cells[nf - 1], "0") != 0)) {
      /* a row with errors cannot be here: the job had none */
      db_customer_import_abort(ci, "Failed");
      err = nerr_raise(NERR_ASSERT, "import %lld: bad spool line", r->id);
      break;
    }
    if (what == 0) {
      err = db_customer_import_row(ci, (const char *const *)cells + 1, outcome);
    } else if (what == 1) {
      err = db_order_import_order(ci, (const char *const *)cells, outcome);
    } else if (what == 3) {
      err = db_payment_import_row(ci, (const char *const *)cells + 1, outcome);
    } else {
      /* order_no, product_id, quantity, unit_price */
      const char *v[4] = { cells[2], cells[9], cells[6], cells[7] };
      err = db_order_import_line(ci, v, outcome);
    }
    if (err || *outcome != IMPORT_OK) break;
    if (db_customer_import_sent(*ci) != sent) {
      sent = db_customer_import_sent(*ci);
      write_progress(r->id, sent, total);
    }
  }
  free(line);
  fclose(f);
  return nerr_pass(err);
}

NEOERR *customers_import_commit(struct req *r)
{
  enum import_entity kind;
  NEOERR *err = job_or_404(r, &kind);
  int orders = kind == IMPORT_ORDERS;
  if (err) return nerr_pass(err);
  long long total = hdf_get_int_value(r->hdf, "Job.total_rows", 0);
  char path[1100], orders_path[1100];
  job_path(path, sizeof path, r->id, "tsv");
  job_path(orders_path, sizeof orders_path, r->id, "orders");
  if (access(path, R_OK) != 0 || (orders && access(orders_path, R_OK) != 0))
    return nerr_pass(req_redirect(r, "/customers/import/%lld", r->id));
  if (orders) total += count_lines(orders_path);
  struct customer_import *ci;
  enum import_outcome outcome;
  err = db_import_begin(&r->user, r->id, kind, &ci, &outcome);
  if (err || outcome != IMPORT_OK) {
    if (err) return nerr_pass(err);
    return nerr_pass(req_redirect(r, "/customers/import/%lld", r->id));
  }
  write_progress(r->id, 0, total);
  if (orders) {
    err = send_spool(r, &ci, orders_path, 1, total, &outcome);
    if (!err && ci && outcome == IMPORT_OK) err = send_spool(r, &ci, path, 2, total, &outcome);
  } else {
    err = send_spool(r, &ci, path, kind == IMPORT_PAYMENTS ? 3 : 0, total, &outcome);
  }
  long long imported = 0;
  if (!err && outcome == IMPORT_OK && ci)
    err = db_customer_import_end(&ci, r->ip, &imported, &outcome);
  if (ci) db_customer_import_abort(&ci, "Failed");
  if (err) return nerr_pass(err);
  if (outcome == IMPORT_OK) {
    write_progress(r->id, total, total);
    unlink(path);
    unlink(orders_path);
    job_path(path, sizeof path, r->id, "err");
    unlink(path);
    if ((err = req_flash(r, "Imported"))) return nerr_pass(err);
  }
  return nerr_pass(req_redirect(r, "/customers/import/%lld", r->id));
}

/* {"done":N,"total":M,"state":"running"} for static/import.js: rows (for
 * an order job: orders and lines) sent so far. */
NEOERR *customers_import_status(struct req *r)
{
  enum import_entity kind;
  NEOERR *err = job_or_404(r, &kind);
  if (err) return nerr_pass(err);
  const char *state = hdf_get_value(r->hdf, "Job.state", "ready");
  long long total = hdf_get_int_value(r->hdf, "Job.total_rows", 0);
  long long done = strcmp(state, "done") == 0 ? total : 0;
  if (strcmp(state, "running") == 0) {
    char path[1100];
    job_path(path, sizeof path, r->id, "progress");
    FILE *f = fopen(path, "r");
    if (f) {
      long long d, t;
      if (fscanf(f, "%lld %lld", &d, &t) == 2) { done = d; total = t; }
      fclose(f);
    }
  }
  char body[160];
  int n = snprintf(body, sizeof body, "{\"done\":%lld,\"total\":%lld,\"state\":\"%s\"}\n",
                   done, total, state);
  if ((err = req_stream(r, "application/json", NULL))) return nerr_pass(err);
  return nerr_pass(req_write(r, body, (size_t)n));
}
