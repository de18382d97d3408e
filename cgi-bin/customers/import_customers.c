/* Importing customers: each row's labels become stored values (经销商 ->
 * dealer, 华东 -> its region id, an owner's name -> the user id) and the
 * row goes through customer_validate, the rules of the edit form. Codes
 * must be unique in the file and not yet taken in the table. */
#include "customers/import.h"
#include "customers/fields.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The file's header names a column by its Chinese label (the template's
 * header), its English label, or the column name. Index = import_cols[]. */
static const char *const zh_labels[IMPORT_NCOLS] = {
  "编号", "名称", "类型", "区域", "负责人", "生命周期", "忠诚度", "非客户类型",
  "地址", "城市", "邮政编码", "电话", "传真", "电子邮箱", "成立年份", "销售人员",
  "配送能力", "仓储能力", "信用额度", "历史沿革", "组织结构", "经营目标与方向",
  "客户规模",
};
/* The template's column order. */
static const int template_order[IMPORT_NCOLS] = {
  1, 0, 2, 3, 4, 5, 22, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 6, 7, 19, 20, 21,
};
enum { COL_CODE = 0, COL_NAME = 1, COL_KIND = 2, COL_REGION = 3, COL_OWNER = 4,
       COL_LIFECYCLE = 5, COL_LOYALTY = 6, COL_NON_CUSTOMER = 7, COL_SIZE = 22 };

/* Choice columns: the labels under L.<node> (both languages) map to the
 * stored values. */
static const struct { int col; const char *node; } choice_nodes[] = {
  { COL_KIND, "L.Kind" },
  { COL_LIFECYCLE, "L.Lifecycle" },
  { COL_LOYALTY, "L.Loyalty" },
  { COL_NON_CUSTOMER, "L.NonCustomer" },
  { COL_SIZE, "L.SizeClass" },
};

struct pending_code {
  long ordinal;
  long row;
  char code[21];
};

static const char *const region_fields[] = { "id", "code", "name_zh", "name_en", NULL };
enum { REGION_ID, REGION_CODE, REGION_ZH, REGION_EN };

struct customers {
  struct strmap codes;            /* seen in the file -> row */
  struct pending_code pending[IMPORT_CODE_BATCH];   /* waiting for the table's check */
  int npending;
  HDF *values, *errs;
};

static int col_index(const char *name)
{
  for (int i = 0; i < IMPORT_NCOLS; i++)
    if (strcmp(import_cols[i], name) == 0) return i;
  return -1;
}

static void end(struct import_parse *p)
{
  struct customers *c = p->own;
  strmap_free(&c->codes);
  hdf_destroy(&c->values);
  hdf_destroy(&c->errs);
}

