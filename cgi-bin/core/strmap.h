#ifndef KEHU_STRMAP_H
#define KEHU_STRMAP_H
/* Strings to numbers, for the codes and order numbers of an uploaded file:
 * keys are compared ignoring ASCII case (as the unique indexes compare
 * codes) and cut to STRMAP_KEY_MAX bytes. The index is ClearSilver's
 * NE_HASH (linked already); this keeps the key copies it points at. */
#include <ClearSilver.h>

#define STRMAP_KEY_MAX 63

struct strmap {
  NE_HASH *index;            /* lower-cased key -> position + 1 */
  char **keys;               /* in the order they came */
  long *vals;
  long count, cap;
};

/* A zeroed struct strmap is an empty map. *found = the value stored for
 * key, or -1 when key is new: then val is stored for it. */
NEOERR *strmap_put(struct strmap *m, const char *key, long val, long *found);
void strmap_free(struct strmap *m);
#endif
