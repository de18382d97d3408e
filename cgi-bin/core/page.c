#include "core/page.h"
#include "core/app.h"
#include "core/i18n.h"
#include "core/session.h"
#include "core/log.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The navigation, by role. A page group adds its entry here when it ships. */
static const struct {
  const char *section, *href;
  unsigned roles;
} nav[] = {
  { "home", "/", ROLES_SIGNED_IN },
  { "customers", "/customers", ROLES_SIGNED_IN },
  { "complaints", "/complaints", ROLES_SIGNED_IN },
  { "plans", "/plans", ROLES_SIGNED_IN },
  { "dashboard", "/dashboard", ROLES_SIGNED_IN },
  { "analysis", "/analysis", ROLES_SIGNED_IN },
  { "admin", "/admin", ROLE_ADMIN },
};

/* Flash keys are names under L.Flash; anything else in the cookie is
 * ignored, so a forged cookie cannot put text on the page. */
static int flash_known(const char *lang, const char *key)
{
  char name[96];
  snprintf(name, sizeof name, "Flash.%s", key);
  return strcmp(i18n_get(lang, name), name) != 0;
}

/* Stylesheet URLs carry the file's modification time, so nginx can let
 * browsers cache /static/ for days and a new stylesheet still arrives at
 * once. Read once per process: a deploy restarts the programs. */
static const char *asset_version(void)
{
  static char version[24];
  if (version[0]) return version;
  const char *root = getenv("KEHU_ROOT");
  char path[1024];
  struct stat st;
  snprintf(path, sizeof path, "%s/static/app.css", root && *root ? root : ".");
  if (stat(path, &st) == 0) snprintf(version, sizeof version, "%lx", (unsigned long)st.st_mtime);
  else snprintf(version, sizeof version, "1");
  return version;
}

static page_count_fn nav_count;

void page_nav_count(page_count_fn count) { nav_count = count; }

/* Complaints past their first-response time, in the user's scope, beside
 * the complaints entry. A database failure here must not cost the page
 * (it may be the error page saying the database is down). */
static NEOERR *nav_overdue(struct req *r, int entry)
{
  int overdue = 0;
  if (!nav_count) return STATUS_OK;
  NEOERR *err = nav_count(&r->user, &overdue);
  if (err) {
    log_error(&err, "nav overdue count");
    return STATUS_OK;
  }
  if (!overdue) return STATUS_OK;
  char name[64];
  snprintf(name, sizeof name, "Nav.%d.Count", entry);
  return nerr_pass(hdf_set_int_value(r->hdf, name, overdue));
}

/* Where the language switch comes back to: this page with its query, so a
 * search or a filter survives the switch; only the path after a POST (its
 * answer is not a page to come back to) or when the query is too long. */
static NEOERR *set_here(struct req *r)
{
  const char *qs = r->fx ? FCGX_GetParam("QUERY_STRING", r->fx->envp) : NULL;
  char here[2048];
  if (strcmp(r->method, "GET") != 0 || !qs || !*qs ||
      snprintf(here, sizeof here, "%s?%s", r->path, qs) >= (int)sizeof here)
    return nerr_pass(hdf_set_value(r->hdf, "Page.Here", r->path));
  return nerr_pass(hdf_set_value(r->hdf, "Page.Here", here));
}

NEOERR *page_fill(struct req *r, const char *section)
{
  HDF *h = r->hdf;
  NEOERR *err;
  const char *token;
  if ((err = csrf_token(r, &token)) || (err = hdf_set_value(h, "CSRF", token)) ||
      (err = hdf_set_value(h, "Page.Lang", r->lang)) ||
      (err = hdf_set_value(h, "Page.Path", r->path)) || (err = set_here(r)) ||
      (err = hdf_set_value(h, "Page.Asset", asset_version())))
    return nerr_pass(err);
  if (section && (err = hdf_set_value(h, "Page.Section", section))) return nerr_pass(err);
  if (r->user.id) {
    if ((err = hdf_set_int_value(h, "User.Id", (int)r->user.id)) ||
        (err = hdf_set_value(h, "User.Name", r->user.display_name)) ||
        (err = hdf_set_value(h, "User.Username", r->user.username)) ||
        (err = hdf_set_value(h, "User.Role", role_name(r->user.role))))
      return nerr_pass(err);
    int n = 0;
    char name[64];
    /* A one-time password's holder may open no other page: no links. */
    for (size_t i = 0; i < sizeof nav / sizeof nav[0] && !r->user.must_change; i++) {
      if (!(nav[i].roles & r->user.role)) continue;
      snprintf(name, sizeof name, "Nav.%d.Section", n);
      if ((err = hdf_set_value(h, name, nav[i].section))) return nerr_pass(err);
      snprintf(name, sizeof name, "Nav.%d.Href", n++);
      if ((err = hdf_set_value(h, name, nav[i].href))) return nerr_pass(err);
      if (strcmp(nav[i].section, "complaints") == 0 && (err = nav_overdue(r, n - 1)))
        return nerr_pass(err);
    }
  }
  const char *flash = req_cookie(r, "kehu_flash");
  if (flash && !r->redirect) {
    if (flash_known(r->lang, flash) && (err = hdf_set_value(h, "Flash", flash)))
      return nerr_pass(err);
    if ((err = req_set_cookie(r, "kehu_flash", "", 0, 1))) return nerr_pass(err);
  }
  return STATUS_OK;
}

