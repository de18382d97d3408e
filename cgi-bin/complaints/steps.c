/* Recording the seven steps: each step's form (POST /complaints/{id}/step
 * with `step` and the complaint's `version`), the leader's decision on a
 * proposal, closing and reopening. The order and the roles are enforced by
 * the data-access functions inside the transaction; this file checks the
 * fields and turns outcomes into pages. */
#include "complaints/pages.h"
#include "core/err.h"
#include "core/utf8.h"
#include "core/validate.h"
#include "db/complaint_rules.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum check { ANY, DATE, DATETIME, ID, AMOUNT };

struct step_field {
  const char *name;
  int required;
  size_t maxlen;
  enum check check;
  const char *const *choices;
};

static const char *const channels[] = { "phone", "fax", "visit", "email", "other", NULL };
static const char *const agreed[] = { "signed", "phone", "email", "in_person", "other", NULL };

#define END { NULL, 0, 0, ANY, NULL }
static const struct step_field f1[] = {
  { "facts", 1, 5000, ANY, NULL }, { "assignee_id", 1, 9, ID, NULL }, END,
};
static const struct step_field f2[] = {
  { "contact_channel", 1, 8, ANY, channels }, { "contacted_at", 1, 16, DATETIME, NULL },
  { "bought_when", 0, 128, ANY, NULL }, { "usage_text", 0, 5000, ANY, NULL },
  { "symptom", 1, 5000, ANY, NULL }, { "prev_brand", 0, 128, ANY, NULL }, END,
};
static const struct step_field f3[] = {
  { "analysis", 1, 5000, ANY, NULL }, { "explanation", 1, 5000, ANY, NULL }, END,
};
static const struct step_field f4[] = {
  { "remedy", 1, 16, ANY, complaint_remedy_names }, { "amount", 0, 15, AMOUNT, NULL },
  { "detail", 1, 5000, ANY, NULL }, END,
};
static const struct step_field f5[] = {
  { "agreed_on", 1, 10, DATE, NULL }, { "agreement_terms", 1, 5000, ANY, NULL },
  { "agreed_how", 1, 16, ANY, agreed }, END,
};
static const struct step_field f6[] = {
  { "exec_department", 1, 128, ANY, NULL }, { "executed_on", 1, 10, DATE, NULL },
  { "compensation_paid_on", 0, 10, DATE, NULL }, { "exec_note", 0, 5000, ANY, NULL }, END,
};
static const struct step_field f7[] = {
  { "followed_on", 1, 10, DATE, NULL }, { "said", 1, 5000, ANY, NULL }, END,
};
static const struct step_field *const forms[COMPLAINT_STEPS + 1] = {
  NULL, f1, f2, f3, f4, f5, f6, f7,
};

static int chosen(const char *const *choices, const char *v)
{
  for (; *choices; choices++)
    if (strcmp(*choices, v) == 0) return 1;
  return 0;
}

/* Reads the step's fields: what the user typed under Form.* (for a form
 * sent back), the values to store under Save.*; *bad counts bad fields. */
static NEOERR *read_step(struct req *r, int step, int *bad)
{
  struct form f = { .r = r };
  char buf[20000], sqlv[32];
  NEOERR *err = STATUS_OK;
  for (const struct step_field *e = forms[step]; e->name && !err; e++) {
    int before = f.errors;
    /* A field of a set shape says what is wrong with its shape before it
     * says it is too long ("2026-11-310" is an invalid date). */
    int shaped = e->check != ANY || e->choices;
    form_text(&f, e->name, e->required, shaped ? sizeof buf : e->maxlen, buf, sizeof buf);
    const char *save = buf;
    /* An amount is asked only of remedies that pay money; left empty, it is 0. */
    if (e->check == AMOUNT && f.errors == before && !*buf) {
      if (!complaint_amount_ok(hdf_get_value(r->hdf, "Form.remedy", ""), "0"))
        form_error(&f, e->name, "Complaints.Valid.AmountNeeded");
      save = "0";
    } else if (f.errors == before && *buf) {
      if (e->choices && !chosen(e->choices, buf)) form_error(&f, e->name, "Valid.Choice");
      else if (e->check == DATE && !valid_date(buf)) form_error(&f, e->name, "Valid.Date");
      else if (e->check == ID && !valid_id(buf)) form_error(&f, e->name, "Valid.Choice");
      else if (e->check == DATETIME && !complaint_datetime(buf, sqlv, sizeof sqlv))
        form_error(&f, e->name, "Complaints.Valid.DateTime");
      else if (e->check == AMOUNT &&
               !complaint_amount_ok(hdf_get_value(r->hdf, "Form.remedy", ""), buf))
        form_error(&f, e->name, valid_amount(buf) ? "Complaints.Valid.AmountNeeded" : "Valid.Amount");
      else if (utf8_len(buf) > e->maxlen) form_error(&f, e->name, "Valid.TooLong");
      if (e->check == DATETIME) save = sqlv;
    }
    char key[64];
    snprintf(key, sizeof key, "Save.%s", e->name);
    err = hdf_set_value(r->hdf, key, f.errors == before ? save : "");
  }
  *bad = f.errors;
  NEOERR *ferr = form_finish(&f);
  if (err) { nerr_ignore(&ferr); return nerr_pass(err); }
  return nerr_pass(ferr);
}

