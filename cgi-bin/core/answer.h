#ifndef KEHU_ANSWER_H
#define KEHU_ANSWER_H
/* The answer to a POST that changed one record (a complaint, a plan):
 * saved, the record's page with a flash message; refused, the error page
 * the outcome's table entry names, offering the way back to the record
 * (unless the refusal is that there is no such record). */
#include "core/req.h"
#include <stddef.h>

struct answer_entry {
  int outcome;          /* a value of the caller's outcome enum */
  NERR_TYPE *type;      /* KERR_* of the error page */
  const char *key;      /* its message */
};

struct answers {
  const char *path;     /* the record's page: path/{r->id} */
  const char *label;    /* Error.BackLabel */
  int ok;               /* the outcome that means saved */
  const struct answer_entry *map;
  size_t n;
};

NEOERR *answer_record(struct req *r, const struct answers *a, int outcome, const char *flash);
#endif