/* The region id for an id, code, Chinese or English name; NULL if none. */
static const char *region_of(const struct import_parse *p, const char *v)
{
  for (int i = 0; i < p->ntable; i++) {
    const char *const *g = p->table[i].v;
    if (strcmp(v, g[REGION_ID]) == 0 || strcmp(v, g[REGION_ZH]) == 0 ||
        strcasecmp(v, g[REGION_CODE]) == 0 || strcasecmp(v, g[REGION_EN]) == 0)
      return g[REGION_ID];
  }
  /* "华东区" / "华东地区" name the same region */
  for (int i = 0; i < p->ntable; i++) {
    const char *const *g = p->table[i].v;
    size_t n = strlen(g[REGION_ZH]);
    if (n && strncmp(v, g[REGION_ZH], n) == 0 &&
        (strcmp(v + n, "区") == 0 || strcmp(v + n, "地区") == 0))
      return g[REGION_ID];
  }
  return NULL;
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

static NEOERR *check_pending_codes(struct import_parse *p)
{
  struct customers *c = p->own;
  if (!c->npending) return STATUS_OK;
  const char *codes[IMPORT_CODE_BATCH];
  char taken[IMPORT_CODE_BATCH];
  for (int i = 0; i < c->npending; i++) codes[i] = c->pending[i].code;
  NEOERR *err = db_import_codes_taken(codes, c->npending, taken);
  for (int i = 0; !err && i < c->npending; i++)
    if (taken[i])
      err = import_error(p, c->pending[i].ordinal, c->pending[i].row, COL_CODE,
                         import_msg(p, "CodeTaken"), c->pending[i].code);
  c->npending = 0;
  return nerr_pass(err);
}

static NEOERR *finish(struct import_parse *p, const char *extra_path)
{
  (void)extra_path;
  return nerr_pass(check_pending_codes(p));
}

static NEOERR *check_header(struct import_parse *p, const int *seen)
{
  if (!seen[COL_NAME]) return import_file_fail(p, "NoNameColumn", NULL);
  for (size_t i = 0; i < customer_nfields; i++) {
    int c = col_index(customer_fields[i].name);
    if (customer_fields[i].required && c >= 0 && !seen[c])
      return import_file_fail(p, "MissingColumn", zh_labels[c]);
  }
  return STATUS_OK;
}

/* A label (region, owner, choice) as its stored value; *own the error. */
static const char *stored(struct import_parse *p, int col, const char *v, char *buf,
                          size_t n, const char **own)
{
  v = customer_field_trimmed(v, buf, n);
  if (!*v) return v;   /* empty: customer_validate says whether that is allowed */
  if (col == COL_REGION) {
    const char *id = region_of(p, v);
    if (!id) *own = "UnknownRegion";
    return id ? id : "";
  }
  if (col == COL_OWNER) {
    int ambiguous;
    const char *id = import_owner_of(p, v, &ambiguous);
    if (!id) *own = ambiguous ? "AmbiguousOwner" : "UnknownOwner";
    return id ? id : "";
  }
  const char *choice = choice_of(col, v);
  return choice ? choice : v;
}

/* Codes: unique within the file, and not yet in the table (checked in
 * batches). */
static NEOERR *check_code(struct import_parse *p, long ordinal, long row, const char *code)
{
  struct customers *c = p->own;
  long first;
  NEOERR *err = strmap_put(&c->codes, code, row, &first);
  if (err) return nerr_pass(err);
  if (first >= 0)
    return nerr_pass(import_error_first(p, ordinal, row, COL_CODE, "DuplicateCode", first, code));
  struct pending_code *pc = &c->pending[c->npending++];
  pc->ordinal = ordinal;
  pc->row = row;
  snprintf(pc->code, sizeof pc->code, "%s", code);
  if (c->npending == IMPORT_CODE_BATCH) return nerr_pass(check_pending_codes(p));
  return STATUS_OK;
}

static NEOERR *customer_row(struct import_parse *p, long row, int ncells,
                            const char *const *cells, const size_t *lens)
{
  struct customers *c = p->own;
  long ordinal = 0;
  NEOERR *err = import_next_row(p, row, &ordinal);
  if (err) return nerr_pass(err);
  hdf_destroy(&c->values);
  hdf_destroy(&c->errs);
  if ((err = hdf_init(&c->values)) || (err = hdf_init(&c->errs))) return nerr_pass(err);
  /* what the file says, per column; own errors first */
  const char *own[IMPORT_NCOLS] = { 0 };
  const char *raw[IMPORT_NCOLS] = { 0 };
  char buf[256];
  for (int i = 0; i < ncells && i < p->ncols_file; i++) {
    int col = p->map[i];
    if (col < 0) continue;
    raw[col] = cells[i];
    if (!utf8_valid(cells[i], lens[i])) {
      own[col] = "BadChars";
      continue;
    }
    const char *v = cells[i];
    if (col == COL_REGION || col == COL_OWNER || col == COL_KIND ||
        (col >= COL_LIFECYCLE && col <= COL_NON_CUSTOMER) || col == COL_SIZE)
      v = stored(p, col, v, buf, sizeof buf, &own[col]);
    if ((err = hdf_set_value(c->values, import_cols[col], v))) return nerr_pass(err);
  }
  int bad;
  if ((err = customer_validate(c->values, p->r->lang, c->errs, &bad))) return nerr_pass(err);
  for (int col = 0; col < IMPORT_NCOLS; col++) {
    const char *m = own[col] ? import_msg(p, own[col])
                             : hdf_get_value(c->errs, import_cols[col], NULL);
    if (m && (err = import_error(p, ordinal, row, col, m, raw[col] ? raw[col] : "")))
      return nerr_pass(err);
  }
  const char *code = hdf_get_value(c->values, "code", "");
  if (*code && !own[COL_CODE] && !hdf_get_value(c->errs, "code", NULL) &&
      (err = check_code(p, ordinal, row, code)))
    return nerr_pass(err);
  /* codes taken in the table are known later; the preview marks by the
   * errors */
  const char *values[IMPORT_NCOLS];
  for (int col = 0; col < IMPORT_NCOLS; col++)
    values[col] = hdf_get_value(c->values, import_cols[col], "");
  import_spool_row(p, ordinal, row, values);
  return STATUS_OK;
}

static NEOERR *form_cols(HDF *h)
{
  NEOERR *err = STATUS_OK;
  char name[64];
  for (int i = 0; !err && i < IMPORT_NCOLS; i++) {
    int c = template_order[i];
    snprintf(name, sizeof name, "Import.Cols.%d.name", i);
    err = hdf_set_value(h, name, import_cols[c]);
    snprintf(name, sizeof name, "Import.Cols.%d.zh", i);
    if (!err) err = hdf_set_value(h, name, zh_labels[c]);
    const struct customer_field *f = customer_field_find(import_cols[c]);
    snprintf(name, sizeof name, "Import.Cols.%d.required", i);
    if (!err && f && f->required) err = hdf_set_value(h, name, "1");
  }
  return nerr_pass(err);
}

static NEOERR *send(struct customer_import **ci, char **cells, enum import_outcome *outcome)
{
  return nerr_pass(db_customer_import_row(ci, (const char *const *)cells + 1, outcome));
}

const struct import_kind import_customers = {
  .what = "customers", .entity = "customer", .id = IMPORT_CUSTOMERS,
  .ncols = IMPORT_NCOLS, .cols = import_cols, .zh = zh_labels, .node = "Col",
  .nspool = IMPORT_NCOLS, .spool = import_cols,
  .sends = { { "tsv", IMPORT_NCOLS + 2, 1, send } }, .nsends = 1,
  .owners = 1, .table_read = db_import_regions, .table_fields = region_fields,
  .own_size = sizeof(struct customers),
  .form_cols = form_cols, .check_header = check_header, .row = customer_row,
  .finish = finish, .end = end,
};
