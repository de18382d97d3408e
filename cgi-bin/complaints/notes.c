/* What staff write beside the steps: internal notes (内部备注, never shown
 * to the customer) and messages to the customer (客户可见); and linking the
 * complaint to a customer file. */
#include "complaints/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/customer.h"
#include <stdlib.h>
#include <string.h>

NEOERR *complaints_message(struct req *r)
{
  /* The composer has one button per audience; nothing defaults to the
   * customer. */
  const char *audience = req_param(r, "audience");
  if (!audience || (strcmp(audience, "internal") != 0 && strcmp(audience, "customer") != 0))
    return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char body[8000];
  form_text(&f, "body", 1, 2000, body, sizeof body);
  NEOERR *err;
  if (form_sent_back(&f, complaints_page, &err)) return nerr_pass(err);
  struct complaint_result res;
  if ((err = db_complaint_message(&r->user, r->ip, r->id, audience, body, &res)))
    return nerr_pass(err);
  return nerr_pass(complaints_answer(r, &res, strcmp(audience, "customer") == 0
                                                  ? "ComplaintMessageSent" : "ComplaintNoteSaved"));
}

NEOERR *complaints_match(struct req *r)
{
  long long customer = 0;
  const char *action = req_param(r, "action");
  NEOERR *err;
  if (!action || strcmp(action, "unmatch") != 0) {
    /* A suggested file by id, or one the user looked up by its code. */
    customer = req_param_int(r, "customer_id", 0, 1, 0x7fffffff);
    /* Read as a form field: a code that finds no file comes back typed. */
    struct form f = { .r = r };
    char code[64];
    form_text(&f, "code", 0, sizeof code - 1, code, sizeof code);
    if ((err = form_finish(&f))) return nerr_pass(err);
    if (!customer && *code && !f.errors) {
      int found;
      if ((err = db_customer_by_code(&r->user, code, r->hdf, "Lookup", &found)))
        return nerr_pass(err);
      if (found) customer = strtoll(hdf_get_value(r->hdf, "Lookup.id", "0"), NULL, 10);
    }
    if (!customer) {
      if (!f.errors) form_error(&f, "code", "Complaints.Valid.NoCustomer");
      return nerr_pass(form_again(&f, complaints_page));
    }
  }
  struct complaint_result res;
  if ((err = db_complaint_match(&r->user, r->ip, r->id, customer, &res))) return nerr_pass(err);
  return nerr_pass(complaints_answer(r, &res, customer ? "ComplaintMatched" : "ComplaintUnmatched"));
}
