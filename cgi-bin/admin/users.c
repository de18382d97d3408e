/* Users (用户管理): list, create, edit (role, regions, disable), and a
 * password reset. A new account and a reset get a one-time password, shown
 * once on the answer page and never stored in clear; its holder must set
 * their own at the next sign-in (core/app.c). */
#include "admin/pages.h"
#include "core/err.h"
#include "core/password.h"
#include "core/password_rule.h"
#include "core/validate.h"
#include "db/customer.h"
#include "db/user_admin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const roles[] = { "admin", "leader", "staff", "regional_manager" };

NEOERR *admin_users(struct req *r)
{
  NEOERR *err = db_users_list(&r->user, r->hdf, "Users");
  if (!err) err = db_region_list(&r->user, r->hdf, "Regions");
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/users.cs"));
}

static NEOERR *form_page(struct req *r)
{
  NEOERR *err = db_region_list(&r->user, r->hdf, "Regions");
  for (size_t i = 0; i < sizeof roles / sizeof roles[0] && !err; i++) {
    char key[48];
    snprintf(key, sizeof key, "Roles.%s", roles[i]);
    err = hdf_set_value(r->hdf, key, roles[i]);
  }
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/user_form.cs"));
}

NEOERR *admin_user_new(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Form.role", "staff");
  if (err) return nerr_pass(err);
  return nerr_pass(form_page(r));
}

/* The form's fields into f; messages on the bad ones. The regions are
 * checkboxes region_<id>, one per region that exists. */
static NEOERR *read_fields(struct req *r, struct form *fm, struct user_fields *f, int creating)
{
  memset(f, 0, sizeof *f);
  if (creating)
    form_checked(fm, "username", 1, 64, valid_username, "Admin.Valid.Username", f->username,
                 sizeof f->username);
  form_text(fm, "display_name", 1, 64, f->display_name, sizeof f->display_name);
  form_text(fm, "role", 1, 20, f->role, sizeof f->role);
  if (f->role[0] && role_parse(f->role) == ROLE_NONE) form_error(fm, "role", "Admin.Valid.Choice");
  form_checked(fm, "email", 0, 128, valid_email, "Valid.Email", f->email, sizeof f->email);
  form_checked(fm, "phone", 0, 32, valid_phone, "Valid.Phone", f->phone, sizeof f->phone);
  const char *active = req_param(r, "active");
  f->active = creating || (active && !strcmp(active, "1"));
  NEOERR *err = hdf_set_int_value(r->hdf, "Form.active", f->active);
  unsigned ids[256];
  int n = 0;
  if (!err) err = db_region_ids(ids, 256, &n);
  for (int i = 0; i < n && !err; i++) {
    char key[48];
    snprintf(key, sizeof key, "region_%u", ids[i]);
    const char *v = req_param(r, key);
    if (!v || strcmp(v, "1") != 0) continue;
    snprintf(key, sizeof key, "Form.regions.%u", ids[i]);
    err = hdf_set_value(r->hdf, key, "1");
    if (f->nregions < USER_MAX_REGIONS) f->regions[f->nregions++] = ids[i];
    else form_error(fm, "regions", "Admin.Valid.TooMany");
  }
  /* A regional manager sees only their regions: none would be no region. */
  if (!strcmp(f->role, "regional_manager") && !f->nregions)
    form_error(fm, "regions", "Admin.Valid.Regions");
  if (!err) err = form_finish(fm);
  return nerr_pass(err);
}

/* The one-time password's page: shown once, as the answer to the POST. */
static NEOERR *show_password(struct req *r, long long id, const char *username,
                             const char *password, const char *what)
{
  NEOERR *err = hdf_set_value(r->hdf, "OneTime.Password", password);
  if (!err) err = hdf_set_value(r->hdf, "OneTime.Username", username);
  if (!err) err = hdf_set_value(r->hdf, "OneTime.What", what);
  if (!err) err = hdf_set_int_value(r->hdf, "OneTime.Id", (int)id);
  if (err) return nerr_pass(err);
  return nerr_pass(admin_show(r, "admin/one_time.cs"));
}

