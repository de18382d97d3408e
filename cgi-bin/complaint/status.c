/* The status page and the rating. A tracking number with the last four
 * digits of the phone shows the current step and the messages meant for
 * the customer. Any mismatch gets the one "not found" answer and counts as
 * a failure of the address; too many failures are refused before anything
 * is looked up, so numbers cannot be enumerated. */
#include "complaint/pages.h"
#include "complaint/rules.h"
#include "core/err.h"
#include "db/complaint_public.h"
#include <stdlib.h>
#include <string.h>

struct lookup {
  char tracking[64], last4[16];
  long long id;
  int found;                 /* the number exists and the digits match */
};

static NEOERR *show_status_form(struct req *r)
{
  r->template = "complaint/status.cs";
  return nerr_pass(hdf_set_value(r->hdf, "Page.Section", "complaint"));
}

NEOERR *complaint_status_form(struct req *r)
{
  return nerr_pass(show_status_form(r));
}

/* The complaint behind a tracking number, into Status.* only when the
 * phone's last four digits match. */
static NEOERR *load(struct req *r, struct lookup *l)
{
  HDF *row;
  char phone[64];
  int found;
  NEOERR *err = hdf_init(&row);
  if (err) return nerr_pass(err);
  err = db_complaint_status(l->tracking, row, "S", &l->id, phone, sizeof phone, &found);
  l->found = !err && found && phone_last4_matches(phone, l->last4);
  if (!err && l->found) err = hdf_copy(r->hdf, "Status", hdf_get_obj(row, "S"));
  hdf_destroy(&row);
  return nerr_pass(err);
}

/* The throttle, the two fields and the lookup; a miss is a failure of
 * this address. */
static NEOERR *look_up(struct req *r, struct form *f, struct lookup *l)
{
  const struct public_limits *lim = public_limits();
  memset(l, 0, sizeof *l);
  NEOERR *err = public_throttle(r, "lookup_fail", lim->lookup_limit, lim->lookup_window,
                                "PublicLookupThrottled");
  if (err) return nerr_pass(err);
  int before = f->errors;
  form_text(f, "tracking_no", 1, 20, l->tracking, sizeof l->tracking);
  if (f->errors == before && !tracking_no_normalise(l->tracking))
    form_error(f, "tracking_no", "Public.Valid.TrackingNo");
  if ((err = hdf_set_value(r->hdf, "Form.tracking_no", l->tracking))) return nerr_pass(err);
  before = f->errors;
  form_text(f, "phone4", 1, 4, l->last4, sizeof l->last4);
  /* Four digits are exactly what matches itself as a phone's last four. */
  if (f->errors == before && !phone_last4_matches(l->last4, l->last4))
    form_error(f, "phone4", "Public.Valid.Last4");
  if (f->errors) return STATUS_OK;
  if ((err = load(r, l))) return nerr_pass(err);
  if (!l->found) err = db_public_attempt_add("lookup_fail", r->ip);
  return nerr_pass(err);
}

/* The answer for a number that does not exist and for wrong digits. */
static NEOERR *not_found(struct req *r)
{
  r->status = 404;
  NEOERR *err = hdf_set_value(r->hdf, "Lookup.NotFound", "1");
  if (err) return nerr_pass(err);
  return nerr_pass(show_status_form(r));
}

static NEOERR *show_status(struct req *r, const struct lookup *l)
{
  NEOERR *err = db_complaint_customer_messages(l->id, r->hdf, "Messages");
  if (err) return nerr_pass(err);
  return nerr_pass(show_status_form(r));
}

NEOERR *complaint_status(struct req *r)
{
  struct form f = { .r = r };
  struct lookup l;
  NEOERR *err = look_up(r, &f, &l);
  NEOERR *ferr = form_finish(&f);
  if (err) { nerr_ignore(&ferr); return nerr_pass(err); }
  if (ferr) return nerr_pass(ferr);
  if (f.errors) {
    r->status = 422;
    return nerr_pass(show_status_form(r));
  }
  if (!l.found) return nerr_pass(not_found(r));
  return nerr_pass(show_status(r, &l));
}

NEOERR *complaint_rate(struct req *r)
{
  struct form f = { .r = r };
  struct lookup l;
  char score[8], comment[4008];
  NEOERR *err = look_up(r, &f, &l);
  if (!err && !f.errors && l.found) {
    int before = f.errors;
    form_text(&f, "score", 1, 1, score, sizeof score);
    if (f.errors == before && (score[0] < '1' || score[0] > '5'))
      form_error(&f, "score", "Public.Valid.Score");
    form_text(&f, "comment", 0, 1000, comment, sizeof comment);
  }
  NEOERR *ferr = form_finish(&f);
  if (err) { nerr_ignore(&ferr); return nerr_pass(err); }
  if (ferr) return nerr_pass(ferr);
  /* Tracking number and digits come from hidden fields of the status
   * page: any problem with them is the same "not found". */
  if (!l.found) return nerr_pass(not_found(r));
  if (f.errors) {
    r->status = 422;
    return nerr_pass(show_status(r, &l));
  }
  enum rate_outcome o;
  if ((err = db_complaint_rate(l.id, atoi(score), comment, r->ip, &o))) return nerr_pass(err);
  if (o == RATE_NOT_RESOLVED) return app_fail(r, KERR_CONFLICT, "PublicNotResolved");
  if (o == RATE_ALREADY) return app_fail(r, KERR_CONFLICT, "PublicAlreadyRated");
  /* Show the page as it is now (rated; reopened for a low score). */
  if ((err = hdf_remove_tree(r->hdf, "Status")) || (err = load(r, &l))) return nerr_pass(err);
  if ((err = hdf_set_value(r->hdf, "Rated", o == RATE_REOPENED ? "reopened" : "thanks")))
    return nerr_pass(err);
  return nerr_pass(show_status(r, &l));
}
