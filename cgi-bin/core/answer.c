#include "core/answer.h"
#include "core/app.h"
#include "core/err.h"
#include <stdio.h>

NEOERR *answer_record(struct req *r, const struct answers *a, int outcome, const char *flash)
{
  NEOERR *err;
  if (outcome == a->ok) {
    if ((err = req_flash(r, flash))) return nerr_pass(err);
    return nerr_pass(req_redirect(r, "%s/%lld", a->path, r->id));
  }
  for (size_t i = 0; i < a->n; i++) {
    if (a->map[i].outcome != outcome) continue;
    /* A record created by someone else a moment ago has no id here: no
     * link then. */
    if (*a->map[i].type != KERR_NOT_FOUND && r->id > 0) {
      char back[64];
      snprintf(back, sizeof back, "%s/%lld", a->path, r->id);
      if ((err = hdf_set_value(r->hdf, "Error.Back", back)) ||
          (err = hdf_set_value(r->hdf, "Error.BackLabel", a->label)))
        return nerr_pass(err);
    }
    return app_fail(r, *a->map[i].type, a->map[i].key);
  }
  return nerr_raise(NERR_ASSERT, "unexpected %s outcome %d", a->label, outcome);
}
