#ifndef KEHU_PARTSCAN_H
#define KEHU_PARTSCAN_H
/* Watches a multipart/form-data body on its way into ClearSilver and stops
 * it before the first part header ClearSilver mishandles: a header named
 * twice in one part (ClearSilver leaks the first Content-Disposition's
 * name, found by the request fuzzer) or a header line longer than
 * PARTSCAN_MAX_HEADER. The bytes are checked before they are handed on, so
 * ClearSilver never reads the offending line. */
#include "core/mediatype.h"
#include <stddef.h>

#define PARTSCAN_MAX_HEADER 8192

struct partscan {
  int active;                /* set for a multipart body */
  int bad;                   /* the body was refused */
  char delim[MEDIA_BOUNDARY_MAX + 3];   /* "--" + boundary */
  size_t delim_len;
  int in_headers;            /* between a delimiter line and a blank line */
  unsigned seen;             /* the headers of this part so far */
  size_t line_len;
  char head[MEDIA_BOUNDARY_MAX + 8];    /* the line's first bytes */
};

void partscan_init(struct partscan *s, const char *boundary);
/* 0: buf[0..n) may go on to ClearSilver; -1: refuse the body. */
int partscan_feed(struct partscan *s, const char *buf, size_t n);
#endif
