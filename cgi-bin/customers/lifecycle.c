/* The lifecycle override (人工调整) on the customer file: the batch proposes
 * a stage (系统建议); staff may set another with a reason, or remove the
 * override to return to the proposal. POST /customers/{id}/lifecycle,
 * with remove=1 for the removal; `life_version` is the override's version
 * the form was drawn with (0: none), so two people cannot overwrite each
 * other unseen. */
#include "customers/pages.h"
#include "customers/tabs.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/customer_analysis.h"
#include <string.h>

#define REASON_MAX 500

static const char *const stages[] = { "target", "potential", "one_time", "loyal" };

static int known_stage(const char *s)
{
  for (size_t i = 0; i < sizeof stages / sizeof stages[0]; i++)
    if (strcmp(s, stages[i]) == 0) return 1;
  return 0;
}

/* The file again, the form open with the messages. */
static NEOERR *file_page(struct req *r)
{
  return nerr_pass(customers_show_tab(r, "basic"));
}

static NEOERR *answer(struct req *r, enum life_outcome o, const char *flash)
{
  if (o == LIFE_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if (o == LIFE_CONFLICT) return app_fail(r, KERR_CONFLICT, "LifeChanged");
  NEOERR *err = req_flash(r, flash);
  if (err) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld#analysis", r->id));
}

NEOERR *customers_lifecycle(struct req *r)
{
  long long version = req_param_int(r, "life_version", -1, 0, 0x7fffffff);
  if (version < 0) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  enum life_outcome o;
  NEOERR *err;
  if (req_param_int(r, "remove", 0, 0, 1) == 1) {
    if ((err = db_customer_life_clear(&r->user, r->ip, r->id, version, &o))) return nerr_pass(err);
    return nerr_pass(answer(r, o, "LifeRemoved"));
  }
  struct form f = { .r = r };
  char sbuf[32], rbuf[REASON_MAX * 4 + 8];
  const char *stage = form_text(&f, "life_stage", 1, 16, sbuf, sizeof sbuf);
  if (*stage && !known_stage(stage)) form_error(&f, "life_stage", "Valid.Choice");
  const char *reason = form_text(&f, "life_reason", 1, REASON_MAX, rbuf, sizeof rbuf);
  if ((err = hdf_set_int_value(r->hdf, "Form.life_version", (int)version)))
    return nerr_pass(err);
  if (form_sent_back(&f, file_page, &err)) return nerr_pass(err);
  if ((err = db_customer_life_set(&r->user, r->ip, r->id, version, stage, reason, &o)))
    return nerr_pass(err);
  return nerr_pass(answer(r, o, "LifeSet"));
}
