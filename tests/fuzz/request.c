/* Request parsing as app.c does it (core/parse.c: Content-Type plan,
 * cgi_init with the query and cookies, cgi_parse of form and multipart
 * bodies, the UTF-8 checks), then what handlers do with the result: read
 * every parameter and open every uploaded file.
 *
 * Input: "NAME=value" lines (REQUEST_METHOD, DOCUMENT_URI, CONTENT_TYPE,
 * CONTENT_LENGTH, QUERY_STRING, HTTP_COOKIE, ...), an empty line, then the
 * body. Without an empty line the whole input is a multipart body for the
 * upload route. REQUEST_METHOD defaults to POST, CONTENT_LENGTH to the
 * body's length. The process
 * lives on between inputs, as a worker does between requests, so state
 * ClearSilver keeps in statics carries over. */
#include "fuzz.h"
#include "core/err.h"
#include "core/parse.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ENV 32

static NEOERR *h(struct req *r) { (void)r; return STATUS_OK; }

static const struct route routes[] = {
  { "POST", "/upload", ROLE_PUBLIC, h, 0, ROUTE_UPLOAD },
  { "POST", "/form", ROLE_PUBLIC, h, 0, 0 },
  { "GET", "/form", ROLE_PUBLIC, h, 0, 0 },
  { 0 },
};

struct emu {
  struct req r;              /* first: cgiwrap hands the callbacks &emu */
  char *env[MAX_ENV];        /* "NAME=value" */
  int nenv;
  const char *body;
  size_t body_len, body_pos;
  char length[24];
};

static const char *lookup(struct emu *e, const char *k)
{
  size_t kl = strlen(k);
  for (int i = 0; i < e->nenv; i++)
    if (strncmp(e->env[i], k, kl) == 0 && e->env[i][kl] == '=') return e->env[i] + kl + 1;
  if (strcmp(k, "CONTENT_LENGTH") == 0) return e->length;
  return NULL;
}

static int cb_read(void *data, char *buf, int n)
{
  struct emu *e = data;
  size_t left = e->body_len - e->body_pos;
  if ((size_t)n > left) n = (int)left;
  memcpy(buf, e->body + e->body_pos, n);
  e->body_pos += n;
  return parse_filter(&e->r, buf, n);
}

static int cb_writef(void *data, const char *fmt, va_list ap)
{
  (void)data; (void)fmt; (void)ap;
  return 0;
}

static int cb_write(void *data, const char *buf, int n)
{
  (void)data; (void)buf;
  return n;
}

static char *cb_getenv(void *data, const char *k)
{
  struct emu *e = data;
  return parse_getenv(&e->r, k, lookup(e, k));
}

static int cb_putenv(void *data, const char *k, const char *v)
{
  (void)data; (void)k; (void)v;
  return 0;
}

static int cb_iterenv(void *data, int num, char **k, char **v)
{
  struct emu *e = data;
  *k = *v = NULL;
  if (num < 0 || num >= e->nenv) return 0;
  const char *eq = strchr(e->env[num], '=');
  *k = strndup(e->env[num], eq - e->env[num]);
  *v = strdup(eq + 1);
  return 0;
}

/* Splits the input into environment lines and the body. */
static void load(struct emu *e, const char *in, size_t n)
{
  const char *sep = memmem(in, n, "\n\n", 2);
  if (!sep) {
    e->env[e->nenv++] = strdup("CONTENT_TYPE=multipart/form-data; boundary=B");
    e->body = in;
    e->body_len = n;
  } else {
    for (const char *p = in; p < sep && e->nenv < MAX_ENV;) {
      const char *nl = memchr(p, '\n', sep - p);
      if (!nl) nl = sep;
      if (memchr(p, '=', nl - p) && !memchr(p, '\0', nl - p))
        e->env[e->nenv++] = strndup(p, nl - p);
      p = nl + 1;
    }
    e->body = sep + 2;
    e->body_len = n - (sep + 2 - in);
  }
  /* cgi_init takes the method from the environment, not from r->method:
   * without it ClearSilver would take every input for a GET and never
   * parse a body. */
  if (!lookup(e, "REQUEST_METHOD") && e->nenv < MAX_ENV)
    e->env[e->nenv++] = strdup("REQUEST_METHOD=POST");
  snprintf(e->length, sizeof e->length, "%zu", e->body_len);
}

/* What a handler does: every parameter read, every upload opened. */
static void use(struct req *r)
{
  for (HDF *q = hdf_obj_child(hdf_get_obj(r->hdf, "Query")); q; q = hdf_obj_next(q)) {
    const char *v = hdf_obj_value(q);
    if (v) (void)strlen(v);
    FILE *fp = cgi_filehandle(r->cgi, hdf_obj_name(q));
    if (fp) {
      char buf[4096];
      while (fread(buf, 1, sizeof buf, fp) > 0) {}
    }
  }
  for (HDF *c = hdf_obj_child(hdf_get_obj(r->hdf, "Cookie")); c; c = hdf_obj_next(c))
    (void)hdf_obj_value(c);
}

static char upload_dir[] = "/tmp/kehu-fuzz-XXXXXX";

/* ClearSilver unlinks each upload as it opens it: the directory is empty
 * at exit. */
static void remove_upload_dir(void)
{
  rmdir(upload_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready;
  if (!ready) {
    NEOERR *err = err_init();
    if (err) { nerr_ignore(&err); return 0; }
    if (!mkdtemp(upload_dir)) return 0;
    atexit(remove_upload_dir);
    ready = 1;
  }
  struct emu *e = calloc(1, sizeof *e);
  if (!e) return 0;
  load(e, (const char *)data, size);
  const char *m = lookup(e, "REQUEST_METHOD"), *path = lookup(e, "DOCUMENT_URI");
  e->r.method = m ? m : "POST";
  e->r.path = path ? path : "/upload";
  e->r.status = 200;
  long long id;
  int known;
  const struct route *rt = route_match(routes, e->r.method, e->r.path, &id, &known);
  cgiwrap_init_emu(e, cb_read, cb_writef, cb_write, cb_getenv, cb_putenv, cb_iterenv);
  NEOERR *err = parse_request(&e->r, rt, 1 << 20, upload_dir);
  if (err) nerr_ignore(&err);
  else use(&e->r);
  cgi_destroy(&e->r.cgi);
  for (int i = 0; i < e->nenv; i++) free(e->env[i]);
  free(e);
  return 0;
}
