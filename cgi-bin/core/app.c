#include "core/app.h"
#include "core/err.h"
#include "core/headers.h"
#include "core/i18n.h"
#include "core/log.h"
#include "core/page.h"
#include "core/parse.h"
#include "core/password.h"
#include "core/render.h"
#include "core/session.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* Bodies beyond this are refused with 413 before they are read; nginx
 * enforces its own (larger, upload-sized) limit in front of us. */
static long max_body = 1 << 20;
static char upload_dir[512] = "/tmp";
static volatile sig_atomic_t stopping;
static const struct app_runtime *below;

static void on_term(int sig)
{
  (void)sig;
  stopping = 1;
  FCGX_ShutdownPending();
}

/* cgiwrap over FCGX: ClearSilver's CGI kit reads the environment and the
 * body through these, so it never touches stdio. */
static int cb_read(void *data, char *buf, int n)
{
  struct req *r = data;
  return parse_filter(r, buf, FCGX_GetStr(buf, n, r->fx->in));
}

static int cb_writef(void *data, const char *fmt, va_list ap)
{
  struct req *r = data;
  return FCGX_VFPrintF(r->fx->out, fmt, ap) < 0 ? -1 : 0;
}

static int cb_write(void *data, const char *buf, int n)
{
  struct req *r = data;
  return FCGX_PutStr(buf, n, r->fx->out);
}

static char *cb_getenv(void *data, const char *k)
{
  struct req *r = data;
  return parse_getenv(r, k, FCGX_GetParam(k, r->fx->envp));
}

static int cb_putenv(void *data, const char *k, const char *v)
{
  (void)data; (void)k; (void)v;
  return 0;   /* the request environment is read-only for us */
}

static int cb_iterenv(void *data, int num, char **k, char **v)
{
  struct req *r = data;
  for (int i = 0; r->fx->envp[i]; i++) {
    if (i != num) continue;
    const char *s = r->fx->envp[i], *eq = strchr(s, '=');
    if (!eq) return 0;
    *k = strndup(s, eq - s);
    *v = strdup(eq + 1);
    if (!*k || !*v) { free(*k); free(*v); *k = *v = NULL; return 1; }
    return 0;
  }
  return 0;
}

static const char *param(struct req *r, const char *name, const char *dflt)
{
  const char *v = FCGX_GetParam(name, r->fx->envp);
  return v ? v : dflt;
}

NEOERR *app_fail(struct req *r, NERR_TYPE type, const char *key)
{
  NEOERR *err = hdf_set_value(r->hdf, "Error.Key", key);
  if (err) return nerr_pass(err);
  return nerr_raise(type, "%s %s: %s", r->method, r->path, key);
}

/* The signed-in user, if any, is known before routing so that even a 404
 * page shows the right navigation and language. */
static NEOERR *identify(struct req *r, int *expired)
{
  NEOERR *err = session_resume(r, expired);
  r->lang = i18n_lang(r->user.id ? r->user.lang : req_cookie(r, LANG_COOKIE));
  return nerr_pass(err);
}

static NEOERR *authorise(struct req *r, const struct route *rt, int expired)
{
  NEOERR *err;
  if (rt->roles & ROLE_PUBLIC) return STATUS_OK;
  if (!r->user.id) {
    if (expired && (err = req_flash(r, "SessionExpired"))) return nerr_pass(err);
    char *next = NULL;
    const char *qs = param(r, "QUERY_STRING", "");
    if (strcmp(r->method, "GET") == 0 && cgi_url_escape(r->path, &next) == STATUS_OK) {
      /* Come back to the same page (with its query) after signing in. */
      char *q = NULL;
      if (*qs && cgi_url_escape(qs, &q) == STATUS_OK) {
        err = req_redirect(r, "/login?next=%s%%3F%s", next, q);
      } else {
        err = req_redirect(r, "/login?next=%s", next);
      }
      free(q);
    } else {
      err = req_redirect(r, "/login");
    }
    free(next);
    return nerr_pass(err);
  }
  if (!(rt->roles & r->user.role)) return app_fail(r, KERR_FORBIDDEN, "Forbidden");
  /* Signed in with a one-time password (set by an administrator): nothing
   * but setting a new one, or signing out, until that is done. */
  if (r->user.must_change && strcmp(r->path, MUST_CHANGE_PATH) != 0 &&
      strcmp(r->path, "/logout") != 0) {
    if (strcmp(r->method, "POST") == 0) return app_fail(r, KERR_FORBIDDEN, "MustChange");
    return nerr_pass(req_redirect(r, MUST_CHANGE_PATH));
  }
  return STATUS_OK;
}

