#ifndef KEHU_QS_H
#define KEHU_QS_H
/* A query string built one parameter at a time, for the links a list page
 * draws (pages, sort, export) with its filter in them. */
#include <ClearSilver.h>

/* Appends name=value (value URL-escaped, '&' between parameters); an
 * empty or NULL value adds nothing. */
NEOERR *qs_add(STRING *s, const char *name, const char *value);
#endif
