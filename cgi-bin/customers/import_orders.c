/* Importing transactions (交易记录): one order line a row; lines with the
 * same order number make one order, and must agree on its customer, dates
 * and salesperson. The customers (by code) and the order numbers already
 * taken are looked up in batches after the last line; the orders then go
 * to a spool of their own (<job>.orders), sent before the lines. */
#include "customers/import.h"
#include "core/date_in.h"
#include "core/i18n.h"
#include "core/money_in.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
/* The lines spool: the columns, then what they were resolved to. */
#define LINE_NFIELDS 11
static const char *const line_fields[LINE_NFIELDS] = {
  "customer_code", "order_no", "ordered_on", "delivered_on", "product_code", "quantity",
  "unit_price", "salesperson", "product_id", "salesperson_id", "amount",
};
#define MAX_CENTS 100000000000000LL   /* DECIMAL(14,2), an order's total, holds less */

static const char *const product_fields[] = { "id", "code", "name", "list_price", NULL };
enum { PRODUCT_ID, PRODUCT_CODE, PRODUCT_NAME, PRODUCT_PRICE };

/* A product by code, else by name. */
static const char *const *product_of(const struct import_parse *p, const char *v)
{
  for (int i = 0; i < p->ntable; i++)
    if (strcasecmp(v, p->table[i].v[PRODUCT_CODE]) == 0) return p->table[i].v;
  for (int i = 0; i < p->ntable; i++)
    if (strcmp(v, p->table[i].v[PRODUCT_NAME]) == 0) return p->table[i].v;
  return NULL;
}

/* A line's values, checked and resolved. */
struct line {
  char ordered[11], delivered[11], price[32], amount[32];
  const char *product_id, *sales_id;
  long long line_cents;
};

static void check_line(struct import_parse *p, char (*v)[IMPORT_CELL_MAX], const char **own,
                       struct line *l)
{
  memset(l, 0, sizeof *l);
  l->product_id = l->sales_id = "";
  l->line_cents = -1;
  long long qty = 0, cents = -1;
  if (!own[OC_ORDER_NO] && !import_valid_order_no(v[OC_ORDER_NO])) own[OC_ORDER_NO] = "OrderNo";
  if (!own[OC_CUSTOMER] && strlen(v[OC_CUSTOMER]) > 20) own[OC_CUSTOMER] = "UnknownCustomer";
  if (!own[OC_ORDERED] && !date_in(v[OC_ORDERED], l->ordered)) own[OC_ORDERED] = "Date";
  if (!own[OC_DELIVERED] && v[OC_DELIVERED][0]) {
    if (!date_in(v[OC_DELIVERED], l->delivered)) own[OC_DELIVERED] = "Date";
    else if (l->ordered[0] && strcmp(l->delivered, l->ordered) < 0)
      own[OC_DELIVERED] = "DeliveredBefore";
  }
  const char *const *prod = NULL;
  if (!own[OC_PRODUCT] && !(prod = product_of(p, v[OC_PRODUCT])))
    own[OC_PRODUCT] = "UnknownProduct";
  if (prod) l->product_id = prod[PRODUCT_ID];
  if (!own[OC_QTY]) {
    char *end;
    qty = strtoll(v[OC_QTY], &end, 10);
    if (*end || qty < 1 || qty > 9999999 || !isdigit((unsigned char)v[OC_QTY][0]))
      own[OC_QTY] = "Quantity";
  }
  if (!own[OC_PRICE]) {
    const char *pv = v[OC_PRICE][0] ? v[OC_PRICE] : prod ? prod[PRODUCT_PRICE] : "";
    if (*pv && (cents = money_in_cents(pv)) < 0) own[OC_PRICE] = "Amount";
    else snprintf(l->price, sizeof l->price, "%.31s", pv);
  }
  if (!own[OC_SALES] && v[OC_SALES][0]) {
    int ambiguous;
    l->sales_id = import_owner_of(p, v[OC_SALES], &ambiguous);
    if (!l->sales_id) {
      l->sales_id = "";
      own[OC_SALES] = ambiguous ? "AmbiguousOwner" : "UnknownOwner";
    }
  }
  if (cents >= 0 && qty > 0) {
    if (cents > 0 && qty > (MAX_CENTS - 1) / cents) own[OC_QTY] = "TooMuch";
    else l->line_cents = qty * cents;
  }
  if (l->line_cents >= 0)
    snprintf(l->amount, sizeof l->amount, "%lld.%02lld", l->line_cents / 100,
             l->line_cents % 100);
}

