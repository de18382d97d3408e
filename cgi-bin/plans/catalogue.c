/* The support catalogue (表2-5 支援经销商的内容): five categories, their
 * measures, which ones develop people and how many plans use each.
 * Admins add, rename and retire measures; there is no delete: a retired
 * measure stays on the plans that use it and is no longer offered. */
#include "plans/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/plan.h"

static NEOERR *show(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Section", "plans");
  if (!err) err = db_plan_catalogue(r->hdf);
  r->template = "plans/catalogue.cs";
  return nerr_pass(err);
}

NEOERR *plans_catalogue(struct req *r)
{
  return nerr_pass(show(r));
}

struct names {
  char zh[1100], en[1100];
  int people;
};

static NEOERR *read_names(struct req *r, struct form *f, struct names *n)
{
  form_text(f, "name_zh", 1, 255, n->zh, sizeof n->zh);
  form_text(f, "name_en", 1, 255, n->en, sizeof n->en);
  n->people = req_param_int(r, "develops_people", 0, 0, 1) == 1;
  return nerr_pass(form_finish(f));
}

static NEOERR *answer(struct req *r, enum plan_outcome res)
{
  if (res == PLAN_NOT_FOUND) return app_fail(r, KERR_NOT_FOUND, "MeasureNotFound");
  NEOERR *err = req_flash(r, "MeasureSaved");
  if (!err) err = req_redirect(r, "/plans/catalogue");
  return nerr_pass(err);
}

NEOERR *plans_measure_add(struct req *r)
{
  struct form f = { .r = r };
  struct names n;
  long long category = req_param_int(r, "category_id", 0, 1, 255);
  NEOERR *err = read_names(r, &f, &n);
  if (err) return nerr_pass(err);
  if (!category) form_error(&f, "category_id", "Valid.Choice");
  /* A rejected form shows the category chosen, not 请选择 again. */
  else if ((err = hdf_set_int_value(r->hdf, "Form.category_id", (int)category)))
    return nerr_pass(err);
  if (form_sent_back(&f, show, &err)) return nerr_pass(err);
  enum plan_outcome res;
  if ((err = db_measure_add(&r->user, r->ip, category, n.zh, n.en, n.people, &res)))
    return nerr_pass(err);
  return nerr_pass(answer(r, res));
}

NEOERR *plans_measure_update(struct req *r)
{
  struct form f = { .r = r };
  struct names n;
  NEOERR *err = read_names(r, &f, &n);
  if (err) return nerr_pass(err);
  if (f.errors) {
    /* The messages belong to this measure's row. */
    if ((err = hdf_set_int_value(r->hdf, "Form.measure", (int)r->id))) return nerr_pass(err);
    return nerr_pass(form_again(&f, show));
  }
  int retired = req_param_int(r, "retired", 0, 0, 1) == 1;
  enum plan_outcome res;
  if ((err = db_measure_update(&r->user, r->ip, r->id, n.zh, n.en, n.people, retired, &res)))
    return nerr_pass(err);
  return nerr_pass(answer(r, res));
}
