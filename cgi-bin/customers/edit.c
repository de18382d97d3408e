/* Create, edit (optimistic locking), archive, merge. */
#include "customers/pages.h"
#include "customers/fields.h"
#include "core/err.h"
#include "core/i18n.h"
#include "db/customer.h"
#include "db/customer_write.h"
#include <stdio.h>
#include <string.h>

/* The lists the form's selects offer. */
static NEOERR *form_lists(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "customers");
  if (!err) err = db_region_list(&r->user, r->hdf, "Regions");
  if (!err) err = db_owner_list(r->hdf, "Owners");
  return nerr_pass(err);
}

/* The posted fields into Form.*, checked; messages under Form.Errors. */
static NEOERR *read_form(struct req *r, int *bad)
{
  HDF *form;
  NEOERR *err = hdf_get_node(r->hdf, "Form", &form);
  for (size_t i = 0; !err && i < customer_nfields; i++) {
    if (customer_fields[i].import_only) continue;
    const char *v = req_param(r, customer_fields[i].name);
    err = hdf_set_value(form, customer_fields[i].name, v ? v : "");
  }
  HDF *errors;
  if (!err) err = hdf_get_node(form, "Errors", &errors);
  if (!err) err = customer_validate(form, r->lang, errors, bad);
  return nerr_pass(err);
}

/* A database-side refusal shown at the field it concerns. */
static NEOERR *outcome_error(struct req *r, enum customer_outcome o)
{
  const char *field = NULL, *msg = NULL;
  switch (o) {
  case CUSTOMER_CODE_TAKEN: field = "code"; msg = "Valid.CodeTaken"; break;
  case CUSTOMER_REGION_DENIED: field = "region_id"; msg = "Valid.RegionDenied"; break;
  case CUSTOMER_BAD_OWNER: field = "owner_id"; msg = "Valid.Choice"; break;
  default: return STATUS_OK;
  }
  char key[64];
  snprintf(key, sizeof key, "Form.Errors.%s", field);
  r->status = 422;
  return nerr_pass(hdf_set_value(r->hdf, key, i18n_get(r->lang, msg)));
}

NEOERR *customers_new_form(struct req *r)
{
  HDF *h = r->hdf;
  NEOERR *err = form_lists(r);
  /* Kind and region are chosen, never assumed (a dealer filed under the
   * first region by default went unnoticed); a manager of one region has
   * only that one to choose. Every new customer starts as a target (the
   * column's default) until the analysis batch proposes its stage. */
  if (!err) err = hdf_set_value(h, "Form.payment_terms", "30");
  if (!err && r->user.nregions == 1) err = hdf_set_int_value(h, "Form.region_id", (int)r->user.regions[0]);
  if (!err && r->user.role == ROLE_STAFF) err = hdf_set_int_value(h, "Form.owner_id", (int)r->user.id);
  r->template = "customers/form.cs";
  return nerr_pass(err);
}

