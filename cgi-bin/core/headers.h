#ifndef KEHU_HEADERS_H
#define KEHU_HEADERS_H
/* The security headers of the programs' responses. nginx sends the same
 * policy on what it serves itself (conf/nginx-headers.conf.in);
 * tests/http/test_static_headers.py checks that the two agree. */

/* Reads KEHU_HSTS: "1" (the site is served over TLS) adds
 * Strict-Transport-Security to every response. Once per process. */
void headers_config(void);
/* The header lines of a page (nosniff, frame options, referrer policy,
 * CSP, and HSTS when enabled), each ending in CRLF. */
const char *headers_page(void);
/* The Strict-Transport-Security line when enabled, else "": for responses
 * that build their own headers (downloads). */
const char *headers_hsts(void);

#endif