/* The page again with the form of `step` open and messages at the fields
 * (`field`, when given, gets one more). */
static NEOERR *send_back(struct form *f, int step, const char *field, const char *msg_key)
{
  NEOERR *err = hdf_set_int_value(f->r->hdf, "Form.step", step);
  if (err) { nerr_ignore(&f->err); return nerr_pass(err); }
  if (field) form_error(f, field, msg_key);
  return nerr_pass(form_again(f, complaints_page));
}

/* Saved by someone else since the form was loaded: the complaint as it is
 * now (their version), with what this user typed shown beside it and a
 * form carrying the new version (409); nothing was saved. */
static NEOERR *send_stale(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Form.Conflict", "1");
  if (err) return nerr_pass(err);
  r->status = 409;
  return nerr_pass(complaints_page(r));
}

static long long version_of(struct req *r)
{
  return req_param_int(r, "version", 0, 1, 0xffffffffLL);
}

NEOERR *complaints_step(struct req *r)
{
  int step = (int)req_param_int(r, "step", 0, 1, COMPLAINT_STEPS);
  long long version = version_of(r);
  if (!step || (!version && step != 7)) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  int bad;
  NEOERR *err = read_step(r, step, &bad);
  if (err) return nerr_pass(err);
  struct form f = { .r = r };  /* for a refusal the database finds */
  if (bad) return nerr_pass(send_back(&f, step, NULL, NULL));
  struct complaint_result res;
  err = db_complaint_step(&r->user, r->ip, r->id, version, step, hdf_get_obj(r->hdf, "Save"), &res);
  if (err) return nerr_pass(err);
  if (res.outcome == CPL_STALE) return nerr_pass(send_stale(r));
  if (res.outcome == CPL_BAD_ASSIGNEE) return nerr_pass(send_back(&f, step, "assignee_id", "Valid.Choice"));
  /* A price complaint's own answers are offered for price complaints only. */
  if (res.outcome == CPL_BAD_REMEDY) return nerr_pass(send_back(&f, step, "remedy", "Valid.Choice"));
  if (res.outcome == CPL_NEED_PAID)
    return nerr_pass(send_back(&f, step, "compensation_paid_on", "Complaints.Valid.PaidNeeded"));
  return nerr_pass(complaints_answer(r, &res, step == 4 ? "ComplaintProposed"
                                          : step == 7 ? "ComplaintFollowup" : "ComplaintStepDone"));
}

NEOERR *complaints_decide(struct req *r)
{
  const char *d = req_param(r, "decision");
  long long version = version_of(r);
  int approve = d && strcmp(d, "approve") == 0;
  if (!version || !d || (!approve && strcmp(d, "return") != 0))
    return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char comment[8000];
  form_text(&f, "comment", !approve, 2000, comment, sizeof comment);
  NEOERR *err = form_finish(&f);
  if (err) return nerr_pass(err);
  if (f.errors) {
    /* A return needs its reason; rules first, so staff still get 403. */
    if (r->user.role != ROLE_LEADER) {
      struct complaint_result res = { CPL_RULE, RULE_LEADER_ONLY };
      return nerr_pass(complaints_answer(r, &res, NULL));
    }
    return nerr_pass(send_back(&f, 4, NULL, NULL));
  }
  struct complaint_result res;
  if ((err = db_complaint_decide(&r->user, r->ip, r->id, version, approve, comment, &res)))
    return nerr_pass(err);
  if (res.outcome == CPL_STALE) return nerr_pass(send_stale(r));
  return nerr_pass(complaints_answer(r, &res, approve ? "ComplaintApproved" : "ComplaintReturned"));
}

NEOERR *complaints_close(struct req *r)
{
  long long version = version_of(r);
  if (!version) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct complaint_result res;
  NEOERR *err = db_complaint_close(&r->user, r->ip, r->id, version, &res);
  if (err) return nerr_pass(err);
  if (res.outcome == CPL_STALE) return nerr_pass(send_stale(r));
  return nerr_pass(complaints_answer(r, &res, "ComplaintClosed"));
}

NEOERR *complaints_reopen(struct req *r)
{
  long long version = version_of(r);
  if (!version) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char reason[8000];
  form_text(&f, "reason", 1, 2000, reason, sizeof reason);
  if (f.errors) return nerr_pass(send_back(&f, 0, NULL, NULL));
  NEOERR *err = form_finish(&f);
  if (err) return nerr_pass(err);
  struct complaint_result res;
  if ((err = db_complaint_reopen(&r->user, r->ip, r->id, version, reason, &res)))
    return nerr_pass(err);
  if (res.outcome == CPL_STALE) return nerr_pass(send_stale(r));
  return nerr_pass(complaints_answer(r, &res, "ComplaintReopened"));
}
