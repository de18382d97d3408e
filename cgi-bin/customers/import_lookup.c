/* What more than one kind of import looks up: owners (a customer's,
 * an order's salesperson), the customers orders and payments name by code,
 * and order numbers. Codes and numbers are gathered while the file is read
 * and looked up in batches at the end: one statement per batch, not one
 * per row. */
#include "customers/import.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

NEOERR *import_refs(struct import_parse *p, NEOERR *(*read)(HDF *hdf, const char *prefix),
                    const char *node, const char *const *fields, struct import_ref **refs,
                    int *n)
{
  NEOERR *err = p->refs ? STATUS_OK : hdf_init(&p->refs);
  if (!err) err = read(p->refs, node);
  if (err) return nerr_pass(err);
  int count = 0;
  for (HDF *h = hdf_get_child(p->refs, node); h; h = hdf_obj_next(h)) count++;
  if (!(*refs = calloc(count ? count : 1, sizeof **refs)))
    return nerr_raise(NERR_NOMEM, "import %s", node);
  *n = 0;
  for (HDF *h = hdf_get_child(p->refs, node); h; h = hdf_obj_next(h), (*n)++)
    for (int f = 0; f < IMPORT_REF_FIELDS && fields[f]; f++)
      (*refs)[*n].v[f] = hdf_get_value(h, fields[f], "");
  return STATUS_OK;
}

NEOERR *import_load_owners(struct import_parse *p)
{
  static const char *const fields[] = { "id", "username", "display_name", NULL };
  return nerr_pass(import_refs(p, db_import_owners, "O", fields, &p->owners, &p->nowners));
}

const char *import_owner_of(struct import_parse *p, const char *v, int *ambiguous)
{
  *ambiguous = 0;
  const struct import_ref *o = p->owners;
  for (int i = 0; i < p->nowners; i++)
    if (strcmp(v, o[i].v[OWNER_ID]) == 0 || strcasecmp(v, o[i].v[OWNER_USERNAME]) == 0)
      return o[i].v[OWNER_ID];
  const char *found = NULL;
  for (int i = 0; i < p->nowners; i++) {
    if (strcmp(v, o[i].v[OWNER_NAME]) != 0) continue;
    if (found) { *ambiguous = 1; return NULL; }
    found = o[i].v[OWNER_ID];
  }
  return found;
}

NEOERR *import_customer_index(struct import_parse *p, long ordinal, const char *code,
                              long *index)
{
  long found;
  NEOERR *err = strmap_put(&p->cust_map, code, p->ncust, &found);
  if (err) return nerr_pass(err);
  if (found >= 0) {
    p->rows[ordinal].cust = *index = found;
    return STATUS_OK;
  }
  struct import_customer *c = import_more(p->custs, p->ncust, &p->cap_cust, sizeof *c);
  if (!c) return nerr_raise(NERR_NOMEM, "customer codes");
  p->custs = c;
  if (!(c[p->ncust].code = strdup(code))) return nerr_raise(NERR_NOMEM, "codes");
  c[p->ncust].id = 0;
  p->rows[ordinal].cust = *index = p->ncust++;
  return STATUS_OK;
}

NEOERR *import_in_batches(struct import_parse *p, long count,
                          NEOERR *(*fn)(struct import_parse *p, long at, int n))
{
  NEOERR *err = STATUS_OK;
  for (long at = 0; !err && at < count; at += IMPORT_CODE_BATCH)
    err = fn(p, at, count - at < IMPORT_CODE_BATCH ? (int)(count - at) : IMPORT_CODE_BATCH);
  return nerr_pass(err);
}

static NEOERR *customer_ids(struct import_parse *p, long at, int n)
{
  const char *codes[IMPORT_CODE_BATCH] = { 0 };
  long long ids[IMPORT_CODE_BATCH];
  for (int i = 0; i < n; i++) codes[i] = p->custs[at + i].code;
  NEOERR *err = db_import_customer_ids(codes, n, ids);
  for (int i = 0; !err && i < n; i++) p->custs[at + i].id = ids[i];
  return nerr_pass(err);
}

NEOERR *import_resolve_customers(struct import_parse *p, int col)
{
  NEOERR *err = import_in_batches(p, p->ncust, customer_ids);
  for (long i = 0; !err && i < p->total; i++) {
    long c = p->rows[i].cust;
    if (c >= 0 && !p->custs[c].id)
      err = import_error(p, i, p->rows[i].row, col, import_msg(p, "UnknownCustomer"),
                         p->custs[c].code);
  }
  return nerr_pass(err);
}

NEOERR *import_order_index(struct import_parse *p, const char *no, long *index, int *is_new)
{
  long found;
  *is_new = 0;
  NEOERR *err = strmap_put(&p->order_map, no, p->norders, &found);
  if (err || found >= 0) { *index = found; return nerr_pass(err); }
  struct import_order *o = import_more(p->order_list, p->norders, &p->cap_orders, sizeof *o);
  if (!o) return nerr_raise(NERR_NOMEM, "orders");
  p->order_list = o;
  o = &p->order_list[p->norders];
  memset(o, 0, sizeof *o);
  snprintf(o->no, sizeof o->no, "%.32s", no);
  *index = p->norders++;
  *is_new = 1;
  return STATUS_OK;
}

void import_order_nos(const struct import_parse *p, long at, int n, const char **nos)
{
  for (int i = 0; i < n; i++) nos[i] = p->order_list[at + i].no;
}

int import_valid_order_no(const char *s)
{
  size_t n = strlen(s);
  if (n == 0 || n > 32) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && !strchr("-_/.", *s)) return 0;
  return 1;
}

void import_lookup_free(struct import_parse *p)
{
  free(p->owners);
  strmap_free(&p->cust_map);
  for (long i = 0; i < p->ncust; i++) free(p->custs[i].code);
  free(p->custs);
  strmap_free(&p->order_map);
  free(p->order_list);
}
