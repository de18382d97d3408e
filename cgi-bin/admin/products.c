/* Products (产品): code, name, category, unit, list price, unit cost, and
 * active or retired. A retired product stays on the orders and complaints
 * that name it; the forms and the import offer active ones only (their
 * queries read products.active). */
#include "admin/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/catalog_admin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static NEOERR *form_page(struct req *r)
{
  NEOERR *err = db_categories(&r->user, r->hdf, "Categories");
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/product_form.cs"));
}

NEOERR *admin_products(struct req *r)
{
  NEOERR *err = db_products_admin(&r->user, r->hdf, "Products");
  if (!err) err = db_categories(&r->user, r->hdf, "Categories");
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/products.cs"));
}

/* POST /admin/categories (a new one) and /admin/categories/{id} (new
 * names); a refused form comes back on the products page, at its row. */
NEOERR *admin_category_save(struct req *r)
{
  struct form fm = { .r = r };
  char zh[72], en[72];
  long long id = strcmp(r->path, "/admin/categories") ? r->id : 0;
  /* /admin/categories/0 names no category: it must not add one. */
  if (id <= 0 && strcmp(r->path, "/admin/categories"))
    return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  form_text(&fm, "name_zh", 1, 64, zh, sizeof zh);
  form_text(&fm, "name_en", 1, 64, en, sizeof en);
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.category", (int)id);
  if (err) { nerr_ignore(&fm.err); return nerr_pass(err); }
  if (form_sent_back(&fm, admin_products, &err)) return nerr_pass(err);
  int found;
  if ((err = db_category_save(&r->user, r->ip, id, zh, en, &found))) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  if ((err = req_flash(r, "CategorySaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/products"));
}

NEOERR *admin_product_new(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Form.unit", "件");
  if (!err) err = hdf_set_value(r->hdf, "Form.active", "1");
  if (err) return nerr_pass(err);
  return nerr_pass(form_page(r));
}

static NEOERR *read_fields(struct req *r, struct form *fm, struct product_fields *f,
                           int creating)
{
  char category[16];
  memset(f, 0, sizeof *f);
  form_text(fm, "code", 1, 32, f->code, sizeof f->code);
  form_text(fm, "name", 1, 128, f->name, sizeof f->name);
  form_checked(fm, "category_id", 1, 9, valid_id, "Admin.Valid.Choice", category,
               sizeof category);
  form_text(fm, "unit", 1, 16, f->unit, sizeof f->unit);
  form_checked(fm, "list_price", 1, 13, valid_amount, "Valid.Amount", f->list_price,
               sizeof f->list_price);
  form_checked(fm, "unit_cost", 1, 13, valid_amount, "Valid.Amount", f->unit_cost,
               sizeof f->unit_cost);
  const char *active = req_param(r, "active");
  f->active = creating || (active && !strcmp(active, "1"));
  f->category_id = atoll(category);
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.active", f->active);
  if (!err && f->category_id) {
    /* A category that exists (the menu offers only those). */
    int known = 0;
    err = db_categories(&r->user, r->hdf, "Categories");
    for (HDF *c = hdf_get_child(r->hdf, "Categories"); c && !err; c = hdf_obj_next(c))
      known |= hdf_get_int_value(c, "id", 0) == f->category_id;
    if (!err && !known) form_error(fm, "category_id", "Admin.Valid.Choice");
    if (!err) err = hdf_remove_tree(r->hdf, "Categories");
  }
  if (!err) err = form_finish(fm);
  return nerr_pass(err);
}


NEOERR *admin_product_create(struct req *r)
{
  struct form fm = { .r = r };
  struct product_fields f;
  NEOERR *err = read_fields(r, &fm, &f, 1);
  if (err) return nerr_pass(err);
  if (fm.errors) return nerr_pass(form_again(&fm, form_page));
  unsigned id;
  enum catalog_outcome outcome;
  if ((err = db_product_create(&r->user, r->ip, &f, &id, &outcome))) return nerr_pass(err);
  if (outcome == CATALOG_CODE_TAKEN) {
    form_error(&fm, "code", "Admin.Valid.CodeTaken");
    return nerr_pass(form_again(&fm, form_page));
  }
  if ((err = req_flash(r, "ProductSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/products"));
}

NEOERR *admin_product_edit(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_product_get, "Form");
  if (err) return nerr_pass(err);
  return nerr_pass(form_page(r));
}

NEOERR *admin_product_save(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_product_get, "Current");
  if (err) return nerr_pass(err);
  struct form fm = { .r = r };
  struct product_fields f;
  const char *version = req_param(r, "version");
  long long v = version && valid_count(version) ? atoll(version) : 0;
  if ((err = read_fields(r, &fm, &f, 0)) ||
      (err = hdf_set_value(r->hdf, "Form.id", hdf_get_value(r->hdf, "Current.id", ""))) ||
      (err = hdf_set_int_value(r->hdf, "Form.version", (int)v)))
    return nerr_pass(err);
  if (fm.errors) return nerr_pass(form_again(&fm, form_page));
  enum catalog_outcome outcome;
  if ((err = db_product_update(&r->user, r->ip, r->id, v, &f, &outcome))) return nerr_pass(err);
  if (outcome == CATALOG_MISSING) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  if (outcome == CATALOG_CODE_TAKEN) {
    form_error(&fm, "code", "Admin.Valid.CodeTaken");
    return nerr_pass(form_again(&fm, form_page));
  }
  if (outcome == CATALOG_STALE) {
    /* Someone saved first: theirs beside what was typed (echoed in the form). */
    if ((err = hdf_set_int_value(r->hdf, "Form.Conflict", 1)) ||
        (err = hdf_set_value(r->hdf, "Form.version",
                             hdf_get_value(r->hdf, "Current.version", "0"))))
      return nerr_pass(err);
    r->status = 409;
    return nerr_pass(form_page(r));
  }
  if ((err = req_flash(r, "ProductSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/products"));
}
