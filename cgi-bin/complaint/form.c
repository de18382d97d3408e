/* The form, the submission and the receipt. A submission is idempotent:
 * the form carries a token the server signed (a random nonce and its MAC,
 * core/secret.h) whose nonce becomes complaints.idem_key, so the same form
 * sent twice (double click, reload, retry) shows the first complaint's
 * receipt instead of registering another, while a key the server did not
 * issue is refused. The receipt shows the customer's personal status link,
 * derived from the same nonce. */
#include "complaint/pages.h"
#include "complaint/rules.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/secret.h"
#include "db/complaint_public.h"
#include "db/customer_entries.h"
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = { "complaint", "return", "suggestion", NULL };
static const char *const reasons[] = { "quality", "service", "price", "delivery", "other", NULL };
static const char *const yes_no[] = { "1", "0", NULL };

/* Sizes in bytes: room for the character limits below in 4-byte UTF-8. */
struct fields {
  char kind[16], reason[16], name[260], phone[132], email[516], company[516];
  char province[40], product[40], product_text[516], purchase_date[44];
  char order_ref[260], packaging[8], description[16008];
};

/* The selects' lists, the token and the page. */
static NEOERR *show_form(struct req *r, const char *idem)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "complaint");
  if (!err) err = hdf_set_value(r->hdf, "Form.idem", idem);
  if (!err) err = db_province_list(r->hdf, "Provinces");
  if (!err) err = db_product_list(r->hdf, "Products");
  char today[11];
  public_today(today);
  if (!err) err = hdf_set_value(r->hdf, "Today", today);
  r->template = "complaint/form.cs";
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

static void choice(struct form *f, const char *name, const char *v, const char *const *list)
{
  if (!*v) return;
  for (; *list; list++)
    if (strcmp(*list, v) == 0) return;
  form_error(f, name, "Public.Valid.Choice");
}

static void read_fields(struct form *f, struct fields *v, const char *today)
{
  form_text(f, "kind", 1, 16, v->kind, sizeof v->kind);
  choice(f, "kind", v->kind, kinds);
  int is_return = strcmp(v->kind, "return") == 0;
  form_text(f, "reason", 1, 16, v->reason, sizeof v->reason);
  choice(f, "reason", v->reason, reasons);
  form_text(f, "name", 1, 64, v->name, sizeof v->name);
  form_checked(f, "phone", 1, 32, valid_phone, "Valid.Phone", v->phone, sizeof v->phone);
  form_checked(f, "email", 0, 128, valid_email, "Valid.Email", v->email, sizeof v->email);
  form_text(f, "company", 0, 128, v->company, sizeof v->company);
  form_checked(f, "province_id", 1, 9, valid_id, "Public.Valid.Choice", v->province,
               sizeof v->province);
  form_checked(f, "product_id", 0, 9, valid_id, "Public.Valid.Choice", v->product,
               sizeof v->product);
  form_text(f, "product_text", 0, 128, v->product_text, sizeof v->product_text);
  /* A return needs what the 7-day check needs: product, date, packaging. */
  if (is_return && !*v->product && !*v->product_text)
    form_error(f, "product_id", "Public.Valid.NeedProduct");
  int before = f->errors;
  form_checked(f, "purchase_date", is_return, 10, valid_date, "Valid.Date",
               v->purchase_date, sizeof v->purchase_date);
  if (f->errors == before && *v->purchase_date &&
      days_of_date(v->purchase_date) > days_of_date(today))
    form_error(f, "purchase_date", "Public.Valid.FutureDate");
  form_text(f, "order_ref", 0, 64, v->order_ref, sizeof v->order_ref);
  form_text(f, "packaging_intact", is_return, 1, v->packaging, sizeof v->packaging);
  choice(f, "packaging_intact", v->packaging, yes_no);
  form_text(f, "description", 1, 4000, v->description, sizeof v->description);
}

/* The form again with the messages, everything typed kept; files cannot
 * be kept by a browser, so the page asks for them again. */
static NEOERR *reject(struct req *r, const char *idem, int offered)
{
  r->status = 422;
  NEOERR *err = offered ? hdf_set_value(r->hdf, "Form.FilesAgain", "1") : STATUS_OK;
  if (err) return nerr_pass(err);
  return nerr_pass(show_form(r, idem));
}

/* The first customer message, in the customer's language. */
static void first_message(struct req *r, const char *kind, int hours, char *out, size_t n)
{
  char key[64];
  snprintf(key, sizeof key, "Public.Msg.Received.%s", kind);
  snprintf(out, n, "%s %d %s", i18n_get(r->lang, key), hours, i18n_get(r->lang, "Public.Msg.Hours"));
}