NEOERR *admin_user_create(struct req *r)
{
  struct form fm = { .r = r };
  struct user_fields f;
  NEOERR *err = read_fields(r, &fm, &f, 1);
  if (err) return nerr_pass(err);
  if (fm.errors) return nerr_pass(form_again(&fm, form_page));
  char password[PASSWORD_ONE_TIME + 1], hash[PASSWORD_HASH_MAX];
  password_one_time(password);
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_NOMEM, "hashing failed");
  unsigned id = 0;
  enum user_outcome outcome;
  if ((err = db_user_create(&r->user, r->ip, &f, hash, &id, &outcome))) return nerr_pass(err);
  if (outcome == USER_NAME_TAKEN) {
    form_error(&fm, "username", "Admin.Valid.UsernameTaken");
    return nerr_pass(form_again(&fm, form_page));
  }
  return nerr_pass(show_password(r, id, f.username, password, "created"));
}

/* Form.* from the stored row (regions from its region_list). */
static NEOERR *fill_from(struct req *r, HDF *row)
{
  NEOERR *err = STATUS_OK;
  static const char *const cols[] = { "username", "display_name", "role", "email", "phone",
                                      "active", "version", "id" };
  for (size_t i = 0; i < sizeof cols / sizeof cols[0] && !err; i++) {
    char key[48];
    snprintf(key, sizeof key, "Form.%s", cols[i]);
    err = hdf_set_value(r->hdf, key, hdf_get_value(row, cols[i], ""));
  }
  for (const char *p = hdf_get_value(row, "region_list", ""); *p && !err;) {
    char key[48];
    unsigned long rid = strtoul(p, (char **)&p, 10);
    snprintf(key, sizeof key, "Form.regions.%lu", rid);
    err = hdf_set_value(r->hdf, key, "1");
    if (*p == ',') p++;
    else if (*p) break;
  }
  return nerr_pass(err);
}

NEOERR *admin_user_edit(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_user_get, "Current");
  if (err) return nerr_pass(err);
  if ((err = fill_from(r, hdf_get_obj(r->hdf, "Current")))) return nerr_pass(err);
  return nerr_pass(form_page(r));
}

NEOERR *admin_user_save(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_user_get, "Current");
  if (err) return nerr_pass(err);
  struct form fm = { .r = r };
  struct user_fields f;
  if ((err = read_fields(r, &fm, &f, 0))) return nerr_pass(err);
  /* The user name never changes (the history and sign-ins name it). */
  snprintf(f.username, sizeof f.username, "%s", hdf_get_value(r->hdf, "Current.username", ""));
  const char *version = req_param(r, "version");
  err = hdf_set_value(r->hdf, "Form.username", f.username);
  if (!err) err = hdf_set_value(r->hdf, "Form.id", hdf_get_value(r->hdf, "Current.id", ""));
  if (!err) err = hdf_set_value(r->hdf, "Form.version", version && valid_count(version) ? version : "0");
  if (err) return nerr_pass(err);
  /* An admin cannot lock themself out: no disabling or demoting oneself. */
  if ((unsigned)r->id == r->user.id) {
    if (!f.active) form_error(&fm, "active", "Admin.Valid.SelfDisable");
    if (strcmp(f.role, "admin") != 0) form_error(&fm, "role", "Admin.Valid.SelfRole");
  }
  if (fm.errors) return nerr_pass(form_again(&fm, form_page));
  enum user_outcome outcome;
  long long v = version && valid_count(version) ? atoll(version) : 0;
  if ((err = db_user_update(&r->user, r->ip, r->id, v, &f, &outcome))) return nerr_pass(err);
  if (outcome == USER_MISSING) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  if (outcome == USER_STALE) {
    /* Someone saved first: their values beside what was typed, which stays
     * in the form; saving again (with the new version) overwrites theirs. */
    r->status = 409;
    err = hdf_set_int_value(r->hdf, "Form.Conflict", 1);
    if (!err) err = hdf_set_value(r->hdf, "Form.version",
                                  hdf_get_value(r->hdf, "Current.version", "0"));
    if (err) return nerr_pass(err);
    return nerr_pass(form_page(r));
  }
  if ((err = req_flash(r, "UserSaved"))) return nerr_pass(err);
  return nerr_pass(req_redirect(r, "/admin/users"));
}

NEOERR *admin_user_reset(struct req *r)
{
  NEOERR *err = admin_fetch(r, db_user_get, "Current");
  if (err) return nerr_pass(err);
  char password[PASSWORD_ONE_TIME + 1], hash[PASSWORD_HASH_MAX];
  password_one_time(password);
  if (password_hash(password, hash) != 0) return nerr_raise(NERR_NOMEM, "hashing failed");
  int found;
  if ((err = db_user_reset_password(&r->user, r->ip, r->id, hash, &found))) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "AdminNotFound");
  return nerr_pass(show_password(r, r->id, hdf_get_value(r->hdf, "Current.username", ""),
                                 password, "reset"));
}
