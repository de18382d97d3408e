/* GET /admin/outbox: the notifications that wait, failed or were sent
 * (one tab each, ?state=), each with its source and last error; POST
 * /admin/outbox/{id}/retry queues one again now (after the mail server or
 * SMS gateway is fixed). */
#include "admin/pages.h"
#include "core/err.h"
#include "db/outbox.h"
#include <stdlib.h>
#include <string.h>

static const char *const states[] = { "queued", "failed", "sent", NULL };

NEOERR *admin_outbox(struct req *r)
{
  const char *state = req_param(r, "state");
  int known = 0;
  for (int i = 0; state && states[i]; i++) known |= strcmp(state, states[i]) == 0;
  if (!known) state = states[0];
  const char *hook = getenv("KEHU_SMS_HOOK");
  NEOERR *err = hdf_set_value(r->hdf, "Outbox.state", state);
  if (!err) err = hdf_set_int_value(r->hdf, "Outbox.sms_hook", hook && *hook);
  if (!err) err = db_outbox_list(&r->user, state, r->hdf, "Rows");
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/outbox.cs"));
}

NEOERR *admin_outbox_retry(struct req *r)
{
  int outcome;
  NEOERR *err = db_outbox_retry(&r->user, r->ip, r->id, &outcome);
  if (err) return nerr_pass(err);
  if (outcome < 0) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  /* Sent meanwhile: the list says so, nothing to fix. */
  if ((err = req_flash(r, outcome ? "OutboxRetried" : "OutboxGone"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/outbox?state=%s", outcome ? "queued" : "sent"));
}
