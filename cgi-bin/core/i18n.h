#ifndef KEHU_I18N_H
#define KEHU_I18N_H
/* Screen text lives in conf/lang/<lang>.hdf under L.*; Simplified Chinese is
 * the default and the fallback for any string English lacks. */
#include <ClearSilver.h>

#define LANG_DEFAULT "zh-CN"

NEOERR *i18n_init(const char *dir);
void i18n_destroy(void);
/* "zh-CN" or "en" for any input; unknown values give the default. */
const char *i18n_lang(const char *wanted);
/* The HDF holding L.* for a language (the templates' global data). */
HDF *i18n_hdf(const char *lang);
/* The string at L.<key>, or the key itself when missing. */
const char *i18n_get(const char *lang, const char *key);
#endif
