/* The file's change log (修改记录) in words: an edit is stored in the audit
 * log as "column: before → after" lines (db/customer_write.c, and for an
 * entry db/customer_entry_write.c after a "kind #id label" line); here
 * each line becomes a row naming the field as the form does, with
 * choices, regions and owners by name, not by code or id. */
#include "customers/history.h"
#include "customers/entry_kinds.h"
#include "customers/fields.h"
#include "core/i18n.h"
#include "db/names.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char ARROW[] = " → ";

/* What a stored field name says on screen. */
struct words {
  const char *name, *label, *value_names;
  char key[48];
};

/* Finds the field `name` for the change log; 0 when there is none. */
typedef int (*lookup_fn)(const void *ctx, const char *name, struct words *w);

static int customer_words(const void *ctx, const char *name, struct words *w)
{
  (void)ctx;
  const struct customer_field *f = customer_field_find(name);
  if (!f) return 0;
  /* label NULL: the key is "Field.<name>", held in w->key (a pointer
   * into w would not survive the struct being copied). */
  *w = (struct words){ f->name, NULL, f->value_names, {0} };
  snprintf(w->key, sizeof w->key, "Field.%s", f->name);
  return 1;
}

static int entry_words(const void *ctx, const char *name, struct words *w)
{
  const struct entry_field *f = entry_field_find(ctx, name);
  if (!f) return 0;
  *w = (struct words){ f->name, f->label, f->value_names, {0} };
  return 1;
}

/* The field a detail line starts with ("city: "), or 0 for a line that
 * continues the previous value (a value with a line break in it). */
static int line_field(const char *line, size_t *skip, lookup_fn lookup, const void *ctx,
                      struct words *w)
{
  const char *colon = strstr(line, ": ");
  if (!colon || (size_t)(colon - line) >= 32) return 0;
  char name[32];
  memcpy(name, line, colon - line);
  name[colon - line] = '\0';
  *skip = (size_t)(colon - line) + 2;
  return lookup(ctx, name, w);
}

/* A stored value as the screen shows it. */
static NEOERR *show_value(const struct words *f, const char *lang, HDF *change,
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

static NEOERR *add_change(HDF *row, const char *list, int n, const struct words *f,
                          const char *lang, const char *text)
{
  char name[48];
  snprintf(name, sizeof name, "%s.%d", list, n);
  HDF *change;
  NEOERR *err = hdf_get_node(row, name, &change);
  if (err) return nerr_pass(err);
  const char *arrow = strstr(text, ARROW);
  STRING before;
  string_init(&before);
  err = string_appendn(&before, text, arrow ? (int)(arrow - text) : (int)strlen(text));
  if (!err) err = hdf_set_value(change, "label", i18n_get(lang, f->label ? f->label : f->key));
  if (!err) err = show_value(f, lang, change, "before", before.buf ? before.buf : "");
  if (!err && arrow) err = show_value(f, lang, change, "after", arrow + strlen(ARROW));
  string_clear(&before);
  return nerr_pass(err);
}

/* One edit's lines (from `detail`) under row.<list>.N; a line that names
 * no field is the rest of the value before it, so it goes back onto that
 * line. */
static NEOERR *split_edit(HDF *row, const char *detail, const char *list, lookup_fn lookup,
                          const void *ctx, const char *lang)
{
  STRING line;
  string_init(&line);
  struct words cur, next;
  int field = 0;
  NEOERR *err = STATUS_OK;
  int n = 0;
  for (const char *p = detail; !err; ) {
    const char *nl = strchr(p, '\n');
    size_t len = nl ? (size_t)(nl - p) : strlen(p), skip = 0;
    char head[40];
    snprintf(head, sizeof head, "%.*s", (int)(len < sizeof head - 1 ? len : sizeof head - 1), p);
    int f = line_field(head, &skip, lookup, ctx, &next);
    if (f || !field) {
      if (field) err = add_change(row, list, n++, &cur, lang, line.buf ? line.buf : "");
      string_clear(&line);
      field = f;
      if (f) cur = next;
      if (!err && f) err = string_appendn(&line, p + skip, (int)(len - skip));
    } else {
      err = string_append(&line, "\n");
      if (!err) err = string_appendn(&line, p, (int)len);
    }
    if (!nl) break;
    p = nl + 1;
  }
  if (!err && field) err = add_change(row, list, n, &cur, lang, line.buf ? line.buf : "");
  string_clear(&line);
  return nerr_pass(err);
}

/* An entry's row: "kind #id label" first (an add has only "kind #id"),
 * then an edit's changed fields or a removal's reason. */
static NEOERR *entry_line(HDF *row, const char *lang)
{
  const char *detail = hdf_get_value(row, "detail", "");
  char kind[16];
  int used = 0;
  if (sscanf(detail, "%15[a-z] #%*d%n", kind, &used) != 1 || !used) return STATUS_OK;
  const struct entry_kind *k = entry_kind_find(kind);
  if (!k) return STATUS_OK;
  const char *nl = strchr(detail, '\n'), *label = detail + used;
  if (*label == ' ') label++;
  STRING first;
  string_init(&first);
  NEOERR *err = string_appendn(&first, label, nl ? (int)(nl - label) : (int)strlen(label));
  if (!err) err = hdf_set_value(row, "entry", kind);
  if (!err) err = hdf_set_value(row, "label", first.buf ? first.buf : "");
  string_clear(&first);
  if (err || !nl) return nerr_pass(err);
  if (strcmp(hdf_get_value(row, "action", ""), "entry_remove") == 0)
    return nerr_pass(hdf_set_value(row, "reason", nl + 1));
  return nerr_pass(split_edit(row, nl + 1, "EntryChanges", entry_words, k, lang));
}

/* A lifecycle override (db/customer_analysis.c): "lifecycle: a → b", then
 * the reason when one was given. */
static NEOERR *lifecycle_line(HDF *row, const char *lang)
{
  const char *detail = hdf_get_value(row, "detail", ""), *nl = strchr(detail, '\n');
  STRING first;
  string_init(&first);
  NEOERR *err = string_appendn(&first, detail, nl ? (int)(nl - detail) : (int)strlen(detail));
  if (!err) err = split_edit(row, first.buf ? first.buf : "", "Changes", customer_words, NULL, lang);
  string_clear(&first);
  if (!err && nl) err = hdf_set_value(row, "reason", nl + 1);
  return nerr_pass(err);
}

NEOERR *customer_history_words(HDF *rows, const char *lang)
{
  for (HDF *row = hdf_obj_child(rows); row; row = hdf_obj_next(row)) {
    const char *action = hdf_get_value(row, "action", "");
    NEOERR *err = STATUS_OK;
    if (strcmp(action, "update") == 0) {
      err = split_edit(row, hdf_get_value(row, "detail", ""), "Changes", customer_words, NULL, lang);
    } else if (strcmp(action, "add") == 0 || strncmp(action, "entry_", 6) == 0) {
      err = entry_line(row, lang);
    } else if (strncmp(action, "lifecycle_", 10) == 0) {
      err = lifecycle_line(row, lang);
    } else if (strcmp(action, "import") == 0) {
      /* "job=12 file=客户.xlsx" (db/customer_import.c): the file's name. */
      const char *file = strstr(hdf_get_value(row, "detail", ""), " file=");
      if (file) err = hdf_set_value(row, "file", file + strlen(" file="));
    }
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}
