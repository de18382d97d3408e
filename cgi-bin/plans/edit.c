/* Drafting: a new plan for a dealer and year (optionally a copy of last
 * year's plan in force), the goals and the measures of the open revision.
 * Each form carries the plan's version; the rules (only a draft or
 * returned revision is edited, an approved one never) are enforced by the
 * data-access functions inside the transaction. */
#include "plans/pages.h"
#include "core/err.h"
#include "core/months.h"
#include "core/validate.h"
#include "db/plan.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int plans_decimal(const char *s, int negative_ok, int int_digits)
{
  if (negative_ok && *s == '-') s++;
  if (!valid_amount(s)) return 0;
  int digits = 0;
  while (isdigit((unsigned char)s[digits])) digits++;
  return digits <= int_digits;
}

static NEOERR *new_form(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "plans");
  if (!err && !hdf_get_value(r->hdf, "Form.year", NULL))
    err = hdf_set_int_value(r->hdf, "Form.year", plans_this_year());
  if (!err && !hdf_get_value(r->hdf, "Form.code", NULL))
    err = hdf_set_value(r->hdf, "Form.code", req_param(r, "customer") ? req_param(r, "customer") : "");
  r->template = "plans/new.cs";
  return nerr_pass(err);
}

NEOERR *plans_new(struct req *r)
{
  return nerr_pass(new_form(r));
}

NEOERR *plans_create(struct req *r)
{
  struct form f = { .r = r };
  char code[96], year[16];
  form_text(&f, "code", 1, 20, code, sizeof code);
  form_text(&f, "year", 1, 4, year, sizeof year);
  long y = strtol(year, NULL, 10);
  if (*year && (strlen(year) != 4 || !isdigit((unsigned char)year[0]) || y < 2000 || y > 2100))
    form_error(&f, "year", "Plans.Valid.Year");
  int copy = req_param_int(r, "copy", 0, 0, 1) == 1;
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.copy", copy);
  if (err) return nerr_pass(err);
  if (form_sent_back(&f, new_form, &err)) return nerr_pass(err);
  long long id;
  enum plan_outcome res;
  if ((err = db_plan_create(&r->user, r->ip, code, (int)y, copy, &id, &res))) return nerr_pass(err);
  if (res == PLAN_NO_DEALER || res == PLAN_NO_PREVIOUS) {
    form_error(&f, res == PLAN_NO_DEALER ? "code" : "copy",
               res == PLAN_NO_DEALER ? "Plans.Valid.NoDealer" : "Plans.Valid.NoPrevious");
    return nerr_pass(form_again(&f, new_form));
  }
  r->id = id;
  return nerr_pass(plans_answer(r, res, "PlanCreated"));
}

NEOERR *plans_goals(struct req *r)
{
  long long version = plans_version(r);
  if (!version) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  char sales[64], growth[64], focus[8200], note[8200];
  form_text(&f, "sales_target", 1, 16, sales, sizeof sales);
  if (*sales && !plans_decimal(sales, 0, 12)) form_error(&f, "sales_target", "Valid.Amount");
  form_text(&f, "growth_target", 1, 8, growth, sizeof growth);
  if (*growth && !plans_decimal(growth, 1, 4)) form_error(&f, "growth_target", "Plans.Valid.Percent");
  form_text(&f, "focus", 0, 2000, focus, sizeof focus);
  form_text(&f, "change_note", 0, 2000, note, sizeof note);
  NEOERR *err;
  if (form_sent_back(&f, plans_page, &err)) return nerr_pass(err);
  struct plan_goals g = { sales, growth, focus, note };
  enum plan_outcome res;
  if ((err = db_plan_goals(&r->user, r->ip, r->id, version, &g, &res))) return nerr_pass(err);
  if (res == PLAN_STALE) return nerr_pass(plans_stale(r, plans_page));
  return nerr_pass(plans_answer(r, res, "PlanGoalsSaved"));
}

/* The measure form: the plan (for scope and the open revision), the
 * catalogue, the people who can own a measure. */
static NEOERR *item_page(struct req *r)
{
  HDF *h = r->hdf;
  int found;
  NEOERR *err = db_plan_get(&r->user, r->id, h, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "PlanNotFound");
  const char *open = hdf_get_value(h, "Plan.open_status", "");
  if (strcmp(hdf_get_value(h, "Plan.status", ""), "closed") == 0 ||
      (strcmp(open, "draft") != 0 && strcmp(open, "returned") != 0))
    return nerr_pass(plans_answer(r, PLAN_LOCKED, NULL));
  if ((err = hdf_set_value(h, "Page.Section", "plans")) || (err = db_plan_catalogue(h)) ||
      (err = db_plan_owners(h, "Owners")))
    return nerr_pass(err);
  r->template = "plans/item.cs";
  return STATUS_OK;
}

