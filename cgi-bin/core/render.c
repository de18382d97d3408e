#include "core/render.h"
#include "core/format.h"
#include <stdlib.h>
#include <string.h>

#define MAX_TEMPLATES 128

static HDF *config;
static int reload;
static struct {
  char *name;
  CSPARSE *cs;
} cache[MAX_TEMPLATES];
static int ncache;

NEOERR *render_init(const char *dir)
{
  NEOERR *err = hdf_init(&config);
  if (err) return nerr_pass(err);
  /* Escaping on by default: every var: is HTML-escaped unless a template
   * asks for another escape explicitly. */
  if ((err = hdf_set_value(config, "Config.VarEscapeMode", "html")) ||
      (err = hdf_set_value(config, "Config.TimeFooter", "0")) ||
      (err = hdf_set_value(config, "Config.DebugEnabled", "0")) ||
      (err = hdf_set_value(config, "hdf.loadpaths.0", dir)))
    return nerr_pass(err);
  const char *r = getenv("KEHU_TEMPLATE_RELOAD");
  reload = r && strcmp(r, "1") == 0;
  return STATUS_OK;
}

static NEOERR *parse(const char *name, CSPARSE **out)
{
  CSPARSE *cs = NULL;
  NEOERR *err = cs_init(&cs, config);
  if (!err) err = cgi_register_strfuncs(cs);
  if (!err) err = cs_register_strfunc(cs, "money", format_money_strfunc);
  if (!err) err = cs_parse_file(cs, name);
  if (err) {
    cs_destroy(&cs);
    return nerr_pass_ctx(err, "template %s", name);
  }
  *out = cs;
  return STATUS_OK;
}

static NEOERR *lookup(const char *name, CSPARSE **out)
{
  for (int i = 0; i < ncache; i++)
    if (strcmp(cache[i].name, name) == 0) {
      if (!reload) { *out = cache[i].cs; return STATUS_OK; }
      CSPARSE *fresh;
      NEOERR *err = parse(name, &fresh);
      if (err) return nerr_pass(err);
      cs_destroy(&cache[i].cs);
      *out = cache[i].cs = fresh;
      return STATUS_OK;
    }
  if (ncache == MAX_TEMPLATES) return nerr_raise(NERR_ASSERT, "template cache full");
  CSPARSE *cs = NULL;
  NEOERR *err = parse(name, &cs);
  if (err) return nerr_pass(err);
  cache[ncache].name = strdup(name);
  if (!cache[ncache].name) { cs_destroy(&cs); return nerr_raise(NERR_NOMEM, "template name"); }
  cache[ncache++].cs = cs;
  *out = cs;
  return STATUS_OK;
}

static NEOERR *append(void *ctx, char *s)
{
  return nerr_pass(string_append((STRING *)ctx, s));
}

NEOERR *render(const char *name, HDF *data, HDF *global, STRING *out)
{
  CSPARSE *cs = NULL;
  NEOERR *err = lookup(name, &cs);
  if (err) return nerr_pass(err);
  /* Point the cached tree at this request's data, and away again after, so
   * no request's HDF is referenced once it is destroyed. */
  cs->hdf = data;
  cs->global_hdf = global;
  err = cs_render(cs, out, append);
  cs->hdf = config;
  cs->global_hdf = NULL;
  return nerr_pass_ctx(err, "rendering %s", name);
}

NEOERR *render_dup(const char *name, HDF *data, HDF *global, char **out)
{
  STRING html;
  string_init(&html);
  NEOERR *err = render(name, data, global, &html);
  if (!err && !(*out = strdup(html.buf ? html.buf : "")))
    err = nerr_raise(NERR_NOMEM, "copying %s", name);
  string_clear(&html);
  return nerr_pass(err);
}

void render_destroy(void)
{
  for (int i = 0; i < ncache; i++) {
    cs_destroy(&cache[i].cs);
    free(cache[i].name);
  }
  ncache = 0;
  hdf_destroy(&config);
}
