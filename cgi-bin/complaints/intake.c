/* Registering a complaint taken by phone, the hotline (热线), letter (来函),
 * a visit (来访) or email: the public form's record
 * (complaint_public/intake.c) with its channel, who took it and, when
 * known, the customer file, picked at once by a search like the complaint
 * page's matching. The receipt gives the customer the same tracking number and
 * personal status link as the public form's, to read out or print. */
#include "complaints/pages.h"
#include "complaint_public/intake.h"
#include "complaint_public/pages.h"
#include "core/err.h"
#include "core/secret.h"
#include "db/customer.h"
#include "db/customer_list.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const channels[] = { "phone", "hotline", "letter", "visit", "email", NULL };

/* The customer file picked (customer_id) and the search (q) beside the form. */
static NEOERR *customer_part(struct req *r, long long customer_id)
{
  NEOERR *err = STATUS_OK;
  if (customer_id) {
    char id[24];
    int found;
    snprintf(id, sizeof id, "%lld", customer_id);
    if ((err = db_customer_by_code(&r->user, id, r->hdf, "Customer", &found)))
      return nerr_pass(err);
    if (!found) return app_fail(r, KERR_NOT_FOUND, NULL);
  }
  char q[200];
  req_param_trim(r, "q", q, sizeof q);
  if (!*q) return STATUS_OK;
  struct customer_filter f = { .q = q, .page = 1, .per = 10 };
  long long total;
  int capped, more;
  if ((err = hdf_set_value(r->hdf, "Search.q", q))) return nerr_pass(err);
  return nerr_pass(db_customer_list(&r->user, &f, r->hdf, &total, &capped, &more));
}

static NEOERR *show_form(struct req *r, const char *idem, long long customer_id)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "complaints");
  if (!err) err = hdf_set_value(r->hdf, "Form.idem", idem);
  if (!err) err = intake_lists(r);
  if (!err) err = customer_part(r, customer_id);
  r->template = "complaints/new.cs";
  return nerr_pass(err);
}

/* Text the picked customer's file gives, where the form is still empty. */
static NEOERR *prefill(HDF *h)
{
  static const char *const from[][2] = { { "company", "name" }, { "phone", "phone" } };
  for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
    char key[64], src[64];
    snprintf(key, sizeof key, "Form.%s", from[i][0]);
    snprintf(src, sizeof src, "Customer.%s", from[i][1]);
    const char *v = hdf_get_value(h, src, "");
    if (*v && !*hdf_get_value(h, key, "")) {
      NEOERR *err = hdf_set_value(h, key, v);
      if (err) return nerr_pass(err);
    }
  }
  return STATUS_OK;
}

NEOERR *complaints_new_form(struct req *r)
{
  char idem[SIGNED_TOKEN_HEX + 1];
  long long customer_id = req_param_int(r, "customer_id", 0, 1, 0x7fffffff);
  NEOERR *err = signed_token_new(FORM_KEY_PURPOSE, idem);
  if (!err) err = hdf_set_value(r->hdf, "Form.kind", "complaint");
  if (!err) err = show_form(r, idem, customer_id);
  if (!err && customer_id) err = hdf_set_int_value(r->hdf, "Form.customer_id", (int)customer_id);
  if (!err) err = prefill(r->hdf);
  return nerr_pass(err);
}

static void channel(struct form *f, char *v, size_t n)
{
  form_text(f, "source", 1, 16, v, n);
  if (!*v) return;
  for (const char *const *c = channels; *c; c++)
    if (strcmp(*c, v) == 0) return;
  form_error(f, "source", "Public.Valid.Choice");
}

static NEOERR *take(struct req *r, struct intake_fields *v, const char *idem, const char *src,
                    long long region_id, long long customer_id, const char *today,
                    struct form *f, long long *id)
{
  char message[512], tracking[32], nonce[SIGNED_NONCE_HEX + 1], token_hash[DERIVED_HEX + 1];
  struct complaint_new c;
  NEOERR *err = intake_new(r, v, idem, region_id, today, &c, nonce, token_hash, message,
                           sizeof message);
  if (err) return nerr_pass(err);
  c.source = src;
  c.taken_by = &r->user;
  c.customer_id = customer_id;
  /* The staff member's screen language says nothing about the caller's:
   * mails to the customer use the default. */
  c.lang = NULL;
  enum complaint_take out;
  if ((err = db_complaint_take(&c, tracking, sizeof tracking, id, &out))) return nerr_pass(err);
  if (out == TAKE_REGION) form_error(f, "province_id", "Complaints.Valid.RegionNotYours");
  if (out == TAKE_CUSTOMER) form_error(f, "customer_id", "Complaints.Valid.NoCustomer");
  return STATUS_OK;
}

NEOERR *complaints_new(struct req *r)
{
  const char *idem = req_param(r, "idem");
  if (!signed_token_valid(FORM_KEY_PURPOSE, idem)) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  char today[11], src[16];
  public_today(today);
  struct intake_fields *v = calloc(1, sizeof *v);
  if (!v) return nerr_raise(NERR_NOMEM, "form fields");
  struct form f = { .r = r };
  channel(&f, src, sizeof src);
  intake_read(&f, v, today);
  long long customer_id = req_param_int(r, "customer_id", 0, 1, 0x7fffffff);
  long long region_id = 0, id = 0;
  NEOERR *err = STATUS_OK;
  if (!f.errors) err = intake_refs(&f, v, &region_id);
  if (!err && !f.errors)
    err = take(r, v, idem, src, region_id, customer_id, today, &f, &id);
  free(v);
  NEOERR *ferr = form_finish(&f);
  if (!err) err = ferr;
  else nerr_ignore(&ferr);
  if (err) return nerr_pass(err);
  if (!f.errors) return nerr_pass(req_redirect(r, "/complaints/%lld/receipt", id));
  r->status = 422;
  /* A refused customer is dropped from the page (it cannot be shown). */
  int shown = customer_id && !hdf_get_value(r->hdf, "Form.Errors.customer_id", NULL);
  return nerr_pass(show_form(r, idem, shown ? customer_id : 0));
}

NEOERR *complaints_receipt(struct req *r)
{
  int found;
  HDF *h = r->hdf;
  NEOERR *err = db_complaint_receipt_staff(&r->user, r->id, h, "Receipt", &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, NULL);
  if ((err = intake_receipt(hdf_get_obj(h, "Receipt"), hdf_get_value(h, "Receipt.idem_key", "")))
      || (err = hdf_remove_tree(h, "Receipt.idem_key")) ||
      (err = hdf_set_value(h, "Page.Section", "complaints")))
    return nerr_pass(err);
  r->template = "complaints/receipt.cs";
  return STATUS_OK;
}