int page_number(struct req *r, int max)
{
  return (int)req_param_int(r, "page", 1, 1, max);
}

/* Numbered links under Pager.Links: the first page, two either side of
 * this one, and the last when it is known; a gap where pages are skipped. */
static NEOERR *page_links(HDF *h, long long pages, int capped, int page, int more)
{
  long long show[8];
  int ns = 0, n = 0;
  show[ns++] = 1;
  for (long long p = page - 2; p <= page + 2; p++)
    if (p > 1 && (p <= pages || (p == page + 1 && more))) show[ns++] = p;
  if (!capped && pages > show[ns - 1]) show[ns++] = pages;
  char key[48];
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < ns && !err; i++) {
    if (i && show[i] > show[i - 1] + 1) {
      snprintf(key, sizeof key, "Pager.Links.%d.gap", n++);
      if ((err = hdf_set_value(h, key, "1"))) break;
    }
    snprintf(key, sizeof key, "Pager.Links.%d.page", n++);
    err = hdf_set_int_value(h, key, (int)show[i]);
  }
  return nerr_pass(err);
}

NEOERR *page_pager_capped(struct req *r, long long total, int capped, int page, int per, int more)
{
  HDF *h = r->hdf;
  long long pages = total ? (total + per - 1) / per : 1;
  /* Past the counting cap the pages run on while rows follow. */
  if (capped && page >= pages) pages = page + (more ? 1 : 0);
  if (pages < page) pages = page;
  long long from = total ? (long long)(page - 1) * per + 1 : 0, to = (long long)page * per;
  if (!capped && to > total) to = total;
  char buf[32];
  NEOERR *err;
  snprintf(buf, sizeof buf, "%lld", total);
  if ((err = hdf_set_value(h, "Pager.Total", buf)) ||
      (err = hdf_set_int_value(h, "Pager.Capped", capped)) ||
      (err = hdf_set_int_value(h, "Pager.Page", page)))
    return nerr_pass(err);
  snprintf(buf, sizeof buf, "%lld", pages);
  if ((err = hdf_set_value(h, "Pager.Pages", buf))) return nerr_pass(err);
  snprintf(buf, sizeof buf, "%lld", from);
  if ((err = hdf_set_value(h, "Pager.From", buf))) return nerr_pass(err);
  snprintf(buf, sizeof buf, "%lld", to);
  if ((err = hdf_set_value(h, "Pager.To", buf))) return nerr_pass(err);
  if (page > 1 && (err = hdf_set_int_value(h, "Pager.Prev", page - 1))) return nerr_pass(err);
  if (more && (err = hdf_set_int_value(h, "Pager.Next", page + 1))) return nerr_pass(err);
  return nerr_pass(page_links(h, pages, capped, page, more));
}

NEOERR *page_pager(struct req *r, long long total, int page, int per)
{
  long long pages = total ? (total + per - 1) / per : 1;
  if (page > pages) page = (int)pages;
  if (page < 1) page = 1;
  return nerr_pass(page_pager_capped(r, total, 0, page, per, page < pages));
}

NEOERR *page_pager_anchors(struct req *r, long long first, long long last)
{
  char at[40];
  NEOERR *err = STATUS_OK;
  if (first > 0 && hdf_get_int_value(r->hdf, "Pager.Prev", 0)) {
    snprintf(at, sizeof at, "before=%lld", first);
    err = hdf_set_value(r->hdf, "Pager.PrevAt", at);
  }
  if (!err && last > 0 && hdf_get_int_value(r->hdf, "Pager.Next", 0)) {
    snprintf(at, sizeof at, "after=%lld", last);
    err = hdf_set_value(r->hdf, "Pager.NextAt", at);
  }
  return nerr_pass(err);
}

NEOERR *page_charts(struct req *r)
{
  NEOERR *err = hdf_set_value(r->hdf, "Page.Scripts.0", "/javascript/chart.js/chart.min.js");
  if (!err) err = hdf_set_value(r->hdf, "Page.Scripts.1", "/static/charts.js");
  return nerr_pass(err);
}