static const char *reason(int status)
{
  switch (status) {
  case 200: return "OK";
  case 303: return "See Other";
  case 400: return "Bad Request";
  case 401: return "Unauthorized";
  case 403: return "Forbidden";
  case 404: return "Not Found";
  case 405: return "Method Not Allowed";
  case 409: return "Conflict";
  case 413: return "Payload Too Large";
  case 415: return "Unsupported Media Type";
  case 422: return "Unprocessable Content";
  case 429: return "Too Many Requests";
  case 503: return "Service Unavailable";
  case 507: return "Insufficient Storage";
  default: return "Internal Server Error";
  }
}

static void send(struct req *r, STRING *body)
{
  FCGX_Stream *out = r->fx->out;
  FCGX_FPrintF(out, "Status: %d %s\r\n", r->status, reason(r->status));
  if (r->redirect) FCGX_FPrintF(out, "Location: %s\r\n", r->redirect);
  FCGX_PutS("Content-Type: text/html; charset=utf-8\r\n"
            "Cache-Control: no-store\r\n", out);
  FCGX_PutS(headers_page(), out);
  if (r->headers.len) FCGX_PutStr(r->headers.buf, r->headers.len, out);
  FCGX_FPrintF(out, "Content-Length: %d\r\n\r\n", body->len);
  if (body->len && strcmp(r->method, "HEAD") != 0) FCGX_PutStr(body->buf, body->len, out);
}

/* The one place a failed request becomes a page. */
static void render_error(struct req *r, NEOERR **errp, STRING *body)
{
  int status = err_status(*errp);
  if (status >= 500) log_error(errp, r->path);
  else nerr_ignore(errp);
  r->status = status;
  free(r->redirect);
  r->redirect = NULL;
  string_clear(body);
  if (!r->hdf) {
    /* Not even the request data could be built: a fixed page. */
    string_set(body, "<!doctype html><title>Error</title><h1>Error</h1>");
    return;
  }
  char key[64];
  snprintf(key, sizeof key, "%d", status);
  NEOERR *err = hdf_set_value(r->hdf, "Error.Status", key);
  if (!err && !hdf_get_value(r->hdf, "Error.Key", NULL))
    err = hdf_set_value(r->hdf, "Error.Key", key);
  if (!err) err = page_fill(r, "error");
  if (!err) err = render("error.cs", r->hdf, i18n_hdf(r->lang), body);
  if (err) {
    log_error(&err, "rendering the error page");
    string_clear(body);
    string_set(body, "<!doctype html><title>Error</title><h1>Error</h1>");
  }
}

