#include "core/parse.h"
#include "core/err.h"
#include "core/mediatype.h"
#include "core/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define FORM_TYPE "application/x-www-form-urlencoded"
#define MULTIPART_TYPE "multipart/form-data"

static void refuse(struct body_plan *plan, NERR_TYPE *kind, const char *key)
{
  plan->parse = 0;
  plan->type[0] = '\0';
  plan->refuse = kind;
  plan->key = key;
}

void body_plan(const char *method, const struct route *route,
               const char *content_type, struct body_plan *plan)
{
  memset(plan, 0, sizeof *plan);
  /* Only a POST route reads a body: a GET, a 404 or a 405 never has its
   * body parsed, whatever it claims to be. */
  if (!route || strcmp(method, "POST") != 0 || strcmp(route->method, "POST") != 0)
    return;
  if (!content_type || !*content_type) return;
  struct media_type m;
  if (media_type_parse(content_type, &m) != 0) {
    refuse(plan, &KERR_BAD_REQUEST, "BadContentType");
    return;
  }
  if (strcmp(m.type, FORM_TYPE) == 0) {
    /* Browsers send no charset; many other clients send utf-8. */
    if (m.charsets > 1) refuse(plan, &KERR_BAD_REQUEST, "BadContentType");
    else if (m.charsets && strcasecmp(m.charset, "utf-8") != 0)
      refuse(plan, &KERR_UNSUPPORTED, "Charset");
    else {
      plan->parse = 1;
      snprintf(plan->type, sizeof plan->type, "%s", FORM_TYPE);
    }
    return;
  }
  if (strcmp(m.type, MULTIPART_TYPE) == 0) {
    if (m.boundaries != 1 || m.boundary_bad)
      refuse(plan, &KERR_BAD_REQUEST, "BadBoundary");
    else if (route->upload != ROUTE_UPLOAD)
      refuse(plan, &KERR_UNSUPPORTED, "NoUpload");
    else {
      plan->parse = 1;
      /* Quoted, so that the bchars a token may not hold (space, "/",
       * ":", ...) reach ClearSilver whole. */
      snprintf(plan->type, sizeof plan->type, "%s; boundary=\"%s\"", MULTIPART_TYPE,
               m.boundary);
      memcpy(plan->boundary, m.boundary, sizeof plan->boundary);
    }
    return;
  }
  /* Any other type: ClearSilver would ignore it, and so do we (the
   * handler sees no fields, so CSRF refuses a state change). */
}

int parse_filter(struct req *r, char *buf, int got)
{
  if (got <= 0 || !r->scan.active) return got;
  return partscan_feed(&r->scan, buf, (size_t)got) == 0 ? got : 0;
}

char *parse_getenv(struct req *r, const char *k, const char *raw)
{
  if (r->body_type_set && strcmp(k, "CONTENT_TYPE") == 0)
    return r->body_type[0] ? strdup(r->body_type) : NULL;
  return raw ? strdup(raw) : NULL;
}

/* The raw value of an environment variable, through cgiwrap (the caller
 * frees it; NULL when unset). */
static char *env(const char *k)
{
  char *v = NULL;
  NEOERR *err = cgiwrap_getenv(k, &v);
  if (err) {
    nerr_ignore(&err);
    return NULL;
  }
  return v;
}

/* Content-Length: digits only, within the limit. */
static NEOERR *check_length(long limit)
{
  char *cl = env("CONTENT_LENGTH");
  NEOERR *err = STATUS_OK;
  if (cl && *cl) {
    long n = 0;
    const char *p = cl;
    for (; *p >= '0' && *p <= '9' && n <= limit; p++) n = n * 10 + (*p - '0');
    if (n > limit) err = nerr_raise(KERR_TOO_LARGE, "body of more than %ld bytes", limit);
    else if (*p) err = nerr_raise(KERR_BAD_REQUEST, "bad Content-Length");
  }
  free(cl);
  return err;
}

/* Every name and value under node must be valid UTF-8 without controls. */
static int tree_valid(HDF *node)
{
  for (; node; node = hdf_obj_next(node)) {
    const char *name = hdf_obj_name(node), *value = hdf_obj_value(node);
    if (name && !utf8_valid(name, strlen(name))) return 0;
    if (value && !utf8_valid(value, strlen(value))) return 0;
    if (!tree_valid(hdf_obj_child(node))) return 0;
  }
  return 1;
}

NEOERR *parse_request(struct req *r, const struct route *route, long max_body,
                      const char *upload_dir)
{
  NEOERR *err;
  struct body_plan plan;
  char *type = env("CONTENT_TYPE");
  body_plan(r->method, route, type, &plan);
  free(type);
  /* From here on ClearSilver reads the plan's type, not the client's. */
  memcpy(r->body_type, plan.type, sizeof r->body_type);
  r->body_type_set = 1;
  if ((err = cgi_init(&r->cgi, NULL))) return nerr_pass_ctx(err, "%s", "cgi_init");
  r->hdf = r->cgi->hdf;
  if (!utf8_valid(r->path, strlen(r->path)))
    return nerr_raise(KERR_BAD_REQUEST, "path is not UTF-8");
  if (plan.refuse) return app_fail(r, *plan.refuse, plan.key);
  if (plan.parse) {
    long limit = route->max_body ? route->max_body : max_body;
    if ((err = check_length(limit))) return nerr_pass(err);
    /* Uploads are spooled to our own temp dir (not /var/tmp) and
     * unlinked as soon as they are opened. */
    if ((err = hdf_set_value(r->hdf, "Config.Upload.TmpDir", upload_dir)))
      return nerr_pass(err);
    if (plan.boundary[0]) partscan_init(&r->scan, plan.boundary);
    err = cgi_parse(r->cgi);
    if (r->scan.bad) {
      /* ClearSilver saw an early end; the reason is ours. */
      if (err) nerr_ignore(&err);
      return app_fail(r, KERR_BAD_REQUEST, "BadBody");
    }
    if (err) {
      /* A short or malformed body is the client's fault, not ours. */
      if (nerr_match(err, NERR_IO) || nerr_match(err, NERR_PARSE)) {
        nerr_ignore(&err);
        return app_fail(r, KERR_BAD_REQUEST, "BadBody");
      }
      return nerr_pass_ctx(err, "%s", "cgi_parse");
    }
  }
  /* Form data, cookies and headers (the user agent is stored with the
   * session): nothing that is not UTF-8 gets past this point. */
  static const char *inputs[] = { "Query", "Cookie", "HTTP" };
  for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++)
    if (!tree_valid(hdf_get_obj(r->hdf, inputs[i])))
      return nerr_raise(KERR_BAD_REQUEST, "%s is not valid UTF-8", inputs[i]);
  return STATUS_OK;
}
