#ifndef KEHU_MEDIATYPE_H
#define KEHU_MEDIATYPE_H
/* A request's Content-Type, read strictly (RFC 9110 8.3.1 media type with
 * parameters, RFC 2046 5.1.1 boundary) so that ClearSilver's body parser
 * only ever sees a type it handles safely: it matches the form type
 * exactly and keeps the last multipart boundary in a static, so a
 * multipart type without one made it read a stale or NULL boundary. */

#include <stddef.h>

#define MEDIA_TYPE_MAX 64
#define MEDIA_BOUNDARY_MAX 70
#define MEDIA_CHARSET_MAX 40

struct media_type {
  char type[MEDIA_TYPE_MAX + 1];      /* "type/subtype" in lower case */
  char boundary[MEDIA_BOUNDARY_MAX + 1];
  char charset[MEDIA_CHARSET_MAX + 1];
  int boundaries;                     /* boundary parameters seen */
  int charsets;                       /* charset parameters seen */
  int boundary_bad;                   /* a boundary that RFC 2046 refuses */
};

/* 0 when s is a media type with well-formed parameters (values unquoted
 * into m); -1 when it is not (or a part is longer than the fields). */
int media_type_parse(const char *s, struct media_type *m);

/* 1 when b[0..n) is an RFC 2046 boundary: 1-70 bchars, not ending in a
 * space. */
int media_boundary_valid(const char *b, size_t n);
#endif
