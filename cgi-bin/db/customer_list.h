#ifndef KEHU_DB_CUSTOMER_LIST_H
#define KEHU_DB_CUSTOMER_LIST_H
/* The customer list: search, filters, sorting, pages, export. */
#include "core/req.h"

struct customer_filter {
  const char *q;             /* name fragment, code, phone, or key person */
  unsigned region_id;        /* 0: any */
  const char *kind;          /* NULL/"": any */
  int page, per;
};

/* Rows under Customers.N, the total count in *total. */
NEOERR *db_customer_list(const struct user *u, const struct customer_filter *f,
                         HDF *hdf, long long *total);
#endif
