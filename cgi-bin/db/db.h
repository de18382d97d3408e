#ifndef KEHU_DB_H
#define KEHU_DB_H
/* The data-access module's foundation: one connection per process, prepared
 * statements kept in statics (one DB_STMT per SQL text, prepared on first
 * use and again after a reconnect), results copied out as strings.
 *
 * Only files in cgi-bin/db/ include this header; handlers call the entity
 * functions (user.h, customer.h, ...) and never see SQL. */
#include <ClearSilver.h>
#include <mysql.h>

/* Session variables the schema's triggers and routines read (the whole
 * list, with who sets each: schema/DERIVED.md, "Session variables"). They
 * hold for the connection that sets them, so whoever sets one clears it
 * again before the connection serves anything else.
 *   @kehu_bulk        1: the triggers that keep counts, tallies, credit
 *                     balances and the dashboard skip the rows this
 *                     connection writes; the writer then does that work
 *                     itself (customer_import.c: counts_add, dealers_add,
 *                     per batch) or a repair does (load.sql: dash_rebuild(),
 *                     scripts/reindex.sql).
 *   @kehu_dash_norev  1: dash_region_rev is not bumped row by row; set only
 *                     inside the schema by the dashboard's whole refreshes
 *                     (dash_refresh_all, dash_day_apply), which bump every
 *                     region once after. No C code sets it. */

#define DB_MAX_PARAMS 48
#define DB_MAX_COLS   80   /* the complaint page reads 69 (schema/042's clocks) */

typedef struct db_stmt {
  const char *sql;
  MYSQL_STMT *st;
  unsigned gen;                   /* connection generation it was prepared on */
  int ncols;
  MYSQL_BIND res[DB_MAX_COLS];
  unsigned long res_len[DB_MAX_COLS];
  char res_null[DB_MAX_COLS];
  char res_err[DB_MAX_COLS];
  const char *col_name[DB_MAX_COLS];
  MYSQL_RES *meta;
} DB_STMT;

#define DB_STMT_INIT(text) { .sql = (text) }

NEOERR *db_connect(void);            /* reads KEHU_DB_* from the environment */
void db_disconnect(void);            /* frees every statement too */

/* Execute with parameters described by types, one letter each:
 *   i  long long        s  const char * (NULL binds SQL NULL)
 *   b  const void *, size_t (binary)   d  double
 * A read (SELECT) is retried once after a lost connection; a write is not,
 * since it may have committed: the caller is told with KERR_UNAVAILABLE. */
NEOERR *db_exec(DB_STMT *s, const char *types, ...);

/* The same with parameters in an array, for statements assembled from
 * optional fragments. */
struct db_arg {
  char type;                 /* 'i', 'd', 's' or 'b' as above */
  long long i;
  double d;
  const void *p;             /* 's': the string; 'b': the bytes */
  size_t n;                  /* 'b': the length */
};
NEOERR *db_execa(DB_STMT *s, const struct db_arg *args, int nargs);

/* A statement for SQL assembled at run time from fixed fragments (never
 * user text): one per distinct text, prepared on first use and kept for
 * the life of the process like the static ones; the text is the key. */
NEOERR *db_stmt_for(const char *sql, DB_STMT **out);
#define DB_INT(v) ((struct db_arg){ .type = 'i', .i = (v) })
#define DB_STR(v) ((struct db_arg){ .type = 's', .p = (v) })
/* 1 while there is a row, 0 at the end; errors surface as a NEOERR. */
NEOERR *db_next(DB_STMT *s, int *more);
/* Column accessors for the current row (NULL for SQL NULL). */
const char *db_str(DB_STMT *s, int col);
long long db_int(DB_STMT *s, int col);
const void *db_bin(DB_STMT *s, int col, unsigned long *len);
/* Copy every row into prefix.N.<column> (or one row into prefix.<column>
 * with db_row_to_hdf); NULL columns are left out. */
NEOERR *db_rows_to_hdf(DB_STMT *s, HDF *hdf, const char *prefix, int *nrows);
NEOERR *db_row_to_hdf(DB_STMT *s, HDF *hdf, const char *prefix, int *found);
/* db_exec and then db_rows_to_hdf, or db_row_to_hdf: the read of a list
 * or of one record for a page. */
NEOERR *db_read_rows(DB_STMT *s, HDF *hdf, const char *prefix, const char *types, ...);
NEOERR *db_read_row(DB_STMT *s, HDF *hdf, const char *prefix, int *found, const char *types, ...);
/* The pieces of db_rows_to_hdf for a caller that adds to each row: the
 * node parent.<n>, and the current row's columns (but `skip`, -1 for none)
 * set under it. Both work relative to a node: a full name per value
 * ("Rows.12.name", printf'd and looked up from the root) cost three times
 * as much as the value itself on a list page. */
NEOERR *db_row_node(HDF *parent, int n, HDF **row);
NEOERR *db_columns_to_node(DB_STMT *s, HDF *node, int skip);
void db_done(DB_STMT *s);
unsigned long long db_affected(DB_STMT *s);
unsigned long long db_insert_id(DB_STMT *s);

NEOERR *db_begin(void);
/* Runs s, a statement whose rows nobody reads, and releases it. */
NEOERR *db_exec_done(DB_STMT *s, const char *types, ...);
/* The start of a write that locks its row first: begins the transaction,
 * runs s (a SELECT ... FOR UPDATE) and reads its first row (*row 0: none).
 * The caller reads the columns, calls db_done(s) and ends with db_end. */
NEOERR *db_begin_row(DB_STMT *s, int *row, const char *types, ...);
NEOERR *db_commit(void);
void db_rollback(void);
/* The one end of a write's transaction: commits when err is OK and keep
 * is set, else rolls back (keep unset: a refusal the caller reports, not
 * an error); passes err, or the commit's error, on. */
NEOERR *db_end(NEOERR *err, int keep);
/* Called by the dispatcher after every request: rolls back a transaction a
 * failed handler left open, so no state crosses requests. */
void db_request_end(void);

/* For db/side.c: a connection of its own (KERR_UNAVAILABLE when the server
 * cannot be reached), and one statement prepared, run and closed on it;
 * errors are mapped as db_exec's. */
NEOERR *db_open(MYSQL **out);
/* The same with another read and write timeout (db_open: 30 s), for the
 * analysis batch, whose big scans may take longer to their first row. */
NEOERR *db_open_waiting(MYSQL **out, unsigned rw_timeout);
NEOERR *db_run_on(MYSQL *m, const char *sql, const struct db_arg *args, int nargs);
#endif
