#include "core/i18n.h"
#include <stdio.h>
#include <string.h>

static const char *langs[] = { "zh-CN", "en" };
#define NLANGS (sizeof langs / sizeof langs[0])
static HDF *strings[NLANGS];

NEOERR *i18n_init(const char *dir)
{
  char path[1024];
  for (size_t i = 0; i < NLANGS; i++) {
    NEOERR *err = hdf_init(&strings[i]);
    if (err) return nerr_pass(err);
    /* Read the default first so a missing translation falls back to it. */
    snprintf(path, sizeof path, "%s/%s.hdf", dir, LANG_DEFAULT);
    if ((err = hdf_read_file(strings[i], path))) return nerr_pass(err);
    if (strcmp(langs[i], LANG_DEFAULT) != 0) {
      snprintf(path, sizeof path, "%s/%s.hdf", dir, langs[i]);
      if ((err = hdf_read_file(strings[i], path))) return nerr_pass(err);
    }
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

const char *i18n_get(const char *lang, const char *key)
{
  char name[256];
  snprintf(name, sizeof name, "L.%s", key);
  return hdf_get_value(i18n_hdf(lang), name, key);
}