/* An existing measure's values as the form's. */
static NEOERR *fill_item(HDF *h, long long line)
{
  char key[24];
  snprintf(key, sizeof key, "%lld", line);
  for (HDF *i = hdf_obj_child(hdf_get_obj(h, "OpenItems")); i; i = hdf_obj_next(i)) {
    if (strcmp(hdf_get_value(i, "line_key", ""), key) != 0) continue;
    static const char *const copy[] = { "line_key", "custom_name", "description", "budget",
                                        "owner_id", "expected_effect" };
    NEOERR *err;
    char name[48], measure[32];
    for (size_t k = 0; k < sizeof copy / sizeof copy[0]; k++) {
      snprintf(name, sizeof name, "Form.%s", copy[k]);
      if ((err = hdf_set_value(h, name, hdf_get_value(i, copy[k], "")))) return nerr_pass(err);
    }
    const char *m = hdf_get_value(i, "measure_id", NULL);
    snprintf(measure, sizeof measure, m ? "m%s" : "c%s", m ? m : hdf_get_value(i, "category_id", ""));
    if ((err = hdf_set_value(h, "Form.measure", measure))) return nerr_pass(err);
    for (int k = 1; k <= 12; k++) {
      snprintf(name, sizeof name, "M.%d", k);
      int on = hdf_get_int_value(i, name, 0);
      snprintf(name, sizeof name, "Form.m%d", k);
      if (on && (err = hdf_set_value(h, name, "1"))) return nerr_pass(err);
    }
    return STATUS_OK;
  }
  return nerr_raise(KERR_NOT_FOUND, "no line %lld in the open revision", line);
}

NEOERR *plans_item_form(struct req *r)
{
  long long line = req_param_int(r, "line", 0, 1, 0xffffffffLL);
  NEOERR *err = item_page(r);
  if (err || !line) return nerr_pass(err);
  err = fill_item(r->hdf, line);
  if (err && nerr_match(err, KERR_NOT_FOUND)) {
    nerr_ignore(&err);
    return app_fail(r, KERR_NOT_FOUND, "PlanItemNotFound");
  }
  return nerr_pass(err);
}

static NEOERR *item_back(struct form *f, const char *field, const char *key)
{
  if (field) form_error(f, field, key);
  return nerr_pass(form_again(f, item_page));
}

NEOERR *plans_item_save(struct req *r)
{
  long long version = plans_version(r);
  if (!version) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  struct form f = { .r = r };
  struct plan_item it = { .line_key = req_param_int(r, "line_key", 0, 1, 0xffffffffLL) };
  char line[32], measure[32], custom[1100], desc[8200], budget[64], owner[32], effect[8200];
  form_text(&f, "line_key", 0, 12, line, sizeof line);   /* echoed in the form */
  form_text(&f, "measure", 1, 8, measure, sizeof measure);
  char *end = NULL;
  long long mid = *measure ? strtoll(measure + 1, &end, 10) : 0;
  int bad_choice = *measure && (!end || *end || mid < 1 || (measure[0] == 'c' && mid > 5) ||
                                (measure[0] != 'c' && measure[0] != 'm'));
  if (bad_choice) form_error(&f, "measure", "Valid.Choice");
  else if (measure[0] == 'm') it.measure_id = mid;
  else it.category_id = mid;
  form_text(&f, "custom_name", measure[0] == 'c', 255, custom, sizeof custom);
  form_text(&f, "description", 0, 2000, desc, sizeof desc);
  form_text(&f, "budget", 1, 16, budget, sizeof budget);
  if (*budget && !plans_decimal(budget, 0, 10)) form_error(&f, "budget", "Valid.Amount");
  form_checked(&f, "owner_id", 0, 9, valid_id, "Valid.Choice", owner, sizeof owner);
  form_text(&f, "expected_effect", 0, 2000, effect, sizeof effect);
  const char *flags[12];
  char name[16];
  NEOERR *err = STATUS_OK;
  for (int k = 0; k < 12 && !err; k++) {
    snprintf(name, sizeof name, "m%d", k + 1);
    flags[k] = req_param(r, name);
    char key[32];
    snprintf(key, sizeof key, "Form.%s", name);
    if (flags[k]) err = hdf_set_value(r->hdf, key, flags[k]);
  }
  if (!err && !months_from_flags(flags, &it.months)) form_error(&f, "months", "Valid.Choice");
  if (err) { nerr_ignore(&f.err); return nerr_pass(err); }
  if (f.errors) return nerr_pass(item_back(&f, NULL, NULL));
  it.custom_name = custom;
  it.description = desc;
  it.budget = budget;
  it.owner_id = *owner ? strtoll(owner, NULL, 10) : 0;
  it.expected_effect = effect;
  enum plan_outcome res;
  if ((err = db_plan_item_save(&r->user, r->ip, r->id, version, &it, &res))) return nerr_pass(err);
  if (res == PLAN_STALE) return nerr_pass(plans_stale(r, item_page));
  if (res == PLAN_BAD_MEASURE) return nerr_pass(item_back(&f, "measure", "Plans.Valid.Measure"));
  if (res == PLAN_BAD_OWNER) return nerr_pass(item_back(&f, "owner_id", "Valid.Choice"));
  if (res == PLAN_NOT_FOUND && it.line_key) return app_fail(r, KERR_NOT_FOUND, "PlanItemNotFound");
  return nerr_pass(plans_answer(r, res, "PlanItemSaved"));
}

NEOERR *plans_item_remove(struct req *r)
{
  long long version = plans_version(r);
  long long line = req_param_int(r, "line_key", 0, 1, 0xffffffffLL);
  if (!version || !line) return app_fail(r, KERR_BAD_REQUEST, "BadForm");
  enum plan_outcome res;
  NEOERR *err = db_plan_item_remove(&r->user, r->ip, r->id, version, line, &res);
  if (err) return nerr_pass(err);
  if (res == PLAN_STALE) return nerr_pass(plans_stale(r, plans_page));
  if (res == PLAN_NOT_FOUND) {
    /* The plan is there (it was locked): the measure is not. */
    return app_fail(r, KERR_NOT_FOUND, "PlanItemNotFound");
  }
  return nerr_pass(plans_answer(r, res, "PlanItemRemoved"));
}
