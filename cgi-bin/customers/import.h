#ifndef KEHU_CUSTOMERS_IMPORT_H
#define KEHU_CUSTOMERS_IMPORT_H
/* The importer's parts. import.c is the job: the upload (read, decode,
 * header, rows, errors, spool files), the preview, the commit and its
 * progress. Each kind of row has its file: import_customers.c,
 * import_orders.c, import_payments.c; import_lookup.c holds what more than
 * one kind looks up (owners, customers by code, order numbers).
 *
 * A parsed row waits in $KEHU_VAR/imports/<job>.tsv as its row number, the
 * kind's spool fields and 1 when it has errors; the errors in <job>.err,
 * until the uploader commits them (or a day passes). */
#include "core/app.h"
#include "core/strmap.h"
#include "db/customer_import.h"
#include <stdio.h>

#define IMPORT_MAX_COLS IMPORT_NCOLS   /* the widest kind */

struct import_parse;

/* A spool file the commit sends: its extension, fields a line, whether a
 * line starts with the row number and ends with the error flag, and what
 * sends one line. */
struct import_spool {
  const char *ext;
  int nfields;
  int row_lines;
  NEOERR *(*send)(struct customer_import **ci, char **cells, enum import_outcome *outcome);
};

/* A kind of row: its columns (name, Chinese label, required mark,
 * language node L.Import.<node>.<name>) and steps. */
struct import_kind {
  const char *what;                /* the form's ?what= */
  const char *entity;              /* import_jobs.entity */
  enum import_entity id;
  int ncols;
  const char *const *cols, *const *zh;
  const char *required;            /* NULL: the field table's rules (customers) */
  const char *node;
  int nspool;                      /* the .tsv line's fields between row and flag */
  const char *const *spool;        /* their names, Rows.N.<name> in the preview */
  const char *extra;               /* a second spool (orders), counted apart */
  struct import_spool sends[2];    /* in the order the commit sends them */
  int nsends;
  int owners;                      /* looks labels up among owners */
  /* the table it looks labels up in (regions, products) and its fields */
  NEOERR *(*table_read)(HDF *hdf, const char *prefix);
  const char *const *table_fields;
  size_t own_size;                 /* its state while a file is read (p->own); 0: none */
  NEOERR *(*form_cols)(HDF *h);    /* the form's column table */
  /* the columns found (seen[c]): a file error when one it needs is missing */
  NEOERR *(*check_header)(struct import_parse *p, const int *seen);
  /* one data row: its checks, its errors, its spool line */
  NEOERR *(*row)(struct import_parse *p, long row, int ncells, const char *const *cells,
                 const size_t *lens);
  /* after the last row: the checks against the tables, done in batches,
   * and the extra spool (extra_path) */
  NEOERR *(*finish)(struct import_parse *p, const char *extra_path);
  void (*end)(struct import_parse *p);   /* frees what own points at */
};

extern const struct import_kind import_customers, import_orders, import_payments;

struct import_error {
  long row;
  int col;
  long seq;
  char *msg;
  char *value;
};

/* A row of a reference table (owners, regions, products) as read: its
 * fields in the order the kind named them. */
#define IMPORT_REF_FIELDS 4
struct import_ref { const char *v[IMPORT_REF_FIELDS]; };
enum { OWNER_ID, OWNER_USERNAME, OWNER_NAME };

/* A data row: its number in the file, its customer (an index into the
 * customer codes, -1; orders and payments), whether it has errors. */
struct import_row {
  long row, cust;
  char bad;
};

/* A customer code an order or payment names, and its customer's id (0:
 * none, once looked up). */
struct import_customer {
  char *code;
  long long id;
};

/* An order number of the file (orders) or named by a payment. */
struct import_order {
  char no[33];
  long cust;                       /* index into the customer codes */
  char ordered[11], delivered[11], sales[16];
  long long cents;
  long first_row, first_ordinal;
};

