/* One complaint (投诉处理单): the customer's submission, the seven steps as
 * a stepper (done steps with what was recorded, by whom and when; the
 * current step's form; later steps greyed), messages and internal notes,
 * matching to a customer file, and the timeline of every transition. */
#include "complaints/pages.h"
#include "core/answer.h"
#include "core/clock.h"
#include "core/err.h"
#include "core/i18n.h"
#include "db/complaint.h"
#include "db/complaint_list.h"
#include <stdio.h>
#include <string.h>

/* Who finished each step and when, from the timeline: a step's record,
 * a leader's approval for step 4, the closing for step 7. */
static NEOERR *step_marks(HDF *h)
{
  const char *status = hdf_get_value(h, "Complaint.status", "open");
  int current = hdf_get_int_value(h, "Complaint.step", 1), closed = strcmp(status, "closed") == 0;
  char name[48];
  NEOERR *err;
  for (int i = 1; i <= COMPLAINT_STEPS; i++) {
    const char *state = closed || i < current ? "done" : i == current ? "current" : "later";
    snprintf(name, sizeof name, "Steps.%d.state", i);
    if ((err = hdf_set_value(h, name, state))) return nerr_pass(err);
  }
  for (HDF *e = hdf_obj_child(hdf_get_obj(h, "Events")); e; e = hdf_obj_next(e)) {
    const char *ev = hdf_get_value(e, "event", "");
    if (strcmp(ev, "step_done") && strcmp(ev, "approved") && strcmp(ev, "closed")) continue;
    snprintf(name, sizeof name, "Steps.%s", hdf_get_value(e, "step", "0"));
    HDF *s = hdf_get_obj(h, name);
    if (!s) continue;
    if ((err = hdf_set_value(s, "who", hdf_get_value(e, "who", ""))) ||
        (err = hdf_set_value(s, "at", hdf_get_value(e, "at", ""))))
      return nerr_pass(err);
  }
  return STATUS_OK;
}

/* The pending proposal to Pending.*, the approved one to Approved.*. */
static NEOERR *copy_proposals(HDF *h)
{
  NEOERR *err;
  for (HDF *p = hdf_obj_child(hdf_get_obj(h, "Proposals")); p; p = hdf_obj_next(p)) {
    const char *d = hdf_get_value(p, "decision", "");
    if (strcmp(d, "pending") == 0 && (err = hdf_copy(h, "Pending", p))) return nerr_pass(err);
    if (strcmp(d, "approved") == 0 && (err = hdf_copy(h, "Approved", p))) return nerr_pass(err);
  }
  return STATUS_OK;
}

/* What this user may do with the pending and the approved proposal. */
static NEOERR *proposal_marks(struct req *r)
{
  HDF *h = r->hdf;
  NEOERR *err;
  int office = (r->user.role & ROLES_OFFICE) != 0;
  int pending_by = hdf_get_int_value(h, "Pending.proposed_by", 0);
  if ((err = hdf_set_int_value(h, "Can.Handle", office)) ||
      (err = hdf_set_int_value(h, "Can.PaidRequired",
                               complaint_amount_positive(hdf_get_value(h, "Approved.amount", "0")))) ||
      (err = hdf_set_int_value(h, "Can.Decide", r->user.role == ROLE_LEADER && pending_by &&
                                                     pending_by != (int)r->user.id)))
    return nerr_pass(err);
  return STATUS_OK;
}

/* Step 4's remedies for this complaint's reason, in words (Remedies.<name>):
 * a price complaint is also offered the source's own answers to it. */
