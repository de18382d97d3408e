/* The fields every registration shares (public form and staff intake). */
#include "complaint_public/intake.h"
#include "complaint_public/pages.h"
#include "complaint_public/rules.h"
#include "core/i18n.h"
#include "core/secret.h"
#include "db/customer_entries.h"
#include "db/workcal.h"
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = { "complaint", "return", "exchange", "suggestion", NULL };
static const char *const reasons[] = { "quality", "service", "price", "delivery", "other", NULL };
/* What the customer expects, in step 4's words (complaint_proposals.remedy). */
static const char *const expectations[] = { "replace", "repair", "return", "refund",
                                            "compensation", "explanation", NULL };
static const char *const yes_no[] = { "1", "0", NULL };

int intake_takes_back(const char *kind)
{
  return strcmp(kind, "return") == 0 || strcmp(kind, "exchange") == 0;
}

static void choice(struct form *f, const char *name, const char *v, const char *const *list)
{
  if (!*v) return;
  for (; *list; list++)
    if (strcmp(*list, v) == 0) return;
  form_error(f, name, "Public.Valid.Choice");
}

void intake_read(struct form *f, struct intake_fields *v, const char *today)
{
  form_text(f, "kind", 1, 16, v->kind, sizeof v->kind);
  choice(f, "kind", v->kind, kinds);
  int takes_back = intake_takes_back(v->kind);
  form_text(f, "reason", 1, 16, v->reason, sizeof v->reason);
  choice(f, "reason", v->reason, reasons);
  form_text(f, "expected", 0, 16, v->expected, sizeof v->expected);
  choice(f, "expected", v->expected, expectations);
  form_text(f, "name", 1, 64, v->name, sizeof v->name);
  form_checked(f, "phone", 1, 32, valid_phone, "Valid.Phone", v->phone, sizeof v->phone);
  form_checked(f, "email", 0, 128, valid_email, "Valid.Email", v->email, sizeof v->email);
  form_text(f, "company", 0, 128, v->company, sizeof v->company);
  form_checked(f, "province_id", 1, 9, valid_id, "Public.Valid.Choice", v->province,
               sizeof v->province);
  form_checked(f, "product_id", 0, 9, valid_id, "Public.Valid.Choice", v->product,
               sizeof v->product);
  form_text(f, "product_text", 0, 128, v->product_text, sizeof v->product_text);
  /* A return or exchange needs what the 7-day check needs: product, date,
   * packaging. */
  if (takes_back && !*v->product && !*v->product_text)
    form_error(f, "product_id", "Public.Valid.NeedProduct");
  int before = f->errors;
  form_checked(f, "purchase_date", takes_back, 10, valid_date, "Valid.Date",
               v->purchase_date, sizeof v->purchase_date);
  if (f->errors == before && *v->purchase_date &&
      days_of_date(v->purchase_date) > days_of_date(today))
    form_error(f, "purchase_date", "Public.Valid.FutureDate");
  form_text(f, "order_ref", 0, 64, v->order_ref, sizeof v->order_ref);
  form_text(f, "packaging_intact", takes_back, 1, v->packaging, sizeof v->packaging);
  choice(f, "packaging_intact", v->packaging, yes_no);
  form_text(f, "description", 1, 4000, v->description, sizeof v->description);
}

NEOERR *intake_refs(struct form *f, const struct intake_fields *v, long long *region_id)
{
  int province_ok, product_ok;
  NEOERR *err = db_public_refs(atoll(v->province), *v->product ? atoll(v->product) : 0,
                               &province_ok, region_id, &product_ok);
  if (err) return nerr_pass(err);
  if (!province_ok) form_error(f, "province_id", "Public.Valid.Choice");
  if (*v->product && !product_ok) form_error(f, "product_id", "Public.Valid.Choice");
  return STATUS_OK;
}

