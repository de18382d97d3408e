#include "core/validate.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int valid_phone(const char *s)
{
  int digits = 0;
  if (*s == '+') s++;
  for (; *s; s++) {
    if (isdigit((unsigned char)*s)) digits++;
    else if (*s != '-' && *s != ' ' && *s != '(' && *s != ')') return 0;
  }
  return digits >= 7 && digits <= 15;
}

int valid_postal_code(const char *s)
{
  for (int i = 0; i < 6; i++)
    if (!isdigit((unsigned char)s[i])) return 0;
  return s[6] == '\0';
}

int valid_email(const char *s)
{
  const char *at = strchr(s, '@');
  if (!at || at == s || strchr(at + 1, '@') || strlen(s) > 128) return 0;
  const char *dot = strrchr(at, '.');
  if (!dot || dot == at + 1 || dot[1] == '\0') return 0;
  for (; *s; s++)
    if (isspace((unsigned char)*s) || (unsigned char)*s < 0x21 || *s == '<' || *s == '>')
      return 0;
  return 1;
}

int valid_date(const char *s)
{
  /* Digits exactly where YYYY-MM-DD has them: sscanf alone would accept
   * signs and spaces. */
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) { if (s[i] != '-') return 0; }
    else if (!isdigit((unsigned char)s[i])) return 0;
  }
  if (s[10] != '\0') return 0;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return 0;
  static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= mdays[m - 1] + (m == 2 && leap);
}

int valid_amount(const char *s)
{
  int int_digits = 0, frac = -1;
  for (; *s; s++) {
    if (*s == '.') {
      if (frac >= 0 || int_digits == 0) return 0;
      frac = 0;
    } else if (isdigit((unsigned char)*s)) {
      if (frac >= 0) frac++;
      else int_digits++;
    } else {
      return 0;
    }
  }
  return int_digits > 0 && int_digits <= 12 && frac != 0 && frac <= 2;
}

int valid_username(const char *s)
{
  size_t n = 0;
  for (; *s; s++, n++)
    if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_' ||
          *s == '.' || *s == '-'))
      return 0;
  return n >= 1 && n <= 64;
}

/* Digits only, between 1 and max of them, no leading zero (except "0"
 * itself when zero is allowed). */
static int whole_number(const char *s, size_t max, int zero_ok)
{
  size_t n = strlen(s);
  if (n == 0 || n > max || (s[0] == '0' && (n > 1 || !zero_ok))) return 0;
  for (; *s; s++)
    if (!isdigit((unsigned char)*s)) return 0;
  return 1;
}

int valid_id(const char *s) { return whole_number(s, 9, 0); }
int valid_count(const char *s) { return whole_number(s, 7, 1); }

/* The first failure to write into the HDF (out of memory) is held in the
 * form and returned by form_finish, so helpers stay one-liners for callers
 * and no error is lost. */
static void record(struct form *f, NEOERR *err)
{
  if (!err) return;
  if (f->err) nerr_ignore(&err);
  else f->err = err;
}

void form_error(struct form *f, const char *name, const char *msg_key)
{
  char key[128];
  snprintf(key, sizeof key, "Form.Errors.%s", name);
  f->errors++;
  record(f, hdf_set_value(f->r->hdf, key, i18n_get(f->r->lang, msg_key)));
}

/* The value goes back into the form as typed (Form.<name>). */
static void echo(struct form *f, const char *name, const char *value)
{
  char key[128];
  snprintf(key, sizeof key, "Form.%s", name);
  record(f, hdf_set_value(f->r->hdf, key, value));
}

/* Reads the field and echoes it; 1 when it is longer than maxlen (or than
 * buf). A value cut to fit buf is echoed as sent: the form shows all that was
 * typed, so the user shortens it rather than loses its end. */
static int read_field(struct form *f, const char *name, size_t maxlen, char *buf, size_t n)
{
  req_param_trim(f->r, name, buf, n);
  const char *raw = req_param(f->r, name);
  int cut = raw && strlen(raw) >= n;
  echo(f, name, cut ? raw : buf);
  return utf8_len(buf) > maxlen || cut;
}

const char *form_text(struct form *f, const char *name, int required,
                      size_t maxlen, char *buf, size_t n)
{
  int too_long = read_field(f, name, maxlen, buf, n);
  if (required && !*buf) form_error(f, name, "Valid.Required");
  else if (too_long) form_error(f, name, "Valid.TooLong");
  return buf;
}

/* A value of the wrong shape gets the shape's message even when it is also
 * too long: "2026-011-150" is an invalid date, not a text too long. */
const char *form_checked(struct form *f, const char *name, int required,
                         size_t maxlen, int (*check)(const char *),
                         const char *msg_key, char *buf, size_t n)
{
  int too_long = read_field(f, name, maxlen, buf, n);
  if (required && !*buf) form_error(f, name, "Valid.Required");
  else if (*buf && !check(buf)) form_error(f, name, msg_key);
  else if (too_long) form_error(f, name, "Valid.TooLong");
  return buf;
}

NEOERR *form_finish(struct form *f)
{
  NEOERR *err = f->err;
  f->err = STATUS_OK;
  return err;
}

NEOERR *form_field_error(struct req *r, const char *name, const char *msg_key)
{
  struct form f = { .r = r };
  form_error(&f, name, msg_key);
  return form_finish(&f);
}

NEOERR *form_again(struct form *f, form_page_fn page)
{
  NEOERR *err = form_finish(f);
  if (err) return nerr_pass(err);
  f->r->status = 422;
  return nerr_pass(page(f->r));
}

int form_sent_back(struct form *f, form_page_fn page, NEOERR **err)
{
  *err = STATUS_OK;
  if (!f->errors && !f->err) return 0;
  *err = form_again(f, page);
  return 1;
}
