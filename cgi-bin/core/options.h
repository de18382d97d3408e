#ifndef KEHU_OPTIONS_H
#define KEHU_OPTIONS_H
/* Long <select> menus held as rendered HTML: a worker renders a menu's
 * options once (from a template, escaped as every page is) and marks the
 * chosen one per request, instead of copying the menu into each request's
 * data and looping over it in the page's template. */
#include <ClearSilver.h>

/* Copies the options html to out with the option whose value attribute is
 * exactly `value` marked selected. Only plain values (letters, digits,
 * '_', '-') are looked for; any other value, or none found, selects none. */
NEOERR *options_select(const char *html, const char *value, STRING *out);
#endif
