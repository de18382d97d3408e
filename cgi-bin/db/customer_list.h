#ifndef KEHU_DB_CUSTOMER_LIST_H
#define KEHU_DB_CUSTOMER_LIST_H
/* The customer list: search, filters, sorting, pages, export; and the
 * Mroonga search table maintained in step with customers.name. */
#include "core/req.h"

/* Sort keys, a whitelist: the handler maps the user's word to one of these
 * and only fixed SQL fragments ever reach the query. */
enum customer_sort {
  SORT_NEWEST = 0,           /* id, the default */
  SORT_CODE, SORT_NAME, SORT_REGION, SORT_LIFECYCLE, SORT_CLASS, SORT_PURCHASE,
  SORT_COUNT
};

struct customer_filter {
  const char *q;             /* name fragment, code prefix, phone prefix, key person */
  unsigned region_id;        /* 0: any */
  const char *kind;          /* NULL/"": any; else a whitelisted enum value */
  const char *stage;         /* lifecycle enum value or NULL */
  const char *abc;           /* "A", "B", "C" or NULL */
  unsigned owner_id;         /* 0: any */
  const char *city;          /* exact, NULL/"": any */
  const char *postal;        /* postal code prefix (digits), NULL/"": any */
  int archived;              /* 1: archived customers too (never merged ones) */
  int over_limit;            /* 1: only those whose open balance is over their credit limit */
  /* Issue 17 (db/customer_plan_analysis.c): columns of customers ... */
  const char *size;          /* customers.size_class value or NULL */
  const char *loyalty;       /* loyal | switcher | none, or NULL */
  const char *noncust;       /* quasi | refusing | unexplored, or NULL */
  /* ... what the analysis batch stored (customer_analysis) ... */
  int sleep;                 /* 0: any; 2-4 that sleep_state; CUSTOMER_SLEEP_ANY: 2-4 */
  int rfm;                   /* 0: any; 1-8 that rfm_segment */
  int watch;                 /* 0: any; CUSTOMER_WATCH_ANY: score > 0; else a SIGNAL_* flag */
  /* ... and the orders: an order (not cancelled) in [from, to], of that
   * product or category when given */
  unsigned bought_product, bought_category;
  const char *bought_from, *bought_to;   /* YYYY-MM-DD, NULL/"": open */
  enum customer_sort sort;
  int desc;
  int page, per;
};

#define CUSTOMER_SLEEP_ANY 5
#define CUSTOMER_WATCH_ANY 0x100

/* Counting stops here: the page says "10,000+" rather than paying for an
 * exact COUNT(*) over a million rows. */
#define CUSTOMER_COUNT_CAP 10000

/* Rows of the page under Customers.N. *total is the number of matching
 * customers, exact up to CUSTOMER_COUNT_CAP; *capped is 1 when there are
 * more. *more is 1 when a row exists after this page. */
NEOERR *db_customer_list(const struct user *u, const struct customer_filter *f,
                         HDF *hdf, long long *total, int *capped, int *more);

/* Every matching customer for an export, newest first, fetched 1,000 at a
 * time (keyset on id), so memory stays flat however many rows match.
 * row() gets the columns in this order, NULL for SQL NULL:
 *   code, name, kind, region_zh, region_en, city, postal_code, address,
 *   phone, owner, lifecycle, abc_class, last_purchase_on, credit_limit
 * The strings are valid during the call only; a non-OK return stops. */
#define CUSTOMER_EXPORT_COLS 14
typedef NEOERR *(*customer_row_fn)(void *ctx, const char *const *cols);
NEOERR *db_customer_export(const struct user *u, const struct customer_filter *f,
                           customer_row_fn row, void *ctx);

/* The product categories of the bought_category filter, under
 * prefix.N.{id,name_zh,name_en} (kept a minute). */
NEOERR *db_customer_list_categories(HDF *hdf, const char *prefix);

/* The salespeople a list can be filtered by, under prefix.N.{id,name}. */
NEOERR *db_customer_list_owners(HDF *hdf, const char *prefix);

/* The Mroonga side table customer_search (not transactional): call after
 * the InnoDB commit of a create, rename or merge. scripts/reindex.sql
 * rebuilds it after bulk loads. */
NEOERR *db_customer_search_put(unsigned long long id, const char *name);
NEOERR *db_customer_search_drop(unsigned long long id);

/* The InnoDB name bigrams customer_bigrams (schema/006): call inside the
 * transaction that creates, renames or merges away the customer, so a
 * search sees the new name as soon as it is committed. */
NEOERR *db_customer_bigrams_put(unsigned long long id, const char *name);
NEOERR *db_customer_bigrams_drop(unsigned long long id);

/* Mroonga boolean-mode query for "contains this text": +"text" with the
 * phrase's " and \ escaped. Returns 0 when out is too small. */
int customer_search_query(char *out, size_t n, const char *text);
#endif