NEOERR *intake_lists(struct req *r)
{
  NEOERR *err = db_province_list(r->hdf, "Provinces");
  if (!err) err = db_product_list(r->hdf, "Products");
  char today[11];
  public_today(today);
  if (!err) err = hdf_set_value(r->hdf, "Today", today);
  return nerr_pass(err);
}

/* The first customer message, in the customer's language, with the
 * first-response promise of the working calendar (business hours). */
static NEOERR *first_message(struct req *r, const char *kind, char *out, size_t n)
{
  const struct workcal *cal;
  NEOERR *err = db_workcal(&cal);
  if (err) return nerr_pass(err);
  char key[64], hours[24];
  snprintf(key, sizeof key, "Public.Msg.Received.%s", kind);
  workcal_hours_text(cal->first_minutes, hours, sizeof hours);
  snprintf(out, n, "%s %s %s", i18n_get(r->lang, key), hours, i18n_get(r->lang, "Public.Msg.Hours"));
  return STATUS_OK;
}

NEOERR *intake_new(struct req *r, struct intake_fields *v, const char *idem, long long region_id,
                   const char *today, struct complaint_new *c, char *nonce, char *token_hash,
                   char *message, size_t message_size)
{
  int takes_back = intake_takes_back(v->kind);
  int packaging = *v->packaging ? atoi(v->packaging) : -1;
  int window = return_window(v->purchase_date, today, packaging);
  char token[DERIVED_HEX + 1];
  NEOERR *err = first_message(r, v->kind, message, message_size);
  if (err) return nerr_pass(err);
  snprintf(nonce, SIGNED_NONCE_HEX + 1, "%s", idem);
  err = status_link_token(nonce, token, token_hash);
  if (err) return nerr_pass(err);
  *c = (struct complaint_new){
    .idem_key = nonce, .status_token_hash = token_hash, .ip = r->ip, .day = today,
    .kind = v->kind, .reason = v->reason, .expected = v->expected, .name = v->name,
    .phone = v->phone, .email = v->email, .company = v->company,
    .product_text = v->product_text, .purchase_date = v->purchase_date,
    .order_ref = v->order_ref, .description = v->description,
    .province_id = atoll(v->province), .region_id = region_id,
    .product_id = *v->product ? atoll(v->product) : 0,
    .packaging_intact = takes_back ? packaging : -1,
    .return_in_window = !takes_back || (window & RW_UNKNOWN) ? -1 : window == RW_INSIDE,
    .message = message, .source = "web", .lang = r->lang,
  };
  return STATUS_OK;
}

NEOERR *intake_receipt(HDF *h, const char *nonce)
{
  NEOERR *err = STATUS_OK;
  /* The personal status link, when the complaint has one (those
   * registered before links existed have none). */
  if (hdf_get_int_value(h, "has_link", 0) && nonce && *nonce) {
    char token[DERIVED_HEX + 1], hash[DERIVED_HEX + 1];
    err = status_link_token(nonce, token, hash);
    if (!err) err = hdf_set_value(h, "status_token", token);
    if (err) return nerr_pass(err);
  }
  if (!intake_takes_back(hdf_get_value(h, "kind", ""))) return STATUS_OK;
  const char *pk = hdf_get_value(h, "packaging_intact", NULL);
  int w = return_window(hdf_get_value(h, "purchase_date", ""),
                        hdf_get_value(h, "received_day", ""), pk ? atoi(pk) : -1);
  if ((err = hdf_set_int_value(h, "Window.Inside", w == RW_INSIDE)) ||
      (err = hdf_set_int_value(h, "Window.TooLate", (w & RW_TOO_LATE) != 0)) ||
      (err = hdf_set_int_value(h, "Window.Opened", (w & RW_OPENED) != 0)) ||
      (err = hdf_set_int_value(h, "Window.Unknown", (w & RW_UNKNOWN) != 0)))
    return nerr_pass(err);
  return STATUS_OK;
}
