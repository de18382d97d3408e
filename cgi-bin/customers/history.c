/* The file's change log (修改记录) in words: an edit is stored in the audit
 * log as "column: before → after" lines (db/customer_write.c); here each
 * line becomes a row naming the field as the form does, with choices,
 * regions and owners by name, not by code or id. */
#include "customers/history.h"
#include "customers/fields.h"
#include "core/i18n.h"
#include "db/names.h"
#include <stdio.h>
#include <string.h>

static const char ARROW[] = " → ";

/* The field a detail line starts with ("city: "), or NULL for a line that
 * continues the previous value (a value with a line break in it). */
static const struct customer_field *line_field(const char *line, size_t *skip)
{
  const char *colon = strstr(line, ": ");
  if (!colon || (size_t)(colon - line) >= 32) return NULL;
  char name[32];
  memcpy(name, line, colon - line);
  name[colon - line] = '\0';
  *skip = (size_t)(colon - line) + 2;
  return customer_field_find(name);
}

/* A stored value as the screen shows it. */
static NEOERR *show_value(const struct customer_field *f, const char *lang, HDF *change,
                          const char *key, const char *value)
{
  NEOERR *err;
  if (!*value) return STATUS_OK;
  if (f->value_names) {
    char k[64];
    snprintf(k, sizeof k, "%s.%s", f->value_names, value);
    return nerr_pass(hdf_set_value(change, key, i18n_get(lang, k)));
  }
  int region = strcmp(f->name, "region_id") == 0, owner = strcmp(f->name, "owner_id") == 0;
  if (region || owner) {
    char en[40];
    snprintf(en, sizeof en, "%s_en", key);
    if ((err = db_names_set(region ? NAMES_REGION : NAMES_USER, value, change, key, region ? en : NULL)))
      return nerr_pass(err);
    const char *english = hdf_get_value(change, en, NULL);
    if (english && strcmp(lang, "en") == 0) err = hdf_set_value(change, key, english);
    if (!err && !hdf_get_value(change, key, NULL)) err = hdf_set_value(change, key, value);
    return nerr_pass(err);
  }
  return nerr_pass(hdf_set_value(change, key, value));
}

static NEOERR *add_change(HDF *row, int n, const struct customer_field *f, const char *lang,
                          const char *text)
{
  char name[32], k[64];
  snprintf(name, sizeof name, "Changes.%d", n);
  HDF *change;
  NEOERR *err = hdf_get_node(row, name, &change);
  if (err) return nerr_pass(err);
  snprintf(k, sizeof k, "Field.%s", f->name);
  const char *arrow = strstr(text, ARROW);
  STRING before;
  string_init(&before);
  err = string_appendn(&before, text, arrow ? (int)(arrow - text) : (int)strlen(text));
  if (!err) err = hdf_set_value(change, "label", i18n_get(lang, k));
  if (!err) err = show_value(f, lang, change, "before", before.buf ? before.buf : "");
  if (!err && arrow) err = show_value(f, lang, change, "after", arrow + strlen(ARROW));
  string_clear(&before);
  return nerr_pass(err);
}

/* One edit's lines; a line that names no field is the rest of the value
 * before it, so it goes back onto that line. */
static NEOERR *split_edit(HDF *row, const char *lang)
{
  const char *detail = hdf_get_value(row, "detail", "");
  STRING line;
  string_init(&line);
  const struct customer_field *field = NULL;
  NEOERR *err = STATUS_OK;
  int n = 0;
  for (const char *p = detail; !err; ) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p), skip = 0;
    char head[40];
    snprintf(head, sizeof head, "%.*s", (int)(len < sizeof head - 1 ? len : sizeof head - 1), p);
    const struct customer_field *f = line_field(head, &skip);
    if (f || !field) {
      if (field) err = add_change(row, n++, field, lang, line.buf ? line.buf : "");
      string_clear(&line);
      field = f;
      if (!err && f) err = string_appendn(&line, p + skip, (int)(len - skip));
    } else {
      err = string_append(&line, "\n");
      if (!err) err = string_appendn(&line, p, (int)len);
    }
    if (!nl) break;
    p = nl + 1;
  }
  if (!err && field) err = add_change(row, n, field, lang, line.buf ? line.buf : "");
  string_clear(&line);
  return nerr_pass(err);
}

NEOERR *customer_history_words(HDF *rows, const char *lang)
{
  for (HDF *row = hdf_obj_child(rows); row; row = hdf_obj_next(row)) {
    const char *action = hdf_get_value(row, "action", "");
    NEOERR *err = STATUS_OK;
    if (strcmp(action, "update") == 0) {
      err = split_edit(row, lang);
    } else if (strcmp(action, "import") == 0) {
      /* "job=12 file=客户.xlsx" (db/customer_import.c): the file's name. */
      const char *file = strstr(hdf_get_value(row, "detail", ""), " file=");
      if (file) err = hdf_set_value(row, "file", file + strlen(" file="));
    }
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}
