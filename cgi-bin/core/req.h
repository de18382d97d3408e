#ifndef KEHU_REQ_H
#define KEHU_REQ_H
/* One request, from accept to the last byte. Everything allocated for it
 * hangs off this struct (the CGI object owns the HDF; `headers` and
 * `redirect` are freed by req_end), so nothing survives into the next
 * request of the long-lived FastCGI process. */
#include "core/partscan.h"
#include <ClearSilver.h>
#include <fcgiapp.h>

enum role {
  ROLE_NONE = 0,
  ROLE_ADMIN = 1 << 0,
  ROLE_LEADER = 1 << 1,
  ROLE_STAFF = 1 << 2,
  ROLE_RM = 1 << 3,          /* regional manager: bound to regions */
  ROLE_PUBLIC = 1 << 4,      /* route needs no sign-in */
};
#define ROLES_SIGNED_IN (ROLE_ADMIN | ROLE_LEADER | ROLE_STAFF | ROLE_RM)
#define ROLES_OFFICE (ROLE_ADMIN | ROLE_LEADER | ROLE_STAFF)

#define USER_MAX_REGIONS 16

struct user {
  unsigned id;               /* 0: not signed in */
  enum role role;
  char username[65];
  char display_name[257];
  char lang[8];
  char csrf[65];
  int nregions;
  unsigned regions[USER_MAX_REGIONS];
  unsigned long long signin_id;  /* the session's sign-in (login_attempts.id) */
  int must_change;           /* a one-time password: only /account/password until changed */
};

struct req {
  FCGX_Request *fx;
  CGI *cgi;
  HDF *hdf;                  /* cgi->hdf: request data and template data */
  const char *method;
  const char *path;
  long long id;              /* the numeric {id} segment of the route, if any */
  struct user user;
  const char *lang;          /* "zh-CN" or "en" */
  char ip[46];
  int status;
  const char *template;      /* handler sets: render this page */
  char *redirect;            /* or: answer 303 to this location */
  STRING headers;            /* extra response headers, CRLF-terminated */
  char session_token[65];    /* raw token when a session cookie is valid */
  int streamed;              /* req_stream sent the headers: no page follows */
  int body_type_set;         /* ClearSilver sees body_type as CONTENT_TYPE */
  char body_type[128];       /* ("": none), set by parse_request */
  struct partscan scan;      /* a multipart body's part headers, as read */
  double t0;
};

/* Form and query values (NULL when absent). */
const char *req_param(struct req *r, const char *name);
const char *req_cookie(struct req *r, const char *name);
/* Trimmed copy of a parameter in buf ("" when absent). */
const char *req_param_trim(struct req *r, const char *name, char *buf, size_t n);
long long req_param_int(struct req *r, const char *name, long long dflt,
                        long long min, long long max);
/* The largest row id a parameter may name (far above any table's ids; a
 * larger number is not an id and is refused before any lookup). */
#define REQ_ID_MAX 0x7fffffffffffLL

/* Queue a Set-Cookie header; value must be cookie-safe (hex/ASCII). */
NEOERR *req_set_cookie(struct req *r, const char *name, const char *value,
                       int max_age, int http_only);
NEOERR *req_header(struct req *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* path when it is a path on this site, else "/": where a redirect taken
 * from input (next, back) may go without making an open redirect. Local
 * means one "/" then a character that is not "/", "\\", a space or a
 * control character, and no control character anywhere after it; each
 * checked both as written and percent-decoded; at most 4096 bytes. */
const char *req_local_path(const char *path);
/* Answer 303 See Other to a local path (anything else goes to "/"). */
NEOERR *req_redirect(struct req *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A streamed download (CSV, XLSX, an attachment): sends status 200 and the
 * headers now, with Content-Disposition: attachment when filename is set
 * (core/disposition.h builds it: cleaned, ASCII fallback and filename*). The handler then writes
 * the body with req_write and returns; the dispatcher sends nothing more.
 * An error after this point can only be logged: the status is gone. */
NEOERR *req_stream(struct req *r, const char *content_type, const char *filename);
NEOERR *req_write(struct req *r, const void *buf, size_t n);

/* Show a one-time message (a language key under L.Flash) on the next page. */
NEOERR *req_flash(struct req *r, const char *key);
#endif