struct import_parse {
  struct req *r;
  const struct import_kind *kind;
  HDF *refs;                       /* owners, regions, products as read */
  struct import_ref *owners;
  int nowners;
  struct import_ref *table;        /* the kind's table_read */
  int ntable;
  int header_done;
  int ncols_file;
  int *map;                        /* file column -> kind column, -1 */
  const char *file_error;          /* a language key under L.Import.Error */
  char file_error_arg[512];
  long total;                      /* data rows */
  struct import_row *rows;
  long cap_rows;
  struct import_error *errors;
  long nerrors, cap_errors, errors_dropped;
  FILE *tsv;
  /* orders and payments: the customers they name, resolved in batches at
   * the end */
  struct strmap cust_map;
  struct import_customer *custs;
  long ncust, cap_cust;
  struct strmap order_map;
  struct import_order *order_list;
  long norders, cap_orders;
  void *own;                       /* the kind's own state, own_size bytes */
};

/* --- import.c: the job's rows and errors --- */
/* items, or when count has reached *cap a larger copy (*cap grows); NULL
 * when memory runs out (items is then still valid). */
void *import_more(void *items, long count, long *cap, size_t size);
NEOERR *import_file_fail(struct import_parse *p, const char *key, const char *arg);
/* A new data row numbered row (the file's record): its ordinal (0-based). */
NEOERR *import_next_row(struct import_parse *p, long row, long *ordinal);
NEOERR *import_error(struct import_parse *p, long ordinal, long row, int col, const char *msg,
                     const char *value);
/* A message of the import, L.Import.Err.<key>, in the uploader's language. */
const char *import_msg(struct import_parse *p, const char *key);
/* A message with the row number of the first row: "<key> N<key>After". */
NEOERR *import_error_first(struct import_parse *p, long ordinal, long row, int col,
                           const char *key, long first, const char *value);
/* The row's spool line: number, the kind's nspool values, error flag. */
void import_spool_row(struct import_parse *p, long ordinal, long row, const char *const *values);

/* Orders and payments: a data row's cells by column. */
#define IMPORT_CELL_MAX 256
struct import_cells {
  long ordinal;
  const char *raw[IMPORT_MAX_COLS];          /* as given; NULL: no such column */
  const char *own[IMPORT_MAX_COLS];          /* a key under L.Import.Err, or "Required" */
  char v[IMPORT_MAX_COLS][IMPORT_CELL_MAX];  /* trimmed */
};
/* A new data row and its cells; own[c] = "BadChars" or "Required" where
 * that is wrong. */
NEOERR *import_cells(struct import_parse *p, long row, int ncells, const char *const *cells,
                     const size_t *lens, struct import_cells *c);
/* Reports the row's own errors ("Required": the form's message), then
 * writes its spool line. */
NEOERR *import_cells_done(struct import_parse *p, long row, const struct import_cells *c,
                          const char *const *spool);
NEOERR *import_required_columns(struct import_parse *p, const int *seen);
NEOERR *import_kind_cols(HDF *h, const struct import_kind *k, const char *prefix);

/* --- import_lookup.c: what more than one kind looks up --- */
/* read(p->refs, node), then its rows as *refs (*n of them), each with
 * the named fields (NULL-terminated, at most IMPORT_REF_FIELDS). */
NEOERR *import_refs(struct import_parse *p, NEOERR *(*read)(HDF *hdf, const char *prefix),
                    const char *node, const char *const *fields, struct import_ref **refs,
                    int *n);
NEOERR *import_load_owners(struct import_parse *p);
/* The owner's id for a user id, user name or display name; NULL with
 * *ambiguous when two people share the display name. */
const char *import_owner_of(struct import_parse *p, const char *v, int *ambiguous);
/* The row's customer: the index of its code (added when new) among those
 * the file names. */
NEOERR *import_customer_index(struct import_parse *p, long ordinal, const char *code,
                              long *index);
/* Every customer code to its id; an error on each row naming none. */
NEOERR *import_resolve_customers(struct import_parse *p, int col);
/* Index of an order number (added when new); *is_new when it was. */
NEOERR *import_order_index(struct import_parse *p, const char *no, long *index, int *is_new);
/* fn(p, at, n) for the n <= IMPORT_CODE_BATCH items from at, over count. */
NEOERR *import_in_batches(struct import_parse *p, long count,
                          NEOERR *(*fn)(struct import_parse *p, long at, int n));
/* The order numbers from at, n of them, for a batch lookup. */
void import_order_nos(const struct import_parse *p, long at, int n, const char **nos);
int import_valid_order_no(const char *s);
void import_lookup_free(struct import_parse *p);
#endif
