#include "core/qs.h"
#include <stdlib.h>

NEOERR *qs_add(STRING *s, const char *name, const char *value)
{
  if (!value || !*value) return STATUS_OK;
  char *esc = NULL;
  NEOERR *err = cgi_url_escape(value, &esc);
  if (!err) err = string_appendf(s, "%s%s=%s", s->len ? "&" : "", name, esc);
  free(esc);
  return nerr_pass(err);
}
