#include "core/options.h"
#include <stdio.h>
#include <string.h>

static int plain(const char *v)
{
  if (!v || !*v || strlen(v) > 64) return 0;
  for (; *v; v++)
    if (!((*v >= '0' && *v <= '9') || (*v >= 'a' && *v <= 'z') || (*v >= 'A' && *v <= 'Z') ||
          *v == '_' || *v == '-'))
      return 0;
  return 1;
}

NEOERR *options_select(const char *html, const char *value, STRING *out)
{
  char needle[96];
  const char *at = NULL;
  if (plain(value)) {
    snprintf(needle, sizeof needle, "<option value=\"%s\">", value);
    at = strstr(html, needle);
  }
  if (!at) return nerr_pass(string_append(out, html));
  size_t head = (size_t)(at - html) + strlen(needle) - 1;    /* up to the '>' */
  NEOERR *err = string_appendn(out, html, (int)head);
  if (!err) err = string_append(out, " selected");
  if (!err) err = string_append(out, html + head);
  return nerr_pass(err);
}
