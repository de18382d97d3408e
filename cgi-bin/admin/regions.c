/* Regions (区域) and provinces (省份): a region's code and names, and
 * which region each province belongs to. The public complaint form's
 * province gives a complaint its region (db/complaint_public.c), so a
 * moved province sends new complaints to its new region; complaints
 * already filed keep theirs. */
#include "admin/pages.h"
#include "core/err.h"
#include "core/validate.h"
#include "db/catalog_admin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

NEOERR *admin_regions(struct req *r)
{
  NEOERR *err = db_regions_admin(&r->user, r->hdf);
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/regions.cs"));
}

NEOERR *admin_region_edit(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_region_get, "Form");
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/region_form.cs"));
}

/* A region code: lower-case letters, digits, '_' (it appears in URLs and
 * the access matrix, and names the region in provinces). */
static int valid_code(const char *s)
{
  if (!*s) return 0;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_')) return 0;
  return 1;
}

NEOERR *admin_region_save(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_region_get, "Current");
  if (err) return nerr_pass(err);
  struct form fm = { .r = r };
  char code[17], zh[33], en[33];
  form_checked(&fm, "code", 1, 16, valid_code, "Admin.Valid.RegionCode", code, sizeof code);
  form_text(&fm, "name_zh", 1, 32, zh, sizeof zh);
  form_text(&fm, "name_en", 1, 32, en, sizeof en);
  const char *version = req_param(r, "version");
  long long v = version && valid_count(version) ? atoll(version) : 0;
  if ((err = form_finish(&fm)) ||
      (err = hdf_set_value(r->hdf, "Form.id", hdf_get_value(r->hdf, "Current.id", ""))) ||
      (err = hdf_set_int_value(r->hdf, "Form.version", (int)v)))
    return nerr_pass(err);
  enum catalog_outcome outcome = CATALOG_SAVED;
  if (!fm.errors &&
      (err = db_region_update(&r->user, r->ip, r->id, v, code, zh, en, &outcome)))
    return nerr_pass(err);
  if (outcome == CATALOG_MISSING) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  if (outcome == CATALOG_CODE_TAKEN) form_error(&fm, "code", "Admin.Valid.CodeTaken");
  if (outcome == CATALOG_STALE &&
      ((err = hdf_set_int_value(r->hdf, "Form.Conflict", 1)) ||
       (err = hdf_set_value(r->hdf, "Form.version",
                            hdf_get_value(r->hdf, "Current.version", "0")))))
    return nerr_pass(err);
  if ((err = form_finish(&fm))) return nerr_pass(err);
  if (fm.errors || outcome != CATALOG_SAVED) {
    r->status = outcome == CATALOG_STALE ? 409 : 422;
    return nerr_pass(admin_show(r, "admin/region_form.cs"));
  }
  if ((err = req_flash(r, "RegionSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/regions"));
}

/* One form, a region menu per province (province_<id> = region code). */
NEOERR *admin_provinces_save(struct req *r)
{
  NEOERR *err = db_regions_admin(&r->user, r->hdf);
  if (err) return nerr_pass(err);
  struct form fm = { .r = r };
  struct province_move moves[64];
  int n = 0, changed = 0;
  for (HDF *p = hdf_get_child(r->hdf, "Provinces"); p && n < 64; p = hdf_obj_next(p)) {
    char key[48];
    const char *id = hdf_get_value(p, "id", "0");
    snprintf(key, sizeof key, "province_%s", id);
    const char *code = req_param(r, key);
    if (!code) continue;
    int known = 0;
    for (HDF *g = hdf_get_child(r->hdf, "Regions"); g; g = hdf_obj_next(g))
      known |= !strcmp(hdf_get_value(g, "code", ""), code);
    if (!known) {
      form_error(&fm, key, "Admin.Valid.Choice");
      continue;
    }
    moves[n].province_id = atoll(id);
    snprintf(moves[n].region_code, sizeof moves[n].region_code, "%s", code);
    n++;
  }
  if ((err = form_finish(&fm))) return nerr_pass(err);
  if (fm.errors) {
    r->status = 422;
    return nerr_pass(admin_show(r, "admin/regions.cs"));
  }
  if ((err = db_province_regions(&r->user, r->ip, moves, n, &changed)) ||
      (err = req_flash(r, changed ? "ProvincesSaved" : "ProvincesSame")))
    return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/regions"));
}