NEOERR *customers_create(struct req *r)
{
  int bad;
  NEOERR *err = read_form(r, &bad);
  if (err) return nerr_pass(err);
  r->template = "customers/form.cs";
  if (bad) {
    r->status = 422;
    return nerr_pass(form_lists(r));
  }
  unsigned long long id;
  enum customer_outcome o;
  if ((err = db_customer_create(&r->user, r->ip, hdf_get_obj(r->hdf, "Form"), &id, &o)))
    return nerr_pass(err);
  if (o != CUSTOMER_OK) {
    if ((err = outcome_error(r, o))) return nerr_pass(err);
    return nerr_pass(form_lists(r));
  }
  r->template = NULL;
  if ((err = req_flash(r, "CustomerCreated"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%llu", id));
}

/* The form posts back to /customers/{id}/edit: the id, not the rest of
 * the path (on the edit page that was "{id}/edit", posting to .../edit/edit). */
static NEOERR *set_form_id(struct req *r)
{
  return nerr_pass(hdf_set_valuef(r->hdf, "Form.id=%lld", r->id));
}

NEOERR *customers_edit_form(struct req *r)
{
  int found;
  NEOERR *err = db_customer_values(&r->user, r->id, r->hdf, "Form", &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = set_form_id(r))) return nerr_pass(err);
  r->template = "customers/form.cs";
  return nerr_pass(form_lists(r));
}

/* Someone saved first: show both versions side by side; the user's own
 * values stay in the form, now carrying the newer version, so nothing
 * typed is lost and saving again is a deliberate choice. */
static NEOERR *conflict(struct req *r)
{
  int found;
  NEOERR *err = db_customer_values(&r->user, r->id, r->hdf, "Theirs", &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = hdf_set_value(r->hdf, "Form.version", hdf_get_value(r->hdf, "Theirs.version", ""))))
    return nerr_pass(err);
  for (size_t i = 0; i < customer_nfields; i++) {
    const char *name = customer_fields[i].name;
    if (customer_fields[i].import_only) continue;
    char mine[64], theirs[64], key[64];
    snprintf(mine, sizeof mine, "Form.%s", name);
    snprintf(theirs, sizeof theirs, "Theirs.%s", name);
    const char *a = hdf_get_value(r->hdf, mine, ""), *b = hdf_get_value(r->hdf, theirs, "");
    if (strcmp(name, "credit_limit") == 0 && strcmp(a, "") == 0) a = "0.00";
    if (strcmp(name, "payment_terms") == 0 && strcmp(a, "") == 0) a = "30";
    if (strcmp(name, "code") == 0 && !*a) continue;
    if (strcmp(a, b) == 0) continue;
    snprintf(key, sizeof key, "Diff.%s", name);
    if ((err = hdf_set_value(r->hdf, key, "1"))) return nerr_pass(err);
  }
  if ((err = set_form_id(r))) return nerr_pass(err);
  r->status = 409;
  r->template = "customers/conflict.cs";
  return nerr_pass(form_lists(r));
}

NEOERR *customers_update(struct req *r)
{
  long long version = req_param_int(r, "version", 0, 1, 0x7fffffff);
  if (!version) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  int bad;
  NEOERR *err = read_form(r, &bad);
  if (!err) err = hdf_set_int_value(r->hdf, "Form.version", (int)version);
  if (!err) err = set_form_id(r);
  if (err) return nerr_pass(err);
  r->template = "customers/form.cs";
  if (bad) {
    r->status = 422;
    return nerr_pass(form_lists(r));
  }
  enum customer_outcome o;
  if ((err = db_customer_update(&r->user, r->ip, r->id, version, hdf_get_obj(r->hdf, "Form"), &o)))
    return nerr_pass(err);
  if (o == CUSTOMER_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if (o == CUSTOMER_CONFLICT) return nerr_pass(conflict(r));
  if (o != CUSTOMER_OK) {
    if ((err = outcome_error(r, o))) return nerr_pass(err);
    return nerr_pass(form_lists(r));
  }
  r->template = NULL;
  if ((err = req_flash(r, "CustomerSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld", r->id));
}

static NEOERR *set_status(struct req *r, const char *status, const char *flash)
{
  enum customer_outcome o;
  NEOERR *err = db_customer_set_status(&r->user, r->ip, r->id, status, &o);
  if (err) return nerr_pass(err);
  if (o == CUSTOMER_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = req_flash(r, flash))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld", r->id));
}

NEOERR *customers_archive(struct req *r) { return set_status(r, "archived", "CustomerArchived"); }
NEOERR *customers_restore(struct req *r) { return set_status(r, "active", "CustomerRestored"); }

/* The record to merge into this one is named by its code (what staff see
 * on screen) or its number. */
static NEOERR *other_customer(struct req *r, HDF *h, int *found)
{
  char buf[64];
  const char *other = req_param_trim(r, "other", buf, sizeof buf);
  *found = 0;
  if (!*other) return STATUS_OK;
  return nerr_pass(db_customer_by_code(&r->user, other, h, "Other", found));
}

NEOERR *customers_merge_form(struct req *r)
{
  int found;
  HDF *h = r->hdf;
  NEOERR *err = db_customer_get(&r->user, r->id, h, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = hdf_set_value(h, "Page.Section", "customers"))) return nerr_pass(err);
  char buf[64];
  if ((err = hdf_set_value(h, "Form.other", req_param_trim(r, "other", buf, sizeof buf))))
    return nerr_pass(err);
  if ((err = other_customer(r, h, &found))) return nerr_pass(err);
  if (*buf && !found) {
    if ((err = hdf_set_value(h, "Form.Errors.other", i18n_get(r->lang, "Merge.NotFound"))))
      return nerr_pass(err);
  } else if (found && hdf_get_int_value(h, "Other.id", 0) == r->id) {
    if ((err = hdf_set_value(h, "Form.Errors.other", i18n_get(r->lang, "Merge.Same"))) ||
        (err = hdf_remove_tree(h, "Other")))
      return nerr_pass(err);
  }
  r->template = "customers/merge.cs";
  return STATUS_OK;
}

NEOERR *customers_merge(struct req *r)
{
  long long gone = req_param_int(r, "gone", 0, 1, REQ_ID_MAX);
  if (!gone) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  enum customer_outcome o;
  NEOERR *err = db_customer_merge(&r->user, r->ip, r->id, gone, &o);
  if (err) return nerr_pass(err);
  if (o == CUSTOMER_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if (o == CUSTOMER_SAME) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  if ((err = req_flash(r, "CustomerMerged"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=history", r->id));
}
