#ifndef KEHU_CUSTOMERS_ENTRY_KINDS_H
#define KEHU_CUSTOMERS_ENTRY_KINDS_H
/* The kinds of entry on a customer file and their fields: one table that
 * the add forms, the edit and remove forms, the edit panel's layout and
 * the change log's words all read (customers/entry_kinds.c). */
#include "core/req.h"
#include <stddef.h>

enum { EF_EDIT_ONLY = 1 };      /* not asked when the entry is added */

struct entry_field {
  const char *name;             /* form field = column */
  int required;
  size_t maxlen;                /* characters */
  int (*check)(const char *);   /* NULL: free text */
  const char *msg_key;          /* message when check fails */
  const char *const *choices;   /* NULL: any; else the allowed values */
  const char *label;            /* screen name under L */
  const char *value_names;      /* the choices' screen names under L */
  const char *type;             /* text, date, number, tel, email, area, choice, product */
  int flags;
};

struct entry_kind {
  const char *kind, *tab;
  const struct entry_field *fields;
  const char *unique;           /* field a duplicate key is shown at, or NULL */
  int addable;                  /* 0: added elsewhere (orders, payments) */
};

const struct entry_kind *entry_kind_find(const char *kind);
/* The kind shown on a tab, or NULL (basic, complaints, support, history). */
const struct entry_kind *entry_kind_for_tab(const char *tab);
const struct entry_field *entry_field_find(const struct entry_kind *k, const char *name);

/* Reads and checks the kind's fields into Form.*, messages under
 * Form.Errors; edit-only fields only when `editing`. *bad counts bad ones. */
NEOERR *entry_read_fields(struct req *r, const struct entry_kind *k, int editing, int *bad);

/* The kind's fields as the edit panel lays them out, under Edit.Fields.N
 * (name, label, type, required, Choices.<value> = screen name). */
NEOERR *entry_describe(const struct entry_kind *k, const char *lang, HDF *hdf);
#endif
