#include "db/db.h"
#include "core/err.h"
#include "core/log.h"
#include <errmsg.h>
#include <mysqld_error.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Large enough for any TEXT column; a longer value is an error, not a
 * silent truncation. */
#define DB_MAX_VALUE (256 * 1024)

static MYSQL *conn;
static unsigned conn_gen;
static int in_tx;
/* Every statement ever prepared, so that reconnect and shutdown can reach
 * them; statements are statics, so this never holds more than the program
 * has SQL texts. */
static DB_STMT **known;
static int nknown, cap_known;

static int lost(unsigned e)
{
  return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
         e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
         e == ER_CONNECTION_KILLED || e == CR_COMMANDS_OUT_OF_SYNC;
}

static void stmt_release(DB_STMT *s)
{
  if (s->meta) mysql_free_result(s->meta);
  if (s->st) mysql_stmt_close(s->st);
  for (int i = 0; i < s->ncols; i++) free(s->res[i].buffer);
  s->meta = NULL;
  s->st = NULL;
  s->ncols = 0;
}

static const char *env_or(const char *k, const char *dflt)
{
  const char *v = getenv(k);
  return v && *v ? v : dflt;
}

NEOERR *db_open(MYSQL **out)
{
  return nerr_pass(db_open_waiting(out, 30));
}

