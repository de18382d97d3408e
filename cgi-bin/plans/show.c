/* One plan (支援计划): the dealer and year, the goals, the measures by the
 * five categories with budget vs actual, execution records, the revision
 * history, and the workflow actions this user may take. */
#include "plans/pages.h"
#include "core/answer.h"
#include "core/err.h"
#include "db/plan.h"
#include "db/support_return.h"
#include <stdio.h>
#include <string.h>

static int is(const char *a, const char *b) { return strcmp(a, b) == 0; }

/* InForce and Open: the revisions the page shows in full. */
static NEOERR *pick_revisions(HDF *h)
{
  const char *in_force = hdf_get_value(h, "Plan.approved_rev_id", "");
  const char *open = hdf_get_value(h, "Plan.open_rev_id", "");
  NEOERR *err;
  for (HDF *v = hdf_obj_child(hdf_get_obj(h, "Revisions")); v; v = hdf_obj_next(v)) {
    const char *id = hdf_get_value(v, "id", "-");
    if (is(id, in_force) && (err = hdf_copy(h, "InForce", v))) return nerr_pass(err);
    if (is(id, open) && (err = hdf_copy(h, "Open", v))) return nerr_pass(err);
  }
  return STATUS_OK;
}

/* The goals form starts from the open revision unless it was sent back. */
static NEOERR *goals_form(HDF *h)
{
  static const char *const fields[] = { "sales_target", "growth_target", "focus", "change_note" };
  char name[48];
  for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
    snprintf(name, sizeof name, "Form.%s", fields[i]);
    if (hdf_get_value(h, name, NULL)) continue;
    snprintf(name, sizeof name, "Open.%s", fields[i]);
    const char *v = hdf_get_value(h, name, "");
    snprintf(name, sizeof name, "Form.%s", fields[i]);
    NEOERR *err = hdf_set_value(h, name, v);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

static NEOERR *permissions(struct req *r)
{
  HDF *h = r->hdf;
  const char *status = hdf_get_value(h, "Plan.status", "");
  const char *open = hdf_get_value(h, "Plan.open_status", "");
  int running = !is(status, "closed"), leader = r->user.role == ROLE_LEADER;
  int edit = running && (is(open, "draft") || is(open, "returned"));
  int mine = hdf_get_int_value(h, "Plan.open_submitted_by", 0) == (int)r->user.id;
  int submitted = running && is(open, "submitted");
  int in_force = is(status, "approved") || is(status, "in_progress");
  struct { const char *name; int v; } can[] = {
    { "Can.Edit", edit },
    { "Can.Submit", edit && hdf_obj_child(hdf_get_obj(h, "OpenItems")) != NULL },
    { "Can.Decide", submitted && leader && !mine },
    { "Can.OwnSubmission", submitted && leader && mine },
    { "Can.Revise", in_force && !*open },
    { "Can.Start", is(status, "approved") },
    { "Can.Close", is(status, "in_progress") },
    { "Can.Execute", in_force && hdf_obj_child(hdf_get_obj(h, "Items")) != NULL },
  };
  for (size_t i = 0; i < sizeof can / sizeof can[0]; i++) {
    NEOERR *err = hdf_set_int_value(h, can[i].name, can[i].v);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

NEOERR *plans_page(struct req *r)
{
  HDF *h = r->hdf;
  int found;
  NEOERR *err = db_plan_get(&r->user, r->id, h, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "PlanNotFound");
  if ((err = hdf_set_value(h, "Page.Section", "plans")) || (err = db_plan_catalogue(h)) ||
      (err = pick_revisions(h)) || (err = goals_form(h)) || (err = permissions(r)) ||
      (err = db_support_return_plan(&r->user, r->id, h, "Return")))
    return nerr_pass(err);
  r->template = "plans/show.cs";
  return STATUS_OK;
}

NEOERR *plans_show(struct req *r)
{
  return nerr_pass(plans_page(r));
}

/* Saved by someone else since the form was loaded: the page again as the
 * plan is now (their version beside the form), with what this user typed
 * in the form and its new version (409); nothing was saved. */
NEOERR *plans_stale(struct req *r, NEOERR *(*page)(struct req *r))
{
  NEOERR *err = hdf_set_value(r->hdf, "Form.Conflict", "1");
  if (err) return nerr_pass(err);
  r->status = 409;
  return nerr_pass(page(r));
}

long long plans_version(struct req *r)
{
  return req_param_int(r, "version", 0, 1, 0xffffffffLL);
}

NEOERR *plans_answer(struct req *r, enum plan_outcome res, const char *flash)
{
  static const struct answer_entry map[] = {
    { PLAN_NOT_FOUND, &KERR_NOT_FOUND, "PlanNotFound" },
    { PLAN_STALE, &KERR_CONFLICT, "PlanStale" },
    { PLAN_LOCKED, &KERR_CONFLICT, "PlanLocked" },
    { PLAN_STATE, &KERR_CONFLICT, "PlanState" },
    { PLAN_LEADER_ONLY, &KERR_FORBIDDEN, "PlanLeaderOnly" },
    { PLAN_OWN, &KERR_FORBIDDEN, "PlanOwnSubmission" },
    { PLAN_HAS_EXECUTION, &KERR_CONFLICT, "PlanHasExecution" },
    { PLAN_DROPS_EXECUTION, &KERR_CONFLICT, "PlanDropsExecution" },
    { PLAN_EMPTY, &KERR_CONFLICT, "PlanEmpty" },
    { PLAN_EXISTS, &KERR_CONFLICT, "PlanExists" },
  };
  static const struct answers plan = { "/plans", "plan", PLAN_OK, map, sizeof map / sizeof map[0] };
  return nerr_pass(answer_record(r, &plan, res, flash));
}
