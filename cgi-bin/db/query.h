#ifndef KEHU_DB_QUERY_H
#define KEHU_DB_QUERY_H
/* The one SQL builder: a statement's text and its parameters built side by
 * side, so they stay in step. The text is always fixed fragments chosen
 * by the code (never user text, which goes in as a parameter). Anything
 * that does not fit (text or parameters) marks the query, and
 * query_check / query_run then fail with an error naming it: a statement
 * never runs with a condition silently dropped. */
#include "db/db.h"
#include <stddef.h>

#define QUERY_SQL_MAX 8192

struct query {
  char sql[QUERY_SQL_MAX];
  size_t len;
  struct db_arg a[DB_MAX_PARAMS];
  int n;
  int conds;                 /* conditions added by query_cond since query_where_reset */
  int overflow;
};

void query_init(struct query *q);
/* Appends printf-formatted text (fragments and numbers only). */
void query_add(struct query *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends one parameter for the next "?". */
void query_arg(struct query *q, struct db_arg a);
/* Appends " WHERE " before the first condition and " AND " before the
 * next ones, then the printf-formatted condition. */
void query_cond(struct query *q, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The next query_cond starts a new WHERE (a subquery's, or a UNION's
 * next branch). */
void query_where_reset(struct query *q);
/* "?, ?, ..." for n values, each added as an integer parameter. */
void query_int_list(struct query *q, const long long *v, int n);
/* NERR_ASSERT naming the start of the text when anything did not fit. */
NEOERR *query_check(const struct query *q);
/* The statement's text and parameter values as bytes, for a struct
 * kept_map key (db/kept.h): two queries have the same key exactly when
 * they would run the same text with the same values. Returns its length,
 * or 0 when it does not fit in n bytes or the query overflowed (then the
 * caller keeps nothing: a cut key could name another query). */
#define QUERY_KEY_MAX (QUERY_SQL_MAX + 2048)
size_t query_key(const struct query *q, char *key, size_t n);
/* query_check, then the statement for the text (db_stmt_for) executed with
 * the parameters. */
NEOERR *query_run(const struct query *q, DB_STMT **out);
#endif
