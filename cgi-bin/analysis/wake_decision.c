/* GET/POST /analysis/wake/{customer_id}: the wake-up decision for one
 * sleeping customer (唤醒 or 放弃, with which product and which way), with
 * its earlier decisions; POST /analysis/wake/{decision_id}/outcome: the
 * outcome recorded by hand (已唤醒 / 没有回应). The batch marks a pending
 * decision 'woke' by itself when the customer buys again. */
#include "analysis/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/analysis_wake.h"
#include "db/customer_entries.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* schema/047 wake_decisions.approach, in the menu's order. */
static const char *const approaches[] = {
  "visit", "phone", "offer", "sample", "event", "mail", "other", NULL,
};

static int known(const char *const *words, const char *v)
{
  for (; v && *words; words++)
    if (!strcmp(*words, v)) return 1;
  return 0;
}

/* The form's page: the customer (404 outside the scope or not analysed),
 * its decisions and the active products. */
static NEOERR *decision_page(struct req *r)
{
  int found;
  NEOERR *err = db_wake_customer(&r->user, (unsigned long long)r->id, r->hdf, "Customer",
                                 &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "WakeNotFound");
  if ((err = hdf_set_value(r->hdf, "Page.Section", "analysis")) ||
      (err = db_product_list(r->hdf, "Products")))
    return nerr_pass(err);
  r->template = "analysis/wake_decision.cs";
  return STATUS_OK;
}

NEOERR *analysis_wake_decision(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Form.decision", "wake");
  if (err) return nerr_pass(err);
  return nerr_pass(decision_page(r));
}

NEOERR *analysis_wake_decide(struct req *r)
{
  struct form fm = { .r = r };
  char decision[16], product[16], approach[16], note[2048];
  form_text(&fm, "decision", 1, 8, decision, sizeof decision);
  int wake = !strcmp(decision, "wake");
  if (*decision && !wake && strcmp(decision, "let_go"))
    form_error(&fm, "decision", "Wake.Valid.Choice");
  /* Waking needs the product and the way; letting go names neither. */
  form_checked(&fm, "product_id", wake, 9, valid_id, "Wake.Valid.Choice", product,
               sizeof product);
  form_text(&fm, "approach", wake, 8, approach, sizeof approach);
  if (*approach && !known(approaches, approach)) form_error(&fm, "approach", "Wake.Valid.Choice");
  form_text(&fm, "note", 0, 500, note, sizeof note);
  NEOERR *err;
  if (form_sent_back(&fm, decision_page, &err)) return nerr_pass(err);
  struct wake_decision d = {
    .customer_id = (unsigned long long)r->id, .wake = wake,
    .product_id = wake ? strtoull(product, NULL, 10) : 0,
    .approach = wake ? approach : NULL, .note = note,
  };
  unsigned long long id = 0;
  enum wake_outcome outcome;
  if ((err = db_wake_decide(&r->user, r->ip, &d, &id, &outcome))) return nerr_pass(err);
  if (outcome == WAKE_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "WakeNotFound");
  if (outcome == WAKE_NOT_SLEEPING) return app_fail(r, KERR_CONFLICT, "WakeNotSleeping");
  if (outcome == WAKE_BAD_PRODUCT) {
    form_error(&fm, "product_id", "Wake.Valid.Choice");
    return nerr_pass(form_again(&fm, decision_page));
  }
  if ((err = req_flash(r, wake ? "WakeDecided" : "WakeLetGo"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/analysis/wake/%lld", r->id));
}

NEOERR *analysis_wake_outcome(struct req *r)
{
  const char *outcome = req_param(r, "outcome"), *version = req_param(r, "version");
  static const char *const outcomes[] = { "woke", "no_response", NULL };
  if (!known(outcomes, outcome)) return app_fail(r, KERR_BAD_REQUEST, "WakeBadOutcome");
  /* A version that is not a number is no version the row has: stale. */
  long long v = version && valid_count(version) ? atoll(version) : -1;
  unsigned long long customer_id;
  enum wake_outcome result;
  NEOERR *err = db_wake_outcome(&r->user, r->ip, (unsigned long long)r->id, v,
                                outcome, &customer_id, &result);
  if (err) return nerr_pass(err);
  if (result == WAKE_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "WakeNotFound");
  if (result != WAKE_SAVED) {
    /* Someone recorded it first, or it is a decision to let go: the page
     * as it stands now is the way on. */
    if ((err = hdf_set_valuef(r->hdf, "Error.Back=/analysis/wake/%llu", customer_id)) ||
        (err = hdf_set_value(r->hdf, "Error.BackLabel", "wake")))
      return nerr_pass(err);
    return app_fail(r, KERR_CONFLICT, result == WAKE_STALE ? "WakeStale" : "WakeNotWake");
  }
  if ((err = req_flash(r, "WakeOutcomeSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/analysis/wake/%llu", customer_id));
}
