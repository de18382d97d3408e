#ifndef KEHU_DB_ORDER_WRITE_H
#define KEHU_DB_ORDER_WRITE_H
/* Entering, changing, delivering and cancelling orders (db/order.h says
 * how they are scoped). */
#include "db/order.h"

/* One line as validated text: product id, quantity, unit price ("" for the
 * product's list price), discount in per cent ("" for none). */
struct order_line_in {
  const char *product_id, *quantity, *unit_price, *discount;
};

struct order_in {
  const char *ordered_on, *expected_on, *note;
  const char *credit_reason;   /* a leader's reason to go over the limit, or "" */
  int may_confirm;             /* the user may confirm over the limit (leader, admin) */
  int nlines;
  struct order_line_in lines[ORDER_MAX_LINES];
};

enum order_outcome {
  ORDER_OK,
  ORDER_NOT_FOUND,       /* no such order of a visible customer */
  ORDER_BAD_PRODUCT,     /* line bad_line names a retired or unknown product */
  ORDER_OVER_LIMIT,      /* the new balance is over the credit limit, not confirmed */
  ORDER_CONFLICT,        /* someone changed the order since `version` */
  ORDER_NOT_OPEN,        /* no longer 'ordered': lines, delivery, cancelling are closed */
  ORDER_PAID,            /* part of its due item is paid */
  ORDER_BAD_DATE,        /* delivered before it was ordered */
};

struct order_result {
  enum order_outcome outcome;
  int bad_line;
  long long order_id;
  /* ORDER_OVER_LIMIT: the figures of the warning, as the database gave them */
  char limit[32], balance[32], new_balance[32];
};

NEOERR *db_order_create(const struct user *u, const char *ip, long long customer_id,
                        const struct order_in *in, struct order_result *res);
/* New lines (and dates, note) for an order still 'ordered' at `version`. */
NEOERR *db_order_update(const struct user *u, const char *ip, long long customer_id,
                        long long order_id, long long version, const struct order_in *in,
                        struct order_result *res);
/* Delivers (value: the delivery date) or, with `cancelling`, cancels
 * (value: the reason): its unpaid due item goes, a partly paid one
 * refuses (ORDER_PAID). Either needs the order still 'ordered'. */
NEOERR *db_order_step(const struct user *u, const char *ip, long long customer_id,
                      long long order_id, long long version, int cancelling, const char *value,
                      struct order_result *res);
#endif
