#ifndef KEHU_PARSE_H
#define KEHU_PARSE_H
/* A request's input, before sign-in and CSRF: the environment, query and
 * cookies, and the body when the route takes one. Called by app.c for
 * every request, and by the fuzz harness (tests/fuzz/) with an in-memory
 * environment through cgiwrap_init_emu: both must pass what they read
 * through parse_filter and what they look up through parse_getenv. */
#include "core/app.h"
#include "core/mediatype.h"

/* What ClearSilver may do with the body, decided from the route and the
 * Content-Type before it sees either. */
struct body_plan {
  int parse;                /* 1: cgi_parse the body */
  char type[128];           /* the Content-Type ClearSilver is shown */
  char boundary[MEDIA_BOUNDARY_MAX + 1];   /* multipart: its boundary */
  NERR_TYPE *refuse;        /* set: refuse the request with this kind... */
  const char *key;          /* ...and this L.Error.Text key */
};

/* The plan for a request: `route` NULL means no route (404/405). Pure: the
 * unit tests call it directly. */
void body_plan(const char *method, const struct route *route,
               const char *content_type, struct body_plan *plan);

/* Builds r->cgi and r->hdf and reads the body within the route's limit
 * (max_body when it has none), spooling uploads to upload_dir; then checks
 * that every input is UTF-8. */
NEOERR *parse_request(struct req *r, const struct route *route, long max_body,
                      const char *upload_dir);

/* For the cgiwrap read callback: got bytes were read into buf; returns
 * what ClearSilver may have (0, an early end, once a multipart body has a
 * part header ClearSilver mishandles: parse_request then answers 400). */
int parse_filter(struct req *r, char *buf, int got);

/* For the cgiwrap getenv callback: a malloc'd copy of the value
 * ClearSilver is to see for variable k whose real value is raw (NULL:
 * unset), the Content-Type being replaced by the plan's. */
char *parse_getenv(struct req *r, const char *k, const char *raw);
#endif
