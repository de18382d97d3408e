/* The field parsers of forms and query strings (core/validate.c, the
 * money and month formats, UTF-8, the Content-Type and redirect-target
 * readers) on any text, and the form_* helpers on a parameter holding it,
 * with buffers large and small (a value cut inside a UTF-8 sequence). */
#include "fuzz.h"
#include "core/format.h"
#include "core/i18n.h"
#include "core/mediatype.h"
#include "core/months.h"
#include "core/utf8.h"
#include "core/validate.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int (*const checks[])(const char *) = {
  valid_phone, valid_postal_code, valid_email, valid_date, valid_amount,
  valid_username, valid_id, valid_count,
};

static void pure(const char *s, size_t n)
{
  for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) (void)checks[i](s);
  char small[4], big[256];
  format_money(s, small, sizeof small);
  format_money(s, big, sizeof big);
  char *money = NULL;
  NEOERR *err = format_money_strfunc(s, &money);
  if (err) nerr_ignore(&err);
  free(money);
  unsigned mask;
  if (months_parse(s, &mask) == 0) {
    months_format(mask, small, sizeof small);
    months_format(mask, big, sizeof big);
  }
  (void)utf8_well_formed(s, n);
  if (utf8_valid(s, n)) (void)utf8_len(s);
  struct media_type m;
  (void)media_type_parse(s, &m);
  (void)req_local_path(s);
}

static void form(const char *s)
{
  struct req r;
  memset(&r, 0, sizeof r);
  r.lang = LANG_DEFAULT;
  if (hdf_init(&r.hdf)) return;
  NEOERR *err = hdf_set_value(r.hdf, "Query.f", s);
  if (err) {
    nerr_ignore(&err);
    hdf_destroy(&r.hdf);
    return;
  }
  struct form f = { .r = &r };
  char small[5], big[512];
  form_text(&f, "f", 1, 2, small, sizeof small);
  form_text(&f, "f", 0, 100, big, sizeof big);
  for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
    form_checked(&f, "f", 0, 3, checks[i], "Valid.Phone", small, sizeof small);
    form_checked(&f, "f", 1, 200, checks[i], "Valid.Phone", big, sizeof big);
  }
  (void)req_param_int(&r, "f", 7, -5, 5);
  if ((err = form_finish(&f))) nerr_ignore(&err);
  hdf_destroy(&r.hdf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready;
  if (!ready) {
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/conf/lang", fuzz_root());
    NEOERR *err = i18n_init(dir);
    if (err) { nerr_ignore(&err); return 0; }
    ready = 1;
  }
  char *s = malloc(size + 1);
  if (!s) return 0;
  memcpy(s, data, size);
  s[size] = '\0';
  pure(s, size);
  form(s);
  free(s);
  return 0;
}
