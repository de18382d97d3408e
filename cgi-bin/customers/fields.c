#include "customers/fields.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "core/validate.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const kinds[] = { "dealer", "end_customer", "organisation", NULL };
static const char *const lifecycles[] = { "target", "potential", "one_time", "loyal", NULL };
static const char *const loyalties[] = { "loyal", "switcher", "none", NULL };
static const char *const non_customers[] = { "quasi", "refusing", "unexplored", NULL };
static const char *const sizes[] = { "large", "medium", "small", "micro", NULL };

static int valid_year(const char *s)
{
  if (strlen(s) != 4 || !valid_count(s)) return 0;
  time_t now = time(NULL);
  struct tm tm;
  localtime_r(&now, &tm);
  int y = atoi(s);
  return y >= 1800 && y <= tm.tm_year + 1900;
}

static int valid_code(const char *s)
{
  size_t n = strlen(s);
  if (n == 0 || n > 20) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_') return 0;
  return 1;
}

const struct customer_field customer_fields[] = {
  { "code", 0, 20, valid_code, "Valid.Code", NULL, NULL, 0 },
  { "name", 1, 200, NULL, NULL, NULL, NULL, 0 },
  { "kind", 1, 16, NULL, NULL, kinds, "Kind", 0 },
  { "region_id", 1, 9, valid_id, "Valid.Choice", NULL, NULL, 0 },
  { "owner_id", 0, 9, valid_id, "Valid.Choice", NULL, NULL, 0 },
  { "lifecycle", 1, 16, NULL, NULL, lifecycles, "Lifecycle", 1 },
  /* 客户规模, typed (the ABC class beside it is computed) */
  { "size_class", 0, 8, NULL, NULL, sizes, "SizeClass", 0 },
  { "loyalty", 0, 16, NULL, NULL, loyalties, "Loyalty", 0 },
  { "non_customer", 0, 16, NULL, NULL, non_customers, "NonCustomer", 0 },
  { "address", 0, 255, NULL, NULL, NULL, NULL, 0 },
  { "city", 0, 64, NULL, NULL, NULL, NULL, 0 },
  { "postal_code", 0, 6, valid_postal_code, "Valid.PostalCode", NULL, NULL, 0 },
  { "phone", 0, 32, valid_phone, "Valid.Phone", NULL, NULL, 0 },
  { "fax", 0, 32, valid_phone, "Valid.Phone", NULL, NULL, 0 },
  { "email", 0, 128, valid_email, "Valid.Email", NULL, NULL, 0 },
  { "founded_year", 0, 4, valid_year, "Valid.Year", NULL, NULL, 0 },
  { "sales_force", 0, 7, valid_count, "Valid.Count", NULL, NULL, 0 },
  { "delivery_capacity", 0, 255, NULL, NULL, NULL, NULL, 0 },
  { "warehouse_capacity", 0, 255, NULL, NULL, NULL, NULL, 0 },
  { "credit_limit", 0, 16, valid_amount, "Valid.Amount", NULL, NULL, 0 },
  /* 账期: days from an order to its due date; empty is 30 */
  { "payment_terms", 0, 3, valid_count, "Valid.Count", NULL, NULL, 0 },
  { "history", 0, 5000, NULL, NULL, NULL, NULL, 0 },
  { "org_structure", 0, 5000, NULL, NULL, NULL, NULL, 0 },
  { "business_goals", 0, 5000, NULL, NULL, NULL, NULL, 0 },
};
const size_t customer_nfields = sizeof customer_fields / sizeof customer_fields[0];

const struct customer_field *customer_field_find(const char *name)
{
  for (size_t i = 0; i < customer_nfields; i++)
    if (strcmp(customer_fields[i].name, name) == 0) return &customer_fields[i];
  return NULL;
}

static int chosen(const struct customer_field *f, const char *v)
{
  for (const char *const *c = f->choices; *c; c++)
    if (strcmp(*c, v) == 0) return 1;
  return 0;
}

/* Leading and trailing white space (ASCII and the ideographic space that
 * Chinese input methods type) is not part of any value. */
const char *customer_field_trimmed(const char *v, char *buf, size_t n)
{
  for (;;) {
    while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n') v++;
    if (strncmp(v, "\xe3\x80\x80", 3) == 0) v += 3;
    else break;
  }
  snprintf(buf, n, "%s", v);
  size_t len = strlen(buf);
  for (;;) {
    if (len && strchr(" \t\r\n", buf[len - 1])) len--;
    else if (len >= 3 && memcmp(buf + len - 3, "\xe3\x80\x80", 3) == 0) len -= 3;
    else break;
  }
  buf[len] = '\0';
  return buf;
}

static char *trim(const char *v)
{
  size_t n = strlen(v) + 1;
  char *out = malloc(n);
  if (out) customer_field_trimmed(v, out, n);
  return out;
}

NEOERR *customer_validate(HDF *values, const char *lang, HDF *errors, int *bad)
{
  *bad = 0;
  for (size_t i = 0; i < customer_nfields; i++) {
    const struct customer_field *f = &customer_fields[i];
    if (f->import_only && !hdf_get_value(values, f->name, NULL)) continue;
    char *v = trim(hdf_get_value(values, f->name, ""));
    if (!v) return nerr_raise(NERR_NOMEM, "trim");
    const char *msg = NULL;
    if (!*v) msg = f->required ? "Valid.Required" : NULL;
    else if (f->choices && !chosen(f, v)) msg = "Valid.Choice";
    else if (f->check && !f->check(v)) msg = f->msg_key;   /* its shape first, then its length */
    else if (utf8_len(v) > f->maxlen) msg = "Valid.TooLong";
    NEOERR *err = hdf_set_value(values, f->name, v);
    free(v);
    if (!err && msg) {
      (*bad)++;
      err = hdf_set_value(errors, f->name, i18n_get(lang, msg));
    }
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}
