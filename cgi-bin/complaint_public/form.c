/* The form, the submission and the receipt. A submission is idempotent:
 * the form carries a token the server signed (a random nonce and its MAC,
 * core/secret.h) whose nonce becomes complaints.idem_key, so the same form
 * sent twice (double click, reload, retry) shows the first complaint's
 * receipt instead of registering another, while a key the server did not
 * issue is refused. The receipt shows the customer's personal status link,
 * derived from the same nonce. */
#include "complaint_public/intake.h"
#include "complaint_public/pages.h"
#include "complaint_public/rules.h"
#include "core/err.h"
#include "core/secret.h"
#include "db/complaint_public.h"
#include <stdlib.h>
#include <string.h>

/* The selects' lists, the token and the page. */
static NEOERR *show_form(struct req *r, const char *idem)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "complaint");
  if (!err) err = hdf_set_value(r->hdf, "Form.idem", idem);
  if (!err) err = intake_lists(r);
  r->template = "complaint_public/form.cs";
  return nerr_pass(err);
}

NEOERR *complaint_form(struct req *r)
{
  char idem[SIGNED_TOKEN_HEX + 1];
  NEOERR *err = signed_token_new(FORM_KEY_PURPOSE, idem);
  if (!err) err = hdf_set_value(r->hdf, "Form.kind", "complaint");
  if (err) return nerr_pass(err);
  return nerr_pass(show_form(r, idem));
}

/* The form again with the messages, everything typed echoed; a browser
 * cannot refill file fields, so the page asks for the files again. */
static NEOERR *reject(struct req *r, const char *idem, int offered)
{
  r->status = 422;
  NEOERR *err = offered ? hdf_set_value(r->hdf, "Form.FilesAgain", "1") : STATUS_OK;
  if (err) return nerr_pass(err);
  return nerr_pass(show_form(r, idem));
}

static NEOERR *register_complaint(struct req *r, const char *idem, struct intake_fields *v,
                                  long long region_id, const char *today,
                                  struct upload *up, int nup, int *stored)
{
  char message[512], tracking[32], nonce[SIGNED_NONCE_HEX + 1], token_hash[DERIVED_HEX + 1];
  struct complaint_new c;
  NEOERR *err = intake_new(r, v, idem, region_id, today, &c, nonce, token_hash, message,
                           sizeof message);
  if (err) return nerr_pass(err);
  struct complaint_file files[ATTACH_MAX];
  for (int i = 0; i < nup; i++)
    files[i] = (struct complaint_file){ up[i].name, up[i].type, up[i].size, up[i].stored };
  c.files = files;
  c.nfiles = nup;
  int duplicate;
  err = upload_store(up, nup);
  if (!err) err = db_complaint_submit(&c, tracking, sizeof tracking, &duplicate);
  /* A duplicate keeps the first submission's files only. */
  if (err || duplicate) upload_discard(up, nup);
  if (err) return nerr_pass(err);
  *stored = !duplicate;
  return nerr_pass(req_redirect(r, "/complaint/receipt?k=%s", idem));
}

/* Everything after the throttle; *stored = 1 when a new complaint (and
 * with it this attempt) was committed. */
static NEOERR *submit(struct req *r, int *stored)
{
  /* The honeypot is hidden from people by the stylesheet: only a robot
   * fills it in. It gets a plain refusal and nothing is stored. */
  const char *hp = req_param(r, "referral_code");
  if (hp && *hp) return app_fail(r, KERR_BAD_REQUEST, "PublicRejected");
  const char *idem = req_param(r, "idem");
  if (!signed_token_valid(FORM_KEY_PURPOSE, idem))
    return app_fail(r, KERR_BAD_REQUEST, "PublicBadForm");

  char today[11];
  public_today(today);
  struct intake_fields *v = calloc(1, sizeof *v);
  if (!v) return nerr_raise(NERR_NOMEM, "form fields");
  struct form f = { .r = r };
  struct upload up[ATTACH_MAX];
  int nup = 0, offered = 0;
  intake_read(&f, v, today);
  NEOERR *err = upload_collect(r, &f, up, &nup, &offered);
  long long region_id = 0;
  if (!err && !f.errors) err = intake_refs(&f, v, &region_id);
  NEOERR *ferr = form_finish(&f);
  if (!err) err = ferr;
  else nerr_ignore(&ferr);
  if (!err) {
    if (f.errors) err = reject(r, idem, offered);
    else err = register_complaint(r, idem, v, region_id, today, up, nup, stored);
  }
  free(v);
  return nerr_pass(err);
}

NEOERR *complaint_submit(struct req *r)
{
  const struct public_limits *lim = public_limits();
  NEOERR *err = public_throttle(r, "submit", lim->submit_limit, lim->submit_window,
                                "PublicSubmitThrottled");
  if (err) return nerr_pass(err);
  int stored = 0;
  err = submit(r, &stored);
  /* Every attempt counts: a registered complaint recorded it in its own
   * transaction (one commit fewer per submission), anything else here. */
  if (!stored) {
    NEOERR *e2 = db_public_attempt_add("submit", r->ip, NULL);
    if (!err) err = e2;
    else nerr_ignore(&e2);
  }
  return nerr_pass(err);
}

NEOERR *complaint_receipt(struct req *r)
{
  const char *k = req_param(r, "k");
  char nonce[SIGNED_NONCE_HEX + 1] = "";
  int found = 0;
  NEOERR *err = STATUS_OK;
  if (signed_token_valid(FORM_KEY_PURPOSE, k)) {
    snprintf(nonce, sizeof nonce, "%s", k);
    err = db_complaint_receipt(nonce, r->hdf, "Receipt", &found);
  }
  if (!err && found) err = intake_receipt(hdf_get_obj(r->hdf, "Receipt"), nonce);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "PublicReceiptNotFound");
  HDF *h = r->hdf;
  if ((err = hdf_set_value(h, "Page.Section", "complaint"))) return nerr_pass(err);
  r->template = "complaint_public/receipt.cs";
  return STATUS_OK;
}
