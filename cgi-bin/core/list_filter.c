#include "core/list_filter.h"
#include "core/app.h"
#include "core/err.h"
#include "core/listed.h"
#include "core/qs.h"
#include "core/utf8.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int all_digits(const char *s, size_t n)
{
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return 0;
  return n > 0;
}

static int two(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

/* "YYYY-MM" or "YYYY-MM-DD" of 2000..2099 (len 7 or 10): the month number
 * y * 12 + m - 1, or -1. A day must exist in its month. */
static long long calendar(const char *s, size_t len)
{
  if (strlen(s) != len || s[4] != '-' || (len == 10 && s[7] != '-')) return -1;
  if (!all_digits(s, 4) || !all_digits(s + 5, 2) || (len == 10 && !all_digits(s + 8, 2)))
    return -1;
  int y = two(s) * 100 + two(s + 2), m = two(s + 5);
  if (y < 2000 || y > 2099 || m < 1 || m > 12) return -1;
  if (len == 10) {
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int d = two(s + 8), leap = m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    if (d < 1 || d > days[m - 1] + leap) return -1;
  }
  return (long long)y * 12 + m - 1;
}

static const char *word_of(const char *const *choices, const char *v)
{
  for (const char *const *c = choices; c && *c; c++)
    if (strcmp(*c, v) == 0) return *c;
  return NULL;
}

/* Trimmed text of at most `max` bytes, not ending inside a character. */
static int text(const char *raw, long long max, char *out)
{
  size_t len = strlen(raw);
  if (!utf8_valid(raw, len)) return 0;
  while (len && isspace((unsigned char)*raw)) raw++, len--;
  while (len && isspace((unsigned char)raw[len - 1])) len--;
  size_t cap = max > 0 && max < LIST_FILTER_TEXT ? (size_t)max : LIST_FILTER_TEXT - 1;
  if (len > cap) {
    len = cap;
    while (len && ((unsigned char)raw[len] & 0xC0) == 0x80) len--;   /* back to a lead byte */
  }
  memcpy(out, raw, len);
  out[len] = '\0';
  return len > 0;
}

int list_filter_value(const struct lf_field *f, const char *raw, struct lf_value *out)
{
  out->s[0] = '\0';
  out->n = 0;
  if (!raw || !*raw) return 0;
  const char *w;
  long long n;
  switch (f->kind) {
  case LF_CHOICE:
    if (!(w = word_of(f->choices, raw))) return 0;
    snprintf(out->s, sizeof out->s, "%s", w);
    return 1;
  case LF_ID:
    if ((w = word_of(f->choices, raw))) {
      snprintf(out->s, sizeof out->s, "%s", w);
      return 1;
    }
    /* At most 18 digits: no sign, no space, no overflow to wrap around. */
    if (strlen(raw) > 18 || !all_digits(raw, strlen(raw))) return 0;
    n = strtoll(raw, NULL, 10);
    if (n < f->min || n > f->max) return 0;
    break;
  case LF_FLAG:
    if (strcmp(raw, "1") != 0) return 0;
    n = 1;
    break;
  case LF_TEXT:
    return text(raw, f->max, out->s);
  case LF_DIGITS:
    if (!text(raw, f->max, out->s) || !all_digits(out->s, strlen(out->s))) {
      out->s[0] = '\0';
      return 0;
    }
    return 1;
  case LF_MONTH:
  case LF_DATE:
    if ((n = calendar(raw, f->kind == LF_MONTH ? 7 : 10)) < 0) return 0;
    snprintf(out->s, sizeof out->s, "%s", raw);
    out->n = n;
    return 1;
  default:
    return 0;
  }
  snprintf(out->s, sizeof out->s, "%lld", n);
  out->n = n;
  return 1;
}

/* The value, or the field's default when it has none. */
static void take(const struct lf_field *f, const char *raw, struct lf_value *v)
{
  if (!list_filter_value(f, raw, v) && f->dflt) list_filter_value(f, f->dflt, v);
}

NEOERR *list_filter_parse(struct req *r, struct list_filter *lf, const struct lf_field *fields,
                          int n)
{
  if (n > LIST_FILTER_MAX) abort();   /* a declaration error, found by any test of the page */
  lf->fields = fields;
  lf->nfields = n;
  lf->sorts = NULL;
  for (int i = 0; i < n; i++) {
    const char *raw = req_param(r, fields[i].name);
    if ((fields[i].opts & LF_STRICT) && raw && *raw && !list_filter_value(&fields[i], raw, &lf->v[i]))
      return nerr_pass(app_fail(r, KERR_BAD_REQUEST, fields[i].missing));
    take(&fields[i], raw, &lf->v[i]);
    if (fields[i].listed && lf->v[i].n > 0) {
      NEOERR *err = listed_check(r, fields[i].listed, (unsigned)lf->v[i].n, fields[i].missing);
      if (err) return nerr_pass(err);
    }
  }
  return STATUS_OK;
}

static int slot(const struct list_filter *lf, const char *name)
{
  for (int i = 0; i < lf->nfields; i++)
    if (strcmp(lf->fields[i].name, name) == 0) return i;
  abort();   /* a field the table does not declare: a typo in the handler */
}

const char *lf_str(const struct list_filter *lf, const char *name)
{
  return lf->v[slot(lf, name)].s;
}

const char *lf_word(const struct list_filter *lf, const char *name)
{
  const char *s = lf_str(lf, name);
  return *s ? s : NULL;
}

long long lf_num(const struct list_filter *lf, const char *name)
{
  return lf->v[slot(lf, name)].n;
}

int lf_is(const struct list_filter *lf, const char *name, const char *word)
{
  return strcmp(lf_str(lf, name), word) == 0;
}

void lf_set(struct list_filter *lf, const char *name, const char *s)
{
  int i = slot(lf, name);
  char copy[LIST_FILTER_TEXT];   /* s may be the value being replaced */
  snprintf(copy, sizeof copy, "%s", s ? s : "");
  take(&lf->fields[i], copy, &lf->v[i]);
}

NEOERR *list_filter_query(const struct list_filter *lf, STRING *s)
{
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < lf->nfields && !err; i++) {
    const struct lf_field *f = &lf->fields[i];
    if (f->opts & LF_NOQS) continue;
    if (lf->v[i].s[0]) err = qs_add(s, f->name, lf->v[i].s);
    else if (f->opts & LF_ALWAYS) err = string_appendf(s, "%s%s=", s->len ? "&" : "", f->name);
  }
  return nerr_pass(err);
}