static void handle(struct req *r, const struct route *routes)
{
  STRING body;
  string_init(&body);
  const struct route *rt = NULL;
  int path_known = 0, expired = 0;
  rt = route_match(routes, r->method, r->path, &r->id, &path_known);
  NEOERR *err = parse_request(r, rt, max_body, upload_dir);
  if (!err) err = identify(r, &expired);
  if (!err) {
    if (!rt && path_known) {
      char allow[32];
      route_allow(routes, r->path, allow, sizeof allow);
      err = req_header(r, "Allow: %s", allow);
      if (!err) err = nerr_raise(KERR_METHOD, "%s %s", r->method, r->path);
    } else if (!rt) {
      err = nerr_raise(KERR_NOT_FOUND, "%s", r->path);
    }
  }
  if (!err) err = authorise(r, rt, expired);
  if (!err && !r->redirect && strcmp(r->method, "POST") == 0 && !csrf_ok(r))
    err = app_fail(r, KERR_FORBIDDEN, "Csrf");
  if (!err && !r->redirect) err = rt->handler(r);
  if (r->streamed) {
    /* A download: the handler wrote everything itself. */
    below->request_end();
    if (err) log_error(&err, r->path);
    string_clear(&body);
    return;
  }
  if (!err && !r->redirect && r->template) {
    err = page_fill(r, NULL);
    if (!err) err = render(r->template, r->hdf, i18n_hdf(r->lang), &body);
  }
  below->request_end();
  if (err) render_error(r, &err, &body);
  else if (r->redirect) r->status = 303;
  send(r, &body);
  string_clear(&body);
}

static void req_end(struct req *r)
{
  cgi_destroy(&r->cgi);
  string_clear(&r->headers);
  free(r->redirect);
  memset(r, 0, sizeof *r);
}

static NEOERR *startup(const char *program)
{
  log_init(program);
  const char *v = getenv("KEHU_MAX_BODY");
  if (v && atol(v) > 0) max_body = atol(v);
  if ((v = getenv("KEHU_VAR")) && *v) {
    snprintf(upload_dir, sizeof upload_dir, "%s/tmp", v);
    mkdir(upload_dir, 0700);
  }
  session_config();
  session_use(below->sessions);
  page_nav_count(below->nav_count);
  headers_config();
  NEOERR *err = err_init();
  if (err) return nerr_pass(err);
  if (password_init() != 0) return nerr_raise(NERR_SYSTEM, "libsodium init failed");
  const char *tpl = getenv("KEHU_TEMPLATES"), *lang = getenv("KEHU_LANG_DIR");
  if ((err = render_init(tpl ? tpl : "templates"))) return nerr_pass(err);
  if ((err = i18n_init(lang ? lang : "conf/lang"))) return nerr_pass(err);
  /* A database that is down at start is not fatal: each request retries
   * and answers 503 meanwhile. */
  err = below->connect();
  if (err) log_error(&err, "startup");
  return STATUS_OK;
}

int app_main(int argc, char **argv, const struct route *routes, const struct app_runtime *rt)
{
  if (argc > 1 && strcmp(argv[1], "--routes") == 0) return route_print(routes);
  below = rt;
  NEOERR *err = startup(argv[0]);
  if (err) {
    log_error(&err, "startup");
    return 1;
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_term;   /* no SA_RESTART: let accept() return */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  if (FCGX_Init() != 0) {
    log_msg("error", "FCGX_Init failed");
    return 1;
  }
  FCGX_Request fx;
  FCGX_InitRequest(&fx, 0, 0);
  log_msg("info", "started");
  while (!stopping && FCGX_Accept_r(&fx) >= 0) {
    struct req r;
    memset(&r, 0, sizeof r);
    r.fx = &fx;
    r.t0 = log_now();
    r.status = 200;
    r.method = param(&r, "REQUEST_METHOD", "GET");
    r.path = param(&r, "DOCUMENT_URI", "/");
    r.lang = LANG_DEFAULT;
    snprintf(r.ip, sizeof r.ip, "%s", param(&r, "REMOTE_ADDR", ""));
    string_init(&r.headers);
    cgiwrap_init_emu(&r, cb_read, cb_writef, cb_write, cb_getenv, cb_putenv, cb_iterenv);
    handle(&r, routes);
    log_msg("req", "%s %s %d %.1fms u=%u", r.method, r.path, r.status,
            (log_now() - r.t0) * 1000.0, r.user.id);
    req_end(&r);
    FCGX_Finish_r(&fx);
  }
  FCGX_Free(&fx, 1);
  below->disconnect();
  i18n_destroy();
  render_destroy();
  log_msg("info", "stopped");
  return 0;
}