static NEOERR *register_complaint(struct req *r, const char *idem, struct fields *v,
                                  long long region_id, const char *today,
                                  struct upload *up, int nup, int *stored)
{
  const struct public_limits *lim = public_limits();
  int is_return = strcmp(v->kind, "return") == 0;
  int packaging = *v->packaging ? atoi(v->packaging) : -1;
  int window = return_window(v->purchase_date, today, packaging);
  char message[512], tracking[32], nonce[SIGNED_NONCE_HEX + 1], token[DERIVED_HEX + 1];
  char token_hash[DERIVED_HEX + 1];
  first_message(r, v->kind, lim->sla_hours, message, sizeof message);
  snprintf(nonce, sizeof nonce, "%s", idem);
  NEOERR *err = status_link_token(nonce, token, token_hash);
  if (err) return nerr_pass(err);
  struct complaint_file files[ATTACH_MAX];
  for (int i = 0; i < nup; i++)
    files[i] = (struct complaint_file){ up[i].name, up[i].type, up[i].size, up[i].stored };
  struct complaint_new c = {
    .idem_key = nonce, .status_token_hash = token_hash, .ip = r->ip, .day = today,
    .kind = v->kind, .reason = v->reason, .name = v->name, .phone = v->phone,
    .email = v->email, .company = v->company, .product_text = v->product_text,
    .purchase_date = v->purchase_date, .order_ref = v->order_ref,
    .description = v->description,
    .province_id = atoll(v->province), .region_id = region_id,
    .product_id = *v->product ? atoll(v->product) : 0,
    .packaging_intact = is_return ? packaging : -1,
    .return_in_window = !is_return || (window & RW_UNKNOWN) ? -1 : window == RW_INSIDE,
    .sla_hours = lim->sla_hours, .message = message, .files = files, .nfiles = nup,
  };
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
  struct fields *v = calloc(1, sizeof *v);
  if (!v) return nerr_raise(NERR_NOMEM, "form fields");
  struct form f = { .r = r };
  struct upload up[ATTACH_MAX];
  int nup = 0, offered = 0;
  read_fields(&f, v, today);
  NEOERR *err = upload_collect(r, &f, up, &nup, &offered);
  long long region_id = 0;
  if (!err && !f.errors) {
    int province_ok, product_ok;
    err = db_public_refs(atoll(v->province), *v->product ? atoll(v->product) : 0,
                         &province_ok, &region_id, &product_ok);
    if (!err && !province_ok) form_error(&f, "province_id", "Public.Valid.Choice");
    if (!err && *v->product && !product_ok) form_error(&f, "product_id", "Public.Valid.Choice");
  }
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

/* The personal status link, when the complaint has one (those registered
 * before links existed have none). */
static NEOERR *receipt_link(struct req *r, const char *nonce)
{
  char token[DERIVED_HEX + 1], hash[DERIVED_HEX + 1];
  if (!hdf_get_int_value(r->hdf, "Receipt.has_link", 0)) return STATUS_OK;
  NEOERR *err = status_link_token(nonce, token, hash);
  if (!err) err = hdf_set_value(r->hdf, "Receipt.status_token", token);
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
  if (!err && found) err = receipt_link(r, nonce);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "PublicReceiptNotFound");
  HDF *h = r->hdf;
  if (strcmp(hdf_get_value(h, "Receipt.kind", ""), "return") == 0) {
    const char *pk = hdf_get_value(h, "Receipt.packaging_intact", NULL);
    int w = return_window(hdf_get_value(h, "Receipt.purchase_date", ""),
                          hdf_get_value(h, "Receipt.received_day", ""), pk ? atoi(pk) : -1);
    if ((err = hdf_set_int_value(h, "Receipt.Window.Inside", w == RW_INSIDE)) ||
        (err = hdf_set_int_value(h, "Receipt.Window.TooLate", (w & RW_TOO_LATE) != 0)) ||
        (err = hdf_set_int_value(h, "Receipt.Window.Opened", (w & RW_OPENED) != 0)) ||
        (err = hdf_set_int_value(h, "Receipt.Window.Unknown", (w & RW_UNKNOWN) != 0)))
      return nerr_pass(err);
  }
  if ((err = hdf_set_value(h, "Page.Section", "complaint"))) return nerr_pass(err);
  r->template = "complaint/receipt.cs";
  return STATUS_OK;
}