void list_sort_parse(struct req *r, struct list_filter *lf, const struct lf_sort *sorts, int n,
                     int dflt)
{
  if (dflt < 0 || dflt >= n) abort();   /* a declaration error, as above */
  const char *word = req_param(r, "sort"), *dir = req_param(r, "dir");
  lf->sorts = sorts;
  lf->nsorts = n;
  lf->dflt = lf->sort = dflt;
  /* "" is never asked for: it is only the default's word. */
  for (int i = 0; word && *word && i < n; i++)
    if (strcmp(word, sorts[i].word) == 0) lf->sort = i;
  lf->desc = sorts[lf->sort].desc;
  if (dir && strcmp(dir, "asc") == 0) lf->desc = 0;
  else if (dir && strcmp(dir, "desc") == 0) lf->desc = 1;
}

static const char *dir_word(int desc) { return desc ? "desc" : "asc"; }

/* Filter.sort, .dir, .Next.<word> and .QuerySorted (query: Filter.Query). */
static NEOERR *sort_write(struct req *r, const struct list_filter *lf, const char *query)
{
  const struct lf_sort *cur = &lf->sorts[lf->sort];
  char key[96];
  NEOERR *err;
  if ((err = hdf_set_value(r->hdf, "Filter.sort", cur->word)) ||
      (err = hdf_set_value(r->hdf, "Filter.dir", dir_word(lf->desc))))
    return nerr_pass(err);
  for (int i = 0; i < lf->nsorts && !err; i++) {
    if (!*lf->sorts[i].word) continue;
    snprintf(key, sizeof key, "Filter.Next.%s", lf->sorts[i].word);
    err = hdf_set_value(r->hdf, key, dir_word(i == lf->sort ? !lf->desc : lf->sorts[i].desc));
  }
  STRING s;
  string_init(&s);
  if (!err) err = string_append(&s, query);
  if (!err && lf->sort != lf->dflt) err = qs_add(&s, "sort", cur->word);
  if (!err && lf->desc != cur->desc) err = qs_add(&s, "dir", dir_word(lf->desc));
  if (!err) err = hdf_set_value(r->hdf, "Filter.QuerySorted", s.buf ? s.buf : "");
  string_clear(&s);
  return nerr_pass(err);
}

NEOERR *list_filter_write(struct req *r, const struct list_filter *lf)
{
  char key[96];
  int active = 0;
  NEOERR *err = STATUS_OK;
  for (int i = 0; i < lf->nfields && !err; i++) {
    const struct lf_field *f = &lf->fields[i];
    if (!(f->opts & LF_NOFOLD) && strcmp(lf->v[i].s, f->dflt ? f->dflt : "") != 0) active = 1;
    snprintf(key, sizeof key, "Filter.%s", f->name);
    err = hdf_set_value(r->hdf, key, lf->v[i].s);
  }
  STRING s;
  string_init(&s);
  if (!err) err = list_filter_query(lf, &s);
  if (!err) err = hdf_set_value(r->hdf, "Filter.Query", s.buf ? s.buf : "");
  if (!err && lf->sorts) err = sort_write(r, lf, s.buf ? s.buf : "");
  string_clear(&s);
  if (!err) err = hdf_set_int_value(r->hdf, "Filter.Active", active);
  return nerr_pass(err);
}
