#include "core/headers.h"
#include <stdlib.h>
#include <string.h>

/* A year, the usual figure; no includeSubDomains: other hosts of the
 * intranet domain may not have TLS. */
#define HSTS "Strict-Transport-Security: max-age=31536000\r\n"
#define POLICY                                                             \
  "X-Content-Type-Options: nosniff\r\n"                                    \
  "X-Frame-Options: DENY\r\n"                                              \
  "Referrer-Policy: same-origin\r\n"                                       \
  "Content-Security-Policy: default-src 'self'; img-src 'self' data:;"    \
  " object-src 'none'; frame-ancestors 'none'; form-action 'self'\r\n"

static int hsts;

void headers_config(void)
{
  const char *v = getenv("KEHU_HSTS");
  hsts = v && strcmp(v, "1") == 0;
}

const char *headers_page(void)
{
  return hsts ? POLICY HSTS : POLICY;
}

const char *headers_hsts(void)
{
  return hsts ? HSTS : "";
}
