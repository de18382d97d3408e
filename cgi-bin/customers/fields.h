#ifndef KEHU_CUSTOMERS_FIELDS_H
#define KEHU_CUSTOMERS_FIELDS_H
/* The editable fields of a customer and their rules: one table shared by
 * the edit form and the import, so both accept exactly the same data. */
#include <ClearSilver.h>
#include <stddef.h>

struct customer_field {
  const char *name;              /* column name, form field, import key */
  int required;
  size_t maxlen;                 /* characters */
  int (*check)(const char *);    /* NULL: free text */
  const char *msg_key;           /* message when check fails */
  const char *const *choices;    /* NULL: any; else the allowed values */
  const char *value_names;       /* the choices' screen names under L, e.g. "Kind" */
  /* Not on the edit form: the lifecycle stage is computed by the analysis
   * batch (or overridden with a reason on the file); an import may still
   * give an initial one. Checked only when the values hold it. */
  int import_only;
};

extern const struct customer_field customer_fields[];
extern const size_t customer_nfields;

/* The field named `name`, or NULL. */
const struct customer_field *customer_field_find(const char *name);

/* Trims every field of `values` (children named as the columns), checks
 * them and puts a message for each bad one under errors.<name>. *bad is the
 * number of bad fields. */
NEOERR *customer_validate(HDF *values, const char *lang, HDF *errors, int *bad);
/* v trimmed as customer_validate trims (ASCII white space, U+3000), into
 * buf (cut to n - 1 bytes); returns buf. The import trims labels so. */
const char *customer_field_trimmed(const char *v, char *buf, size_t n);
#endif