static NEOERR *remedy_menu(struct req *r)
{
  const char *reason = hdf_get_value(r->hdf, "Complaint.reason", "");
  char key[48], name[48];
  for (const char *const *m = complaint_remedy_names; *m; m++) {
    if (!complaint_remedy_offered(reason, *m)) continue;
    snprintf(key, sizeof key, "ComplaintRemedy.%s", *m);
    snprintf(name, sizeof name, "Remedies.%s", *m);
    NEOERR *err = hdf_set_value(r->hdf, name, i18n_get(r->lang, key));
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

/* Step 2's form, when it is first shown: the contact happens now, and the
 * purchase date the customer gave is the answer to "when bought" unless
 * the customer says otherwise on the phone. */
static NEOERR *step2_defaults(HDF *h)
{
  if (hdf_get_int_value(h, "Complaint.step", 0) != 2 || hdf_get_value(h, "Form.step", NULL))
    return STATUS_OK;
  char now[20];
  china_format("%Y-%m-%dT%H:%M", now, sizeof now);
  NEOERR *err = hdf_set_value(h, "Form.contacted_at", now);
  const char *bought = hdf_get_value(h, "Complaint.purchase_date", "");
  if (!err && *bought) err = hdf_set_value(h, "Form.bought_when", bought);
  return nerr_pass(err);
}

NEOERR *complaints_read(struct req *r)
{
  int found;
  NEOERR *err = db_complaint_get(&r->user, r->id, r->hdf, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "ComplaintNotFound");
  if ((err = hdf_set_value(r->hdf, "Page.Section", "complaints"))) return nerr_pass(err);
  return nerr_pass(copy_proposals(r->hdf));
}

NEOERR *complaints_page(struct req *r)
{
  HDF *h = r->hdf;
  NEOERR *err = complaints_read(r);
  if (err) return nerr_pass(err);
  const struct workcal *cal;
  if ((err = db_workcal(&cal)) ||
      (err = complaints_spans(hdf_get_obj(h, "Complaint"), r->lang, cal)) || (err = step_marks(h)) ||
      (err = proposal_marks(r)) || (err = remedy_menu(r)) || (err = step2_defaults(h)) ||
      (err = db_complaint_menus(&r->user, h)))
    return nerr_pass(err);
  if ((r->user.role & ROLES_OFFICE) && !hdf_get_value(h, "Complaint.customer_id", NULL) &&
      (err = db_complaint_suggest(&r->user, r->id, h, "Suggestions")))
    return nerr_pass(err);
  r->template = "complaints/show.cs";
  return STATUS_OK;
}

NEOERR *complaints_show(struct req *r)
{
  return nerr_pass(complaints_page(r));
}

NEOERR *complaints_answer(struct req *r, const struct complaint_result *res, const char *flash)
{
  static const struct answer_entry outcomes[] = {
    { CPL_NOT_FOUND, &KERR_NOT_FOUND, "ComplaintNotFound" },
    { CPL_STALE, &KERR_CONFLICT, "ComplaintStale" },
    { CPL_BAD_CUSTOMER, &KERR_BAD_REQUEST, "ComplaintBadCustomer" },
  };
  static const struct answer_entry rules[] = {
    { RULE_ORDER, &KERR_CONFLICT, "ComplaintStepOrder" },
    { RULE_PENDING, &KERR_CONFLICT, "ComplaintPending" },
    { RULE_NO_PROPOSAL, &KERR_CONFLICT, "ComplaintNoProposal" },
    { RULE_NEED_FOLLOWUP, &KERR_CONFLICT, "ComplaintNeedFollowup" },
    { RULE_LEADER_ONLY, &KERR_FORBIDDEN, "ComplaintLeaderOnly" },
    { RULE_OWN_PROPOSAL, &KERR_FORBIDDEN, "ComplaintOwnProposal" },
    { RULE_OFFICE_ONLY, &KERR_FORBIDDEN, "ComplaintOfficeOnly" },
  };
  /* A refusal by the step rules is answered by its rule; none is "saved". */
  static const struct answers by_outcome = { "/complaints", "complaint", CPL_OK, outcomes,
                                             sizeof outcomes / sizeof outcomes[0] };
  static const struct answers by_rule = { "/complaints", "complaint", -1, rules,
                                          sizeof rules / sizeof rules[0] };
  if (res->outcome == CPL_RULE) return nerr_pass(answer_record(r, &by_rule, res->rule, flash));
  return nerr_pass(answer_record(r, &by_outcome, res->outcome, flash));
}
