#include "db/query.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void query_init(struct query *q)
{
  q->sql[0] = '\0';
  q->len = 0;
  q->n = 0;
  q->conds = 0;
  q->overflow = 0;
}

static void add_v(struct query *q, const char *fmt, va_list ap)
{
  if (q->overflow) return;
  size_t room = sizeof q->sql - q->len;
  int k = vsnprintf(q->sql + q->len, room, fmt, ap);
  if (k < 0 || (size_t)k >= room) {
    q->sql[q->len] = '\0';     /* no half fragment */
    q->overflow = 1;
    return;
  }
  q->len += (size_t)k;
}

void query_add(struct query *q, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  add_v(q, fmt, ap);
  va_end(ap);
}

void query_arg(struct query *q, struct db_arg a)
{
  if (q->n >= DB_MAX_PARAMS) { q->overflow = 1; return; }
  q->a[q->n++] = a;
}

void query_cond(struct query *q, const char *fmt, ...)
{
  query_add(q, "%s", q->conds++ ? " AND " : " WHERE ");
  va_list ap;
  va_start(ap, fmt);
  add_v(q, fmt, ap);
  va_end(ap);
}

void query_where_reset(struct query *q)
{
  q->conds = 0;
}

void query_int_list(struct query *q, const long long *v, int n)
{
  for (int i = 0; i < n; i++) {
    query_add(q, i ? ", ?" : "?");
    query_arg(q, DB_INT(v[i]));
  }
}

static int put(char *key, size_t n, size_t *at, const void *p, size_t len)
{
  if (len > n - *at) return 0;
  memcpy(key + *at, p, len);
  *at += len;
  return 1;
}

size_t query_key(const struct query *q, char *key, size_t n)
{
  size_t at = 0;
  if (q->overflow || !put(key, n, &at, q->sql, q->len + 1)) return 0;
  for (int i = 0; i < q->n; i++) {
    const struct db_arg *a = &q->a[i];
    /* each value after its type and length, so no two lists of values
     * give the same bytes */
    char type = a->type;
    const void *v = &a->i;
    size_t len = sizeof a->i;
    if (type == 'd') v = &a->d, len = sizeof a->d;
    else if ((type == 's' || type == 'b') && !a->p) type = 'N', len = 0;   /* SQL NULL */
    else if (type == 's') v = a->p, len = strlen(a->p);
    else if (type == 'b') v = a->p, len = a->n;
    if (!put(key, n, &at, &type, 1) || !put(key, n, &at, &len, sizeof len) ||
        (len && !put(key, n, &at, v, len)))
      return 0;
  }
  return at;
}

NEOERR *query_check(const struct query *q)
{
  if (q->overflow)
    return nerr_raise(NERR_ASSERT, "query too long (%zu bytes, %d parameters): %.80s", q->len,
                      q->n, q->sql);
  return STATUS_OK;
}

NEOERR *query_run(const struct query *q, DB_STMT **out)
{
  NEOERR *err = query_check(q);
  if (!err) err = db_stmt_for(q->sql, out);
  if (!err) err = db_execa(*out, q->a, q->n);
  return nerr_pass(err);
}
