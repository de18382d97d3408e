/* The workflow (draft → submitted → approved / returned → in progress →
 * closed; a revision of an approved plan): POST /plans/{id}/act with
 * `action` and the plan's `version`. Who may do what is decided inside
 * the transaction (db_plan_act); a return needs the leader's reason. */
#include "plans/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include <string.h>

NEOERR *plans_act(struct req *r)
{
  static const struct { const char *name; enum plan_action act; const char *flash; } acts[] = {
    { "submit", PLAN_SUBMIT, "PlanSubmitted" }, { "approve", PLAN_APPROVE, "PlanApproved" },
    { "return", PLAN_RETURN, "PlanReturned" }, { "revise", PLAN_REVISE, "PlanRevised" },
    { "start", PLAN_START, "PlanStarted" }, { "close", PLAN_CLOSE, "PlanClosed" },
  };
  const char *action = req_param(r, "action");
  long long version = plans_version(r);
  size_t i = 0;
  while (action && i < sizeof acts / sizeof acts[0] && strcmp(acts[i].name, action) != 0) i++;
  if (!action || i == sizeof acts / sizeof acts[0] || !version)
    return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  enum plan_action act = acts[i].act;
  struct form f = { .r = r };
  char comment[8200];
  form_text(&f, "comment", act == PLAN_RETURN, 2000, comment, sizeof comment);
  NEOERR *err = form_finish(&f);
  if (err) return nerr_pass(err);
  if (f.errors) {
    /* The role comes first: staff asking to return get 403, not a form. */
    if (act == PLAN_RETURN && r->user.role != ROLE_LEADER)
      return nerr_pass(plans_answer(r, PLAN_LEADER_ONLY, NULL));
    return nerr_pass(form_again(&f, plans_page));
  }
  enum plan_outcome res;
  if ((err = db_plan_act(&r->user, r->ip, r->id, version, act, comment, &res)))
    return nerr_pass(err);
  if (res == PLAN_STALE) return nerr_pass(plans_stale(r, plans_page));
  return nerr_pass(plans_answer(r, res, acts[i].flash));
}