/* The line's order: new, or one it must agree with. */
static NEOERR *add_to_order(struct import_parse *p, long row, struct import_cells *c, long cust,
                            const struct line *l)
{
  long at, ordinal = c->ordinal;
  int is_new;
  NEOERR *err = import_order_index(p, c->v[OC_ORDER_NO], &at, &is_new);
  if (err) return nerr_pass(err);
  struct import_order *o = &p->order_list[at];
  if (is_new) {
    o->cust = cust;
    snprintf(o->ordered, sizeof o->ordered, "%s", l->ordered);
    snprintf(o->delivered, sizeof o->delivered, "%s", l->delivered);
    snprintf(o->sales, sizeof o->sales, "%s", l->sales_id);
    o->first_row = row;
    o->first_ordinal = ordinal;
    o->cents = l->line_cents > 0 ? l->line_cents : 0;
    return STATUS_OK;
  }
  if (o->cust != cust || strcmp(o->ordered, l->ordered) != 0 ||
      strcmp(o->delivered, l->delivered) != 0 || strcmp(o->sales, l->sales_id) != 0) {
    err = import_error_first(p, ordinal, row, OC_ORDER_NO, "OrderMismatch", o->first_row,
                             c->raw[OC_ORDER_NO]);
    if (err) return nerr_pass(err);
  }
  if (l->line_cents > 0) {
    if (o->cents > MAX_CENTS - 1 - l->line_cents) c->own[OC_QTY] = "TooMuch";
    else o->cents += l->line_cents;
  }
  return STATUS_OK;
}

static NEOERR *order_row(struct import_parse *p, long row, int ncells, const char *const *cells,
                         const size_t *lens)
{
  struct import_cells c;
  NEOERR *err = import_cells(p, row, ncells, cells, lens, &c);
  if (err) return nerr_pass(err);
  struct line l;
  check_line(p, c.v, c.own, &l);
  /* the customer (resolved in batches at the end) and the order */
  long cust = -1;
  if (!c.own[OC_CUSTOMER] &&
      (err = import_customer_index(p, c.ordinal, c.v[OC_CUSTOMER], &cust)))
    return nerr_pass(err);
  if (!c.own[OC_ORDER_NO] && (err = add_to_order(p, row, &c, cust, &l))) return nerr_pass(err);
  const char *out[LINE_NFIELDS] = {
    c.v[OC_CUSTOMER], c.v[OC_ORDER_NO], l.ordered, l.delivered, c.v[OC_PRODUCT], c.v[OC_QTY],
    l.price, c.v[OC_SALES], l.product_id, l.sales_id, l.amount,
  };
  return nerr_pass(import_cells_done(p, row, &c, out));
}

static NEOERR *orders_taken(struct import_parse *p, long at, int n)
{
  const char *nos[IMPORT_CODE_BATCH];
  char taken[IMPORT_CODE_BATCH];
  import_order_nos(p, at, n, nos);
  NEOERR *err = db_import_orders_taken(nos, n, taken);
  for (int i = 0; !err && i < n; i++)
    if (taken[i])
      err = import_error(p, p->order_list[at + i].first_ordinal, p->order_list[at + i].first_row,
                         OC_ORDER_NO, import_msg(p, "OrderTaken"), nos[i]);
  return nerr_pass(err);
}

/* After the last line: customers by code and order numbers in the table;
 * then the orders spool. */
static NEOERR *finish(struct import_parse *p, const char *orders_path)
{
  NEOERR *err = import_resolve_customers(p, OC_CUSTOMER);
  if (!err) err = import_in_batches(p, p->norders, orders_taken);
  if (err) return nerr_pass(err);
  FILE *f = fopen(orders_path, "w");
  if (!f) return nerr_raise_errno(NERR_IO, "%s", orders_path);
  for (long i = 0; i < p->norders; i++) {
    const struct import_order *o = &p->order_list[i];
    long long id = o->cust >= 0 ? p->custs[o->cust].id : 0;
    fputs(o->no, f);
    fprintf(f, "\t%lld\t%s\t%s\t%s\t%lld.%02lld\n", id, o->sales, o->ordered, o->delivered,
            o->cents / 100, o->cents % 100);
  }
  if (fclose(f) != 0) return nerr_raise_errno(NERR_IO, "%s", orders_path);
  return STATUS_OK;
}

static NEOERR *send_order(struct customer_import **ci, char **cells, enum import_outcome *outcome)
{
  return nerr_pass(db_order_import_order(ci, (const char *const *)cells, outcome));
}

static NEOERR *send_line(struct customer_import **ci, char **cells, enum import_outcome *outcome)
{
  /* order_no, product_id, quantity, unit_price */
  const char *v[4] = { cells[2], cells[9], cells[6], cells[7] };
  return nerr_pass(db_order_import_line(ci, v, outcome));
}

static NEOERR *form_cols(HDF *h)
{
  return nerr_pass(import_kind_cols(h, &import_orders, "Import.OrderCols"));
}

const struct import_kind import_orders = {
  .what = "orders", .entity = "order", .id = IMPORT_ORDERS,
  .ncols = ORDER_NCOLS, .cols = order_cols, .zh = order_zh, .required = order_required,
  .node = "OrderCol", .nspool = LINE_NFIELDS, .spool = line_fields, .extra = "orders",
  .sends = { { "orders", 6, 0, send_order }, { "tsv", LINE_NFIELDS + 2, 1, send_line } },
  .nsends = 2,
  .owners = 1, .table_read = db_import_products, .table_fields = product_fields,
  .form_cols = form_cols, .check_header = import_required_columns,
  .row = order_row, .finish = finish,
};