NEOERR *db_open_waiting(MYSQL **out, unsigned rw_timeout)
{
  *out = NULL;
  MYSQL *m = mysql_init(NULL);
  if (!m) return nerr_raise(NERR_NOMEM, "mysql_init");
  unsigned timeout = 3;
  mysql_options(m, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  mysql_options(m, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_options(m, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
  mysql_options(m, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
  if (!mysql_real_connect(m, NULL, env_or("KEHU_DB_USER", "kehu_app"),
                          env_or("KEHU_DB_PASS", ""),
                          env_or("KEHU_DB_NAME", "kehu"), 0,
                          env_or("KEHU_DB_SOCKET", "var/run/mysqld.sock"), 0)) {
    NEOERR *err = nerr_raise(KERR_UNAVAILABLE, "database connect: %s",
                             mysql_error(m));
    mysql_close(m);
    return err;
  }
  *out = m;
  return STATUS_OK;
}

NEOERR *db_connect(void)
{
  if (conn) return STATUS_OK;
  NEOERR *err = db_open(&conn);
  if (err) return nerr_pass(err);
  conn_gen++;
  in_tx = 0;
  return STATUS_OK;
}

void db_disconnect(void)
{
  for (int i = 0; i < nknown; i++) stmt_release(known[i]);
  free(known);
  known = NULL;
  nknown = cap_known = 0;
  if (conn) mysql_close(conn);
  conn = NULL;
}

static NEOERR *reconnect(void)
{
  log_msg("warn", "database connection lost; reconnecting");
  for (int i = 0; i < nknown; i++) stmt_release(known[i]);
  if (conn) mysql_close(conn);
  conn = NULL;
  return nerr_pass(db_connect());
}

static NEOERR *remember(DB_STMT *s)
{
  for (int i = 0; i < nknown; i++)
    if (known[i] == s) return STATUS_OK;
  if (nknown == cap_known) {
    int cap = cap_known ? cap_known * 2 : 64;
    DB_STMT **k = realloc(known, cap * sizeof *k);
    if (!k) return nerr_raise(NERR_NOMEM, "statement registry");
    known = k;
    cap_known = cap;
  }
  known[nknown++] = s;
  return STATUS_OK;
}

static NEOERR *prepare(DB_STMT *s)
{
  if (s->st && s->gen == conn_gen) return STATUS_OK;
  stmt_release(s);
  NEOERR *err = remember(s);
  if (err) return nerr_pass(err);
  s->st = mysql_stmt_init(conn);
  if (!s->st) return nerr_raise(NERR_NOMEM, "mysql_stmt_init");
  if (mysql_stmt_prepare(s->st, s->sql, strlen(s->sql))) {
    unsigned e = mysql_stmt_errno(s->st);
    err = nerr_raise(lost(e) ? KERR_UNAVAILABLE : NERR_DB, "prepare: %s [%.160s]",
                     mysql_stmt_error(s->st), s->sql);
    stmt_release(s);
    return err;
  }
  s->gen = conn_gen;
  s->meta = mysql_stmt_result_metadata(s->st);
  if (!s->meta) return STATUS_OK;   /* not a query that returns rows */
  s->ncols = (int)mysql_num_fields(s->meta);
  if (s->ncols > DB_MAX_COLS) {
    int n = s->ncols;
    s->ncols = 0;              /* no buffers yet: release must not walk res[] */
    stmt_release(s);
    return nerr_raise(NERR_ASSERT, "%d columns > DB_MAX_COLS in [%s]", n, s->sql);
  }
  MYSQL_FIELD *f = mysql_fetch_fields(s->meta);
  memset(s->res, 0, sizeof s->res);
  for (int i = 0; i < s->ncols; i++) {
    unsigned long size = f[i].length + 1;
    if (size < 32) size = 32;           /* numbers and dates as text */
    if (size > DB_MAX_VALUE) size = DB_MAX_VALUE;
    s->col_name[i] = f[i].name;
    s->res[i].buffer_type = MYSQL_TYPE_STRING;
    s->res[i].buffer = malloc(size);
    if (!s->res[i].buffer) { s->ncols = i; stmt_release(s); return nerr_raise(NERR_NOMEM, "result buffer"); }
    s->res[i].buffer_length = size;
    s->res[i].length = &s->res_len[i];
    s->res[i].is_null = &s->res_null[i];
    s->res[i].error = &s->res_err[i];
  }
  if (mysql_stmt_bind_result(s->st, s->res)) {
    err = nerr_raise(NERR_DB, "bind result: %s [%.160s]", mysql_stmt_error(s->st), s->sql);
    stmt_release(s);
    return err;
  }
  return STATUS_OK;
}

struct params {
  int n;
  MYSQL_BIND b[DB_MAX_PARAMS];
  long long ival[DB_MAX_PARAMS];
  double dval[DB_MAX_PARAMS];
  unsigned long len[DB_MAX_PARAMS];
  char null[DB_MAX_PARAMS];
};

static NEOERR *bind_args(struct params *p, const struct db_arg *a, int n)
{
  memset(p, 0, sizeof *p);
  if (n > DB_MAX_PARAMS) return nerr_raise(NERR_ASSERT, "too many parameters");
  for (int k = 0; k < n; k++) {
    MYSQL_BIND *b = &p->b[k];
    switch (a[k].type) {
    case 'i':
      p->ival[k] = a[k].i;
      b->buffer_type = MYSQL_TYPE_LONGLONG;
      b->buffer = &p->ival[k];
      break;
    case 'd':
      p->dval[k] = a[k].d;
      b->buffer_type = MYSQL_TYPE_DOUBLE;
      b->buffer = &p->dval[k];
      break;
    case 's':
    case 'b':
      b->buffer_type = a[k].type == 's' ? MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
      if (!a[k].p) { p->null[k] = 1; b->is_null = &p->null[k]; break; }
      b->buffer = (void *)a[k].p;
      p->len[k] = a[k].type == 's' ? strlen(a[k].p) : a[k].n;
      b->buffer_length = p->len[k];
      b->length = &p->len[k];
      break;
    default:
      return nerr_raise(NERR_ASSERT, "unknown parameter type '%c'", a[k].type);
    }
  }
  p->n = n;
  return STATUS_OK;
}

static int is_read(const char *sql)
{
  while (*sql == ' ' || *sql == '\n' || *sql == '(') sql++;
  return strncasecmp(sql, "SELECT", 6) == 0;
}

/* The server could not grow a table or write a file: its disk is full. */
static int disk_full(unsigned e)
{
  return e == ER_RECORD_FILE_FULL || e == ER_DISK_FULL || e == ER_ERROR_ON_WRITE;
}

/* A failed statement's error, by kind: a lost connection, a deadlock or a
 * lock wait is KERR_UNAVAILABLE (try again later), a full disk
 * KERR_NO_SPACE, a duplicate key KERR_CONFLICT, a missing referenced row
 * KERR_BAD_REFERENCE. */
static NEOERR *stmt_error(MYSQL_STMT *st, const char *sql)
{
  unsigned e = mysql_stmt_errno(st);
  if (lost(e) || e == ER_LOCK_DEADLOCK || e == ER_LOCK_WAIT_TIMEOUT)
    return nerr_raise(KERR_UNAVAILABLE, "%s [%.160s]", mysql_stmt_error(st), sql);
  if (disk_full(e))
    return nerr_raise(KERR_NO_SPACE, "%s [%.160s]", mysql_stmt_error(st), sql);
  if (e == ER_DUP_ENTRY)
    return nerr_raise(KERR_CONFLICT, "%s [%.160s]", mysql_stmt_error(st), sql);
  if (e == ER_NO_REFERENCED_ROW_2 || e == ER_NO_REFERENCED_ROW)
    return nerr_raise(KERR_BAD_REFERENCE, "%s [%.160s]", mysql_stmt_error(st), sql);
  return nerr_raise(NERR_DB, "%u %s [%.160s]", e, mysql_stmt_error(st), sql);
}

enum { NO_RETRY, RETRY_RECONNECT, RETRY_REPREPARE };

/* One attempt; *retry says whether and how a second attempt is safe. */
static NEOERR *attempt(DB_STMT *s, struct params *p, int *retry)
{
  *retry = NO_RETRY;
  if (!conn) {
    NEOERR *err = db_connect();
    if (err) return nerr_pass(err);
  }
  NEOERR *err = prepare(s);
  if (err) {
    /* Nothing reached the server: safe to retry any statement. */
    if (nerr_match(err, KERR_UNAVAILABLE) && !in_tx) *retry = RETRY_RECONNECT;
    return err;
  }
  if ((int)mysql_stmt_param_count(s->st) != p->n)
    return nerr_raise(NERR_ASSERT, "wants %lu parameters, got %d [%.160s]",
                      mysql_stmt_param_count(s->st), p->n, s->sql);
  mysql_stmt_free_result(s->st);
  if (p->n && mysql_stmt_bind_param(s->st, p->b))
    return nerr_raise(NERR_DB, "bind: %s [%.160s]", mysql_stmt_error(s->st), s->sql);
  if (mysql_stmt_execute(s->st) || (s->meta && mysql_stmt_store_result(s->st))) {
    unsigned e = mysql_stmt_errno(s->st);
    if (lost(e) && is_read(s->sql) && !in_tx) *retry = RETRY_RECONNECT;
    if (e == ER_NEED_REPREPARE) { s->gen = 0; *retry = RETRY_REPREPARE; }
    return stmt_error(s->st, s->sql);
  }
  return STATUS_OK;
}

NEOERR *db_run_on(MYSQL *m, const char *sql, const struct db_arg *args, int nargs)
{
  struct params p;
  NEOERR *err = bind_args(&p, args, nargs);
  if (err) return nerr_pass(err);
  MYSQL_STMT *st = mysql_stmt_init(m);
  if (!st) return nerr_raise(NERR_NOMEM, "mysql_stmt_init");
  if (mysql_stmt_prepare(st, sql, strlen(sql)) ||
      (p.n && mysql_stmt_bind_param(st, p.b)) || mysql_stmt_execute(st))
    err = stmt_error(st, sql);
  mysql_stmt_close(st);
  return err;
}

static NEOERR *exec_va(DB_STMT *s, const char *types, va_list ap)
{
  struct db_arg a[DB_MAX_PARAMS];
  int n = 0;
  for (const char *t = types; *t && n < DB_MAX_PARAMS; t++, n++) {
    memset(&a[n], 0, sizeof a[n]);
    a[n].type = *t;
    switch (*t) {
    case 'i': a[n].i = va_arg(ap, long long); break;
    case 'd': a[n].d = va_arg(ap, double); break;
    case 's': a[n].p = va_arg(ap, const char *); break;
    case 'b': a[n].p = va_arg(ap, const void *); a[n].n = va_arg(ap, size_t); break;
    default: break;   /* reported by bind_args */
    }
  }
  if (types[n]) return nerr_raise(NERR_ASSERT, "too many parameters");
  return nerr_pass(db_execa(s, a, n));
}

NEOERR *db_exec(DB_STMT *s, const char *types, ...)
{
  va_list ap;
  va_start(ap, types);
  NEOERR *err = exec_va(s, types, ap);
  va_end(ap);
  return nerr_pass(err);
}

NEOERR *db_exec_done(DB_STMT *s, const char *types, ...)
{
  va_list ap;
  va_start(ap, types);
  NEOERR *err = exec_va(s, types, ap);
  va_end(ap);
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_begin_row(DB_STMT *s, int *row, const char *types, ...)
{
  *row = 0;
  NEOERR *err = db_begin();
  if (err) return nerr_pass(err);
  va_list ap;
  va_start(ap, types);
  err = exec_va(s, types, ap);
  va_end(ap);
  if (!err) err = db_next(s, row);
  return nerr_pass(err);
}

/* found NULL: every row (db_rows_to_hdf), else one (db_row_to_hdf). */
static NEOERR *read_va(DB_STMT *s, HDF *hdf, const char *prefix, int *found, const char *types,
                       va_list ap)
{
  NEOERR *err = exec_va(s, types, ap);
  if (err) return nerr_pass(err);
  return nerr_pass(found ? db_row_to_hdf(s, hdf, prefix, found)
                         : db_rows_to_hdf(s, hdf, prefix, NULL));
}

NEOERR *db_read_rows(DB_STMT *s, HDF *hdf, const char *prefix, const char *types, ...)
{
  va_list ap;
  va_start(ap, types);
  NEOERR *err = read_va(s, hdf, prefix, NULL, types, ap);
  va_end(ap);
  return nerr_pass(err);
}

NEOERR *db_read_row(DB_STMT *s, HDF *hdf, const char *prefix, int *found, const char *types, ...)
{
  int ignored;
  va_list ap;
  va_start(ap, types);
  NEOERR *err = read_va(s, hdf, prefix, found ? found : &ignored, types, ap);
  va_end(ap);
  return nerr_pass(err);
}

NEOERR *db_execa(DB_STMT *s, const struct db_arg *args, int nargs)
{
  struct params p;
  NEOERR *err = bind_args(&p, args, nargs);
  if (err) return nerr_pass(err);
  int retry;
  err = attempt(s, &p, &retry);
  if (err && retry != NO_RETRY) {
    nerr_ignore(&err);
    if (retry == RETRY_RECONNECT && (err = reconnect())) return nerr_pass(err);
    err = attempt(s, &p, &retry);
  }
  return nerr_pass(err);
}

NEOERR *db_next(DB_STMT *s, int *more)
{
  *more = 0;
  if (!s->st || !s->meta) return STATUS_OK;
  int rc = mysql_stmt_fetch(s->st);
  if (rc == MYSQL_NO_DATA) return STATUS_OK;
  if (rc == 1) return nerr_raise(NERR_DB, "fetch: %s [%.160s]", mysql_stmt_error(s->st), s->sql);
  if (rc == MYSQL_DATA_TRUNCATED) {
    for (int i = 0; i < s->ncols; i++)
      if (s->res_err[i])
        return nerr_raise(NERR_DB, "column %s longer than %lu bytes", s->col_name[i],
                          s->res[i].buffer_length - 1);
  }
  for (int i = 0; i < s->ncols; i++)
    if (!s->res_null[i]) ((char *)s->res[i].buffer)[s->res_len[i]] = '\0';
  *more = 1;
  return STATUS_OK;
}

const char *db_str(DB_STMT *s, int col)
{
  if (col < 0 || col >= s->ncols || s->res_null[col]) return NULL;
  return s->res[col].buffer;
}

long long db_int(DB_STMT *s, int col)
{
  const char *v = db_str(s, col);
  return v ? strtoll(v, NULL, 10) : 0;
}

const void *db_bin(DB_STMT *s, int col, unsigned long *len)
{
  if (col < 0 || col >= s->ncols || s->res_null[col]) { *len = 0; return NULL; }
  *len = s->res_len[col];
  return s->res[col].buffer;
}

NEOERR *db_columns_to_node(DB_STMT *s, HDF *node, int skip)
{
  for (int i = 0; i < s->ncols; i++) {
    if (s->res_null[i] || i == skip) continue;
    NEOERR *err = hdf_set_value(node, s->col_name[i], s->res[i].buffer);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *db_row_node(HDF *parent, int n, HDF **row)
{
  char name[16], *p = name + sizeof name;
  unsigned v = n < 0 ? 0 : (unsigned)n;
  *--p = '\0';
  do *--p = (char)('0' + v % 10); while ((v /= 10));
  return nerr_pass(hdf_get_node(parent, p, row));
}

static NEOERR *row_to_hdf(DB_STMT *s, HDF *hdf, const char *prefix)
{
  HDF *node;
  NEOERR *err = hdf_get_node(hdf, prefix, &node);
  if (err) return nerr_pass(err);
  return nerr_pass(db_columns_to_node(s, node, -1));
}

NEOERR *db_rows_to_hdf(DB_STMT *s, HDF *hdf, const char *prefix, int *nrows)
{
  int n = 0, more;
  HDF *parent = NULL, *row;
  NEOERR *err;
  while (!(err = db_next(s, &more)) && more) {
    if (!parent && (err = hdf_get_node(hdf, prefix, &parent))) break;
    if ((err = db_row_node(parent, n++, &row)) || (err = db_columns_to_node(s, row, -1))) break;
  }
  if (nrows) *nrows = n;
  db_done(s);
  return nerr_pass(err);
}

NEOERR *db_row_to_hdf(DB_STMT *s, HDF *hdf, const char *prefix, int *found)
{
  int more;
  NEOERR *err = db_next(s, &more);
  if (!err && more) err = row_to_hdf(s, hdf, prefix);
  if (found) *found = !err && more;
  db_done(s);
  return nerr_pass(err);
}

void db_done(DB_STMT *s)
{
  if (s->st) mysql_stmt_free_result(s->st);
}

unsigned long long db_affected(DB_STMT *s)
{
  return s->st ? mysql_stmt_affected_rows(s->st) : 0;
}

unsigned long long db_insert_id(DB_STMT *s)
{
  return s->st ? mysql_stmt_insert_id(s->st) : 0;
}

NEOERR *db_begin(void)
{
  if (!conn) {
    NEOERR *err = db_connect();
    if (err) return nerr_pass(err);
  }
  if (mysql_autocommit(conn, 0)) {
    unsigned e = mysql_errno(conn);
    if (!lost(e)) return nerr_raise(NERR_DB, "begin: %s", mysql_error(conn));
    /* Nothing was written yet: reconnecting here is safe. */
    NEOERR *err = reconnect();
    if (err) return nerr_pass(err);
    if (mysql_autocommit(conn, 0))
      return nerr_raise(KERR_UNAVAILABLE, "begin: %s", mysql_error(conn));
  }
  in_tx = 1;
  return STATUS_OK;
}

NEOERR *db_commit(void)
{
  if (!in_tx) return nerr_raise(NERR_ASSERT, "commit outside a transaction");
  in_tx = 0;
  if (mysql_commit(conn)) {
    NEOERR *err = nerr_raise(disk_full(mysql_errno(conn)) ? KERR_NO_SPACE : KERR_UNAVAILABLE,
                             "commit: %s", mysql_error(conn));
    mysql_rollback(conn);
    mysql_autocommit(conn, 1);
    return err;
  }
  mysql_autocommit(conn, 1);
  return STATUS_OK;
}

void db_rollback(void)
{
  if (!in_tx || !conn) return;
  in_tx = 0;
  mysql_rollback(conn);
  mysql_autocommit(conn, 1);
}

NEOERR *db_end(NEOERR *err, int keep)
{
  if (err || !keep) {
    db_rollback();
    return nerr_pass(err);
  }
  return nerr_pass(db_commit());
}

void db_request_end(void)
{
  if (in_tx) {
    log_msg("warn", "request ended inside a transaction; rolled back");
    db_rollback();
  }
}

/* Run-time statements (db_stmt_for): an open-addressed table by the text's
 * hash. Past CACHE_SLOTS distinct texts (hundreds of filter combinations
 * seen by one process) the extra one is correct, just prepared each time. */
#define CACHE_SLOTS 256
static DB_STMT *cache[CACHE_SLOTS];
static DB_STMT overflow;

static unsigned long sql_hash(const char *s)
{
  unsigned long h = 5381;
  while (*s) h = h * 33 + (unsigned char)*s++;
  return h;
}

NEOERR *db_stmt_for(const char *sql, DB_STMT **out)
{
  unsigned long h = sql_hash(sql);
  for (int i = 0; i < CACHE_SLOTS; i++) {
    DB_STMT **slot = &cache[(h + i) % CACHE_SLOTS];
    if (*slot && strcmp((*slot)->sql, sql) == 0) { *out = *slot; return STATUS_OK; }
    if (!*slot) {
      DB_STMT *s = calloc(1, sizeof *s);
      char *copy = strdup(sql);
      if (!s || !copy) { free(s); free(copy); return nerr_raise(NERR_NOMEM, "statement cache"); }
      s->sql = copy;
      *slot = s;    /* kept for the life of the process, like the statement */
      *out = s;
      return STATUS_OK;
    }
  }
  free((char *)overflow.sql);
  overflow.sql = strdup(sql);
  if (!overflow.sql) return nerr_raise(NERR_NOMEM, "statement cache");
  overflow.gen = 0;
  *out = &overflow;
  return STATUS_OK;
}
