/* Entries on a customer file: key people, contact log, needs and strategy
 * dynamics, quotes, service, rebates and promotions, financials, orders
 * and payments. Added by one form per kind (POST /customers/{id}/entries
 * with `entry`); edited and removed through one panel for every kind,
 * opened on the entry's own tab (?tab=…&edit=N), posting to
 * /customers/{id}/entries/edit and /remove. The kinds and their fields
 * are in customers/entry_kinds.c. */
#include "customers/pages.h"
#include "customers/entry_kinds.h"
#include "customers/tabs.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "db/customer_entries.h"
#include "db/customer_entry_write.h"
#include <stdio.h>
#include <string.h>


static NEOERR *mark_done(struct req *r)
{
  long long entry = req_param_int(r, "entry_id", 0, 1, REQ_ID_MAX);
  if (!entry) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  enum entry_outcome outcome;
  NEOERR *err = db_contact_done(&r->user, r->ip, r->id, entry, &outcome);
  if (err) return nerr_pass(err);
  if (outcome != ENTRY_OK) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if ((err = req_flash(r, "ActionDone"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=contacts", r->id));
}

/* The tab again with a message at one field (nothing was saved); with
 * `panel` the edit panel of that entry is open, else the add form. */
static NEOERR *field_error(struct req *r, const struct entry_kind *k, const char *field,
                           const char *msg, int panel)
{
  NEOERR *err = field ? form_field_error(r, field, msg) : STATUS_OK;
  if (!err) err = panel ? entry_describe(k, r->lang, r->hdf)
                        : hdf_set_value(r->hdf, "Form.entry", k->kind);
  if (err) return nerr_pass(err);
  if (r->status < 400) r->status = 422;
  return nerr_pass(customers_show_tab(r, k->tab));
}

NEOERR *customers_add_entry(struct req *r)
{
  const char *kind = req_param(r, "entry");
  if (kind && strcmp(kind, "done") == 0) return mark_done(r);
  const struct entry_kind *k = entry_kind_find(kind);
  if (!k || !k->addable) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  int bad;
  NEOERR *err = entry_read_fields(r, k, 0, &bad);
  if (err) return nerr_pass(err);
  if (bad) return nerr_pass(field_error(r, k, NULL, NULL, 0));
  const char *names[16];
  size_t n = 0;
  for (const struct entry_field *e = k->fields; e->name && n < 15; e++)
    if (!(e->flags & EF_EDIT_ONLY)) names[n++] = e->name;
  names[n] = NULL;
  enum entry_outcome outcome;
  err = db_entry_add(&r->user, r->ip, r->id, kind, hdf_get_obj(r->hdf, "Form"), names, &outcome);
  if (err) return nerr_pass(err);
  if (outcome == ENTRY_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
  if (outcome == ENTRY_BAD_REFERENCE)
    return nerr_pass(field_error(r, k, "product_id", "Valid.Choice", 0));
  if ((err = req_flash(r, "EntrySaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=%s", r->id, k->tab));
}

NEOERR *customers_entry_panel(struct req *r, const char *tab, long long entry_id)
{
  const struct entry_kind *k = entry_kind_for_tab(tab);
  if (!k) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  int found;
  NEOERR *err = db_entry_get(&r->user, r->id, k->kind, entry_id, r->hdf, "Form", &found);
  if (err) return nerr_pass(err);
  if (found <= 0) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  if ((err = hdf_set_valuef(r->hdf, "Edit.id=%lld", entry_id)) ||
      (err = hdf_set_value(r->hdf, "Edit.label", hdf_get_value(r->hdf, "Form.label", ""))))
    return nerr_pass(err);
  return nerr_pass(entry_describe(k, r->lang, r->hdf));
}

/* The kind and entry a panel form posts; NULL (answered) when malformed. */
static const struct entry_kind *posted_entry(struct req *r, long long *entry_id)
{
  const struct entry_kind *k = entry_kind_find(req_param(r, "entry"));
  *entry_id = req_param_int(r, "entry_id", 0, 1, REQ_ID_MAX);
  if (!k || !*entry_id) return NULL;
  NEOERR *err = hdf_set_valuef(r->hdf, "Edit.id=%lld", *entry_id);
  /* The panel's heading names the entry as the page did (display only). */
  const char *label = req_param(r, "label");
  if (!err) err = hdf_set_value(r->hdf, "Edit.label", label ? label : "");
  if (err) { nerr_ignore(&err); return NULL; }
  return k;
}

/* Someone saved the entry first: their values beside the user's, whose
 * input stays in the form with the newer version (as for the basic
 * information, customers/edit.c). */
static NEOERR *entry_conflict(struct req *r, const struct entry_kind *k, long long entry_id)
{
  int found;
  NEOERR *err = db_entry_get(&r->user, r->id, k->kind, entry_id, r->hdf, "Theirs", &found);
  if (err) return nerr_pass(err);
  if (found <= 0) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  if ((err = hdf_set_value(r->hdf, "Form.version", hdf_get_value(r->hdf, "Theirs.version", ""))))
    return nerr_pass(err);
  for (const struct entry_field *e = k->fields; e->name; e++) {
    char mine[64], theirs[64], key[64];
    snprintf(mine, sizeof mine, "Form.%s", e->name);
    snprintf(theirs, sizeof theirs, "Theirs.%s", e->name);
    if (strcmp(hdf_get_value(r->hdf, mine, ""), hdf_get_value(r->hdf, theirs, "")) == 0) continue;
    snprintf(key, sizeof key, "Diff.%s", e->name);
    if ((err = hdf_set_value(r->hdf, key, i18n_get(r->lang, e->label)))) return nerr_pass(err);
  }
  r->status = 409;
  return nerr_pass(field_error(r, k, NULL, NULL, 1));
}

NEOERR *customers_edit_entry(struct req *r)
{
  long long entry_id, version = req_param_int(r, "version", 0, 1, 0x7fffffff);
  const struct entry_kind *k = posted_entry(r, &entry_id);
  if (!k || !version) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  int bad;
  NEOERR *err = entry_read_fields(r, k, 1, &bad);
  if (!err) err = hdf_set_int_value(r->hdf, "Form.version", (int)version);
  if (err) return nerr_pass(err);
  if (bad) return nerr_pass(field_error(r, k, NULL, NULL, 1));
  enum entry_outcome o;
  err = db_entry_update(&r->user, r->ip, r->id, k->kind, entry_id, version,
                        hdf_get_obj(r->hdf, "Form"), &o);
  if (err) return nerr_pass(err);
  switch (o) {
  case ENTRY_NOT_FOUND: return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  case ENTRY_CONFLICT: return nerr_pass(entry_conflict(r, k, entry_id));
  case ENTRY_BAD_REFERENCE: return nerr_pass(field_error(r, k, "product_id", "Valid.Choice", 1));
  case ENTRY_BELOW_PAID: return nerr_pass(field_error(r, k, "amount", "Receipt.BelowPaid", 1));
  case ENTRY_DUPLICATE:
    return nerr_pass(field_error(r, k, k->unique ? k->unique : k->fields[0].name,
                                 "Valid.Duplicate", 1));
  default: break;
  }
  if ((err = req_flash(r, "EntrySaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=%s", r->id, k->tab));
}

NEOERR *customers_remove_entry(struct req *r)
{
  long long entry_id;
  const struct entry_kind *k = posted_entry(r, &entry_id);
  if (!k) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char reason[2048];
  form_text(&f, "reason", 1, 500, reason, sizeof reason);
  NEOERR *err = form_finish(&f);
  if (err) return nerr_pass(err);
  if (f.errors) {
    /* The panel again, the entry's values as stored, the reason asked. */
    int found;
    if ((err = db_entry_get(&r->user, r->id, k->kind, entry_id, r->hdf, "Form", &found)))
      return nerr_pass(err);
    /* Checked before the entry is looked for: an incomplete form for no
     * entry of this (visible) customer is just that. */
    if (found < 0) return app_fail(r, KERR_NOT_FOUND, "CustomerNotFound");
    if (!found) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
    return nerr_pass(field_error(r, k, NULL, NULL, 1));
  }
  enum entry_outcome o;
  if ((err = db_entry_remove(&r->user, r->ip, r->id, k->kind, entry_id, reason, &o)))
    return nerr_pass(err);
  if (o == ENTRY_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "EntryNotFound");
  if (o == ENTRY_IN_USE) {
    int found;
    if ((err = db_entry_get(&r->user, r->id, k->kind, entry_id, r->hdf, "Form", &found)))
      return nerr_pass(err);
    return nerr_pass(field_error(r, k, "reason", "Valid.OrderPaid", 1));
  }
  if ((err = req_flash(r, "EntryRemoved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/customers/%lld?tab=%s", r->id, k->tab));
}
