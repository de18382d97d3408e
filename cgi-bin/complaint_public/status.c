/* The status page and the rating. Two proofs open a complaint: the
 * customer's personal status link from the receipt (?t=, 256 bits, only
 * its hash stored), or the tracking number with the full phone number (the
 * number is sequential and is read out on the phone; the last four digits
 * alone would leave 10,000 guesses). Any mismatch gets the one "not found" answer and
 * counts as a failure of the address, and a failed number + phone also as
 * one of that tracking number: too many failures from one address, or on
 * one number from anywhere, are refused before anything is looked up, the
 * latter leaving only the link. */
#include "complaint_public/pages.h"
#include "complaint_public/rules.h"
#include "core/err.h"
#include "core/secret.h"
#include "db/complaint_public.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct lookup {
  char tracking[64], phone[132], token[DERIVED_HEX + 1];
  long long id;
  int found;                 /* the proof matches a complaint */
};

static NEOERR *show_status_form(struct req *r)
{
  r->template = "complaint_public/status.cs";
  return nerr_pass(hdf_set_value(r->hdf, "Page.Section", "complaint"));
}

/* A status link's token: 64 lowercase hex digits; anything else is
 * simply not found. */
static int token_shaped(const char *t)
{
  if (!t || strlen(t) != DERIVED_HEX) return 0;
  for (; *t; t++)
    if (!isdigit((unsigned char)*t) && !(*t >= 'a' && *t <= 'f')) return 0;
  return 1;
}

/* The complaint behind the proof in l, into Status.* when it matches. */
static NEOERR *load(struct req *r, struct lookup *l)
{
  HDF *row;
  char phone[132] = "";
  int found = 0;
  NEOERR *err = hdf_init(&row);
  if (err) return nerr_pass(err);
  if (*l->token) {
    char hash[DERIVED_HEX + 1];
    status_token_hash(l->token, hash);
    err = token_shaped(l->token) ? db_complaint_status_by_token(hash, row, "S", &l->id, &found)
                                 : STATUS_OK;
    l->found = !err && found;
  } else {
    err = db_complaint_status(l->tracking, row, "S", &l->id, phone, sizeof phone, &found);
    /* phone_matches runs whether or not the number exists. */
    l->found = phone_matches(phone, l->phone) && !err && found;
  }
  if (!err && l->found) err = hdf_copy(r->hdf, "Status", hdf_get_obj(row, "S"));
  hdf_destroy(&row);
  return nerr_pass(err);
}

/* The status form's fields (or the rating form's hidden copies). */
static void read_number_and_phone(struct form *f, struct lookup *l)
{
  int before = f->errors;
  form_text(f, "tracking_no", 1, 20, l->tracking, sizeof l->tracking);
  if (f->errors == before && !tracking_no_normalise(l->tracking))
    form_error(f, "tracking_no", "Public.Valid.TrackingNo");
  form_checked(f, "phone", 1, 32, valid_phone, "Valid.Phone", l->phone, sizeof l->phone);
}

/* The number's own throttle: a 429 when it has too many failures from
 * anywhere (counted for numbers that exist or not, so the refusal tells
 * nothing). */
static NEOERR *number_throttle(struct req *r, const struct lookup *l)
{
  const struct public_limits *lim = public_limits();
  long long n;
  NEOERR *err = db_public_number_fails(l->tracking, lim->number_window, &n);
  if (err || n < lim->number_limit) return nerr_pass(err);
  if ((err = req_header(r, "Retry-After: %d", lim->number_window))) return nerr_pass(err);
  return app_fail(r, KERR_THROTTLED, "PublicNumberThrottled");
}

/* The address's throttle, the proof and the lookup; a miss is a failure
 * of this address (and of the number tried). */
static NEOERR *look_up(struct req *r, struct form *f, struct lookup *l)
{
  const struct public_limits *lim = public_limits();
  memset(l, 0, sizeof *l);
  NEOERR *err = public_throttle(r, "lookup_fail", lim->lookup_limit, lim->lookup_window,
                                "PublicLookupThrottled");
  if (err) return nerr_pass(err);
  const char *t = req_param(r, "t");
  if (t && *t) {
    snprintf(l->token, sizeof l->token, "%s", t);
    if ((err = hdf_set_value(r->hdf, "Form.t", l->token))) return nerr_pass(err);
  } else {
    read_number_and_phone(f, l);
    /* A number read is shown as it is normalised (the rating form's hidden
     * copy); one refused stays as it was typed, to be corrected. */
    if (!hdf_get_value(r->hdf, "Form.Errors.tracking_no", NULL) &&
        (err = hdf_set_value(r->hdf, "Form.tracking_no", l->tracking)))
      return nerr_pass(err);
    if (f->errors) return STATUS_OK;
    if ((err = number_throttle(r, l))) return nerr_pass(err);
  }
  if ((err = load(r, l))) return nerr_pass(err);
  if (!l->found) err = db_public_attempt_add("lookup_fail", r->ip, *l->token ? NULL : l->tracking);
  return nerr_pass(err);
}

/* The answer for a number that does not exist, a wrong phone and a link
 * that opens nothing. */
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

/* GET: the form, or the complaint of a status link. */
NEOERR *complaint_status_form(struct req *r)
{
  const char *t = req_param(r, "t");
  if (!t || !*t) return nerr_pass(show_status_form(r));
  return nerr_pass(complaint_status(r));
}

NEOERR *complaint_status(struct req *r)
{
  struct form f = { .r = r };
  struct lookup l;
  NEOERR *err = look_up(r, &f, &l);
  if (err) { nerr_ignore(&f.err); return nerr_pass(err); }
  if (form_sent_back(&f, show_status_form, &err)) return nerr_pass(err);
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
  /* The proof comes from hidden fields of the status page: any problem
   * with it is the same "not found". */
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
