#include "core/req.h"
#include "core/disposition.h"
#include "core/headers.h"
#include "core/session.h"
#include <ctype.h>
#include <ClearSilver.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *req_param(struct req *r, const char *name)
{
  char key[128];
  snprintf(key, sizeof key, "Query.%s", name);
  return hdf_get_value(r->hdf, key, NULL);
}

const char *req_cookie(struct req *r, const char *name)
{
  char key[128];
  snprintf(key, sizeof key, "Cookie.%s", name);
  return hdf_get_value(r->hdf, key, NULL);
}

const char *req_param_trim(struct req *r, const char *name, char *buf, size_t n)
{
  const char *v = req_param(r, name);
  if (!v) v = "";
  while (*v && isspace((unsigned char)*v)) v++;
  size_t len = strlen(v);
  while (len && isspace((unsigned char)v[len - 1])) len--;
  if (len >= n) len = n - 1;
  memcpy(buf, v, len);
  buf[len] = '\0';
  return buf;
}

long long req_param_int(struct req *r, const char *name, long long dflt,
                        long long min, long long max)
{
  const char *v = req_param(r, name);
  if (!v || !*v) return dflt;
  char *end;
  long long n = strtoll(v, &end, 10);
  if (*end || n < min || n > max) return dflt;
  return n;
}

NEOERR *req_header(struct req *r, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  NEOERR *err = string_appendvf(&r->headers, fmt, ap);
  va_end(ap);
  if (err) return nerr_pass(err);
  return nerr_pass(string_append(&r->headers, "\r\n"));
}

/* max_age < 0: a browser-session cookie; 0: delete it. */
NEOERR *req_set_cookie(struct req *r, const char *name, const char *value,
                       int max_age, int http_only)
{
  char age[32] = "";
  if (max_age >= 0) snprintf(age, sizeof age, "; Max-Age=%d", max_age);
  return nerr_pass(req_header(r, "Set-Cookie: %s=%s; Path=/%s%s; SameSite=Lax%s",
                              name, value, age, http_only ? "; HttpOnly" : "",
                              session_secure_cookie() ? "; Secure" : ""));
}

/* Longer redirect targets are not ours (nginx's own URLs stay far below). */
#define REDIRECT_MAX 4096

static int hex_digit(char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  c = (char)(c | 0x20);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Byte i of path as a browser reading the Location would see it once
 * percent-decoded; *step is how many bytes of path it took. */
static unsigned char decoded_at(const char *path, size_t i, size_t *step)
{
  int hi, lo;
  if (path[i] == '%' && (hi = hex_digit(path[i + 1])) >= 0 &&
      (lo = hex_digit(path[i + 2])) >= 0) {
    *step = 3;
    return (unsigned char)(hi << 4 | lo);
  }
  *step = 1;
  return (unsigned char)path[i];
}

static int is_control(unsigned char c)
{
  return c < 0x20 || c == 0x7f;
}

const char *req_local_path(const char *path)
{
  if (!path || path[0] != '/' || strlen(path) > REDIRECT_MAX) return "/";
  /* Browsers drop tabs and line breaks from a URL and read "\" as "/", so
   * "/\t/host" and "/\\host" are "//host": another site. The second
   * character decides, raw or percent-decoded ("/%2F/host" too). */
  size_t step;
  unsigned char second = decoded_at(path, 1, &step);
  if (second == '\0' || second == '/' || second == '\\' || second == ' ' ||
      is_control(second))
    return "/";
  for (size_t i = 1; path[i]; i += step)
    if (is_control(decoded_at(path, i, &step))) return "/";
  return path;
}

NEOERR *req_redirect(struct req *r, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  char *loc = vsprintf_alloc(fmt, ap);
  va_end(ap);
  if (!loc) return nerr_raise(NERR_NOMEM, "redirect");
  /* Only local paths: an open redirect would make a phishing tool of us. */
  if (req_local_path(loc) != loc) {
    free(loc);
    loc = strdup("/");
    if (!loc) return nerr_raise(NERR_NOMEM, "redirect");
  }
  free(r->redirect);
  r->redirect = loc;
  return STATUS_OK;
}

NEOERR *req_flash(struct req *r, const char *key)
{
  return nerr_pass(req_set_cookie(r, "kehu_flash", key, 60, 1));
}

NEOERR *req_stream(struct req *r, const char *content_type, const char *filename)
{
  if (r->streamed) return nerr_raise(NERR_ASSERT, "response already started");
  /* Built before anything is sent, so a failure can still be a page. */
  STRING cd;
  string_init(&cd);
  NEOERR *err = filename ? content_disposition(filename, &cd) : STATUS_OK;
  if (err) { string_clear(&cd); return nerr_pass(err); }
  FCGX_Stream *out = r->fx->out;
  FCGX_FPrintF(out, "Status: 200 OK\r\nContent-Type: %s\r\n"
               "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n%s",
               content_type, headers_hsts());
  if (cd.len) FCGX_FPrintF(out, "Content-Disposition: %s\r\n", cd.buf);
  string_clear(&cd);
  if (r->headers.len) FCGX_PutStr(r->headers.buf, r->headers.len, out);
  FCGX_PutS("\r\n", out);
  r->streamed = 1;
  return STATUS_OK;
}

NEOERR *req_write(struct req *r, const void *buf, size_t n)
{
  if (!r->streamed) return nerr_raise(NERR_ASSERT, "req_write before req_stream");
  while (n > 0) {
    int chunk = n > (1 << 20) ? (1 << 20) : (int)n;
    if (FCGX_PutStr(buf, chunk, r->fx->out) != chunk)
      return nerr_raise(NERR_IO, "client went away during a download");
    buf = (const char *)buf + chunk;
    n -= chunk;
  }
  return STATUS_OK;
}
