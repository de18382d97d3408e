/* Importing payments (付款): one payment a row, of an existing customer,
 * for one of its orders or none. A row's own checks come first; the
 * customers and the orders named are looked up in batches at the end. */
#include "customers/import.h"
#include "core/clock.h"
#include "core/date_in.h"
#include "core/money_in.h"
#include <stdlib.h>
#include <string.h>

#define PAY_NCOLS 5
static const char *const pay_cols[PAY_NCOLS] = {
  "customer_code", "order_no", "amount", "due_on", "paid_on",
};
static const char *const pay_zh[PAY_NCOLS] = { "客户编号", "订单号", "金额", "应付日期", "付款日期" };
static const char pay_required[PAY_NCOLS] = { 1, 0, 1, 1, 0 };
enum { PC_CUSTOMER, PC_ORDER_NO, PC_AMOUNT, PC_DUE, PC_PAID };

/* A payment that names an order. */
struct pay_order {
  long ordinal, row, cust, order;  /* order: index into order_list */
  char paid[11];
};

struct payments {
  struct pay_order *list;
  long n, cap;
  /* at the end, per order named: its customer (0: none) and date */
  long long *owner;
  char (*ordered)[11];
};

static void end(struct import_parse *p)
{
  struct payments *y = p->own;
  free(y->list);
  free(y->owner);
  free(y->ordered);
}

static NEOERR *note_order(struct import_parse *p, long ordinal, long row, long cust,
                          const char *paid, const char *no)
{
  struct payments *y = p->own;
  struct pay_order *po = import_more(y->list, y->n, &y->cap, sizeof *po);
  if (!po) return nerr_raise(NERR_NOMEM, "payments");
  y->list = po;
  po = &y->list[y->n++];
  po->ordinal = ordinal;
  po->row = row;
  po->cust = cust;
  snprintf(po->paid, sizeof po->paid, "%s", paid);
  int is_new;
  return nerr_pass(import_order_index(p, no, &po->order, &is_new));
}

static NEOERR *payment_row(struct import_parse *p, long row, int ncells, const char *const *cells,
                           const size_t *lens)
{
  struct import_cells c;
  NEOERR *err = import_cells(p, row, ncells, cells, lens, &c);
  if (err) return nerr_pass(err);
  char (*v)[IMPORT_CELL_MAX] = c.v;
  const char **own = c.own;
  char due[11] = "", paid[11] = "", amount[32] = "", now[11];
  if (!own[PC_CUSTOMER] && strlen(v[PC_CUSTOMER]) > 20) own[PC_CUSTOMER] = "UnknownCustomer";
  if (!own[PC_ORDER_NO] && v[PC_ORDER_NO][0] && !import_valid_order_no(v[PC_ORDER_NO]))
    own[PC_ORDER_NO] = "OrderNo";
  long long cents = own[PC_AMOUNT] ? -1 : money_in_cents(v[PC_AMOUNT]);
  if (!own[PC_AMOUNT] && cents <= 0) own[PC_AMOUNT] = "PayAmount";
  if (cents > 0) snprintf(amount, sizeof amount, "%lld.%02lld", cents / 100, cents % 100);
  if (!own[PC_DUE] && !date_in(v[PC_DUE], due)) own[PC_DUE] = "Date";
  if (!own[PC_PAID] && v[PC_PAID][0]) {
    /* today in China, the database's clock (conf/my.cnf.in: +08:00): no
     * payment is made later */
    china_format("%Y-%m-%d", now, sizeof now);
    if (!date_in(v[PC_PAID], paid)) own[PC_PAID] = "Date";
    else if (strcmp(paid, now) > 0) own[PC_PAID] = "PaidFuture";
  }
  long cust = -1;
  if (!own[PC_CUSTOMER] && (err = import_customer_index(p, c.ordinal, v[PC_CUSTOMER], &cust)))
    return nerr_pass(err);
  if (!own[PC_ORDER_NO] && v[PC_ORDER_NO][0] &&
      (err = note_order(p, c.ordinal, row, cust, paid, v[PC_ORDER_NO])))
    return nerr_pass(err);
  const char *out[PAY_NCOLS] = { v[PC_CUSTOMER], v[PC_ORDER_NO], amount, due, paid };
  return nerr_pass(import_cells_done(p, row, &c, out));
}

static NEOERR *order_owners(struct import_parse *p, long at, int n)
{
  struct payments *y = p->own;
  const char *nos[IMPORT_CODE_BATCH];
  import_order_nos(p, at, n, nos);
  return nerr_pass(db_import_order_owners(nos, n, y->owner + at, y->ordered + at));
}

/* After the last payment: customers by code, then the orders named: they
 * must exist, be the customer's, and not be younger than the payment. */
static NEOERR *finish(struct import_parse *p, const char *extra_path)
{
  (void)extra_path;
  struct payments *y = p->own;
  NEOERR *err = import_resolve_customers(p, PC_CUSTOMER);
  y->owner = calloc(p->norders ? p->norders : 1, sizeof *y->owner);
  y->ordered = calloc(p->norders ? p->norders : 1, sizeof *y->ordered);
  if (!err && (!y->owner || !y->ordered)) err = nerr_raise(NERR_NOMEM, "payments");
  if (!err) err = import_in_batches(p, p->norders, order_owners);
  for (long i = 0; !err && i < y->n; i++) {
    const struct pay_order *po = &y->list[i];
    long long cust = po->cust >= 0 ? p->custs[po->cust].id : 0, owner = y->owner[po->order];
    const char *key = !owner                          ? "UnknownOrder"
                      : cust && owner != cust          ? "OrderOtherCustomer"
                      : po->paid[0] && strcmp(po->paid, y->ordered[po->order]) < 0
                          ? "PaidBeforeOrder"
                          : NULL;
    if (!key) continue;
    int paid_col = strcmp(key, "PaidBeforeOrder") == 0;
    err = import_error(p, po->ordinal, po->row, paid_col ? PC_PAID : PC_ORDER_NO,
                       import_msg(p, key), paid_col ? po->paid : p->order_list[po->order].no);
  }
  return nerr_pass(err);
}

static NEOERR *send(struct customer_import **ci, char **cells, enum import_outcome *outcome)
{
  return nerr_pass(db_payment_import_row(ci, (const char *const *)cells + 1, outcome));
}

static NEOERR *form_cols(HDF *h)
{
  return nerr_pass(import_kind_cols(h, &import_payments, "Import.PayCols"));
}

const struct import_kind import_payments = {
  .what = "payments", .entity = "payment", .id = IMPORT_PAYMENTS,
  .ncols = PAY_NCOLS, .cols = pay_cols, .zh = pay_zh, .required = pay_required,
  .node = "PayCol", .nspool = PAY_NCOLS, .spool = pay_cols,
  .sends = { { "tsv", PAY_NCOLS + 2, 1, send } }, .nsends = 1,
  .own_size = sizeof(struct payments),
  .form_cols = form_cols, .check_header = import_required_columns,
  .row = payment_row, .finish = finish, .end = end,
};
