#ifndef KEHU_APP_H
#define KEHU_APP_H
/* The FastCGI program skeleton shared by every page group: a program is a
 * route table plus handlers; app_main runs the accept loop and everything
 * around a handler (input checks, session, role, CSRF, rendering, the one
 * error page, the request log line). */
#include "core/page.h"
#include "core/req.h"
#include "core/session.h"
#include <stddef.h>

typedef NEOERR *(*handler_fn)(struct req *r);

struct route {
  const char *method;        /* "GET" (also answers HEAD) or "POST" */
  const char *pattern;       /* "/customers" or "/customers/{id}" */
  unsigned roles;            /* enum role bits allowed; ROLE_PUBLIC: anyone */
  handler_fn handler;
  long max_body;             /* bytes this route reads; 0: KEHU_MAX_BODY */
  int upload;                /* ROUTE_UPLOAD: takes multipart/form-data */
};

/* A route's `upload`: only these accept multipart bodies (files); the
 * others refuse them before ClearSilver parses anything. */
#define ROUTE_UPLOAD 1

/* Finds the route for method+path; sets *id for an {id} segment. When the
 * path exists under another method only, returns NULL with *path_known = 1. */
const struct route *route_match(const struct route *routes, const char *method,
                                const char *path, long long *id, int *path_known);

/* The methods a path answers to, for the Allow header of a 405. */
void route_allow(const struct route *routes, const char *path, char *out, size_t n);

/* Prints the table, one "METHOD<TAB>pattern<TAB>role,role" line per route
 * ("public" for ROLE_PUBLIC), for the access-matrix test; returns 0. */
int route_print(const struct route *routes);

/* What a program runs on below core/: the database. core/ never includes
 * db/ (tests/http/test_layers.py); each program hands app_main the
 * data-access layer's functions (db/runtime.h: db_runtime). */
struct app_runtime {
  /* At start; a failure is logged, not fatal: requests retry and answer
   * 503 meanwhile. */
  NEOERR *(*connect)(void);
  /* After every request: rolls back a transaction a failed handler left
   * open. */
  void (*request_end)(void);
  void (*disconnect)(void);
  const struct session_store *sessions;
  page_count_fn nav_count;   /* the navigation's overdue complaints; NULL: none */
};

int app_main(int argc, char **argv, const struct route *routes, const struct app_runtime *rt);

/* The role names used in the database and the templates. */
const char *role_name(enum role role);
enum role role_parse(const char *name);

/* The one page a user signed in with a one-time password may open. */
#define MUST_CHANGE_PATH "/account/password"

/* Raise a user-facing error: `key` names the message under L.Error.Text. */
NEOERR *app_fail(struct req *r, NERR_TYPE type, const char *key);
#endif
