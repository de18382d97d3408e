#include "core/i18n.h"
#include <glob.h>
#include <stdio.h>
#include <string.h>

static const char *langs[] = { "zh-CN", "en" };
#define NLANGS (sizeof langs / sizeof langs[0])
static HDF *strings[NLANGS];

/* Every .hdf file in <dir>/<lang>/, in name order: one file per page group, so
 * page groups add their strings without touching each other's files. */
static NEOERR *read_lang(HDF *h, const char *dir, const char *lang)
{
  char pattern[1024];
  glob_t g;
  snprintf(pattern, sizeof pattern, "%s/%s/*.hdf", dir, lang);
  int rc = glob(pattern, 0, NULL, &g);
  if (rc == GLOB_NOMATCH) return nerr_raise(NERR_NOT_FOUND, "no language files %s", pattern);
  if (rc != 0) return nerr_raise(NERR_SYSTEM, "glob %s failed", pattern);
  NEOERR *err = STATUS_OK;
  for (size_t i = 0; i < g.gl_pathc && !err; i++) err = hdf_read_file(h, g.gl_pathv[i]);
  globfree(&g);
  return nerr_pass(err);
}

NEOERR *i18n_init(const char *dir)
{
  for (size_t i = 0; i < NLANGS; i++) {
    NEOERR *err = hdf_init(&strings[i]);
    if (err) return nerr_pass(err);
    /* Read the default first so a missing translation falls back to it. */
    if ((err = read_lang(strings[i], dir, LANG_DEFAULT))) return nerr_pass(err);
    if (strcmp(langs[i], LANG_DEFAULT) != 0 && (err = read_lang(strings[i], dir, langs[i])))
      return nerr_pass(err);
    if ((err = hdf_set_value(strings[i], "Lang", langs[i]))) return nerr_pass(err);
  }
  return STATUS_OK;
}

void i18n_destroy(void)
{
  for (size_t i = 0; i < NLANGS; i++) hdf_destroy(&strings[i]);
}

const char *i18n_lang(const char *wanted)
{
  for (size_t i = 0; wanted && i < NLANGS; i++)
    if (strcmp(wanted, langs[i]) == 0) return langs[i];
  return LANG_DEFAULT;
}

HDF *i18n_hdf(const char *lang)
{
  lang = i18n_lang(lang);
  for (size_t i = 0; i < NLANGS; i++)
    if (langs[i] == lang) return strings[i];
  return strings[0];
}

/* From the language's "L" node: a key printf'd into "L.<key>" and looked up
 * from the root cost more than the lookup itself, and queue pages ask for
 * span units per row. */
const char *i18n_get(const char *lang, const char *key)
{
  HDF *l = hdf_get_obj(i18n_hdf(lang), "L");
  return l ? hdf_get_value(l, key, key) : key;
}
