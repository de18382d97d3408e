/* The customer file's analysis header: the stored results of the batch
 * (db/customer_analysis.h) turned into what the header shows. Money is
 * stored in cents; the template's money() wants yuan. The watch flags
 * become one row per reason with its figures, since a template cannot test
 * bits. */
#include "customers/analysis.h"
#include "core/analysis_class.h"
#include "core/analysis_signal.h"
#include "core/err.h"
#include "core/format.h"
#include "core/i18n.h"
#include "db/customer_analysis.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const stages[] = { "target", "potential", "one_time", "loyal" };

static int stage_index(const char *s)
{
  for (int i = 0; i < 4; i++)
    if (strcmp(s, stages[i]) == 0) return i;
  return -1;
}

/* name = the cents in `name` as yuan ("1234.50"). */
static NEOERR *yuan(HDF *a, const char *name)
{
  char v[40];
  cents_text(atoll(hdf_get_value(a, name, "0")), v, sizeof v);
  return nerr_pass(hdf_set_value(a, name, v));
}

/* Average days late, stored in tenths: "12.5". */
static NEOERR *tenths(HDF *a, const char *name)
{
  long long t = atoll(hdf_get_value(a, name, "0"));
  char v[32];
  snprintf(v, sizeof v, "%s%lld.%lld", t < 0 ? "-" : "", llabs(t) / 10, llabs(t) % 10);
  return nerr_pass(hdf_set_value(a, name, v));
}

static const struct { unsigned flag; const char *key; } reasons[] = {
  { SIGNAL_LATE_RISING, "late" }, { SIGNAL_ORDERS_FALLING, "orders" },
  { SIGNAL_CONTACTS_UNANSWERED, "contacts" }, { SIGNAL_COMPLAINTS_RECURRING, "complaints" },
};

static NEOERR *watch_rows(HDF *a)
{
  unsigned flags = (unsigned)hdf_get_int_value(a, "watch_reasons", 0);
  int n = 0;
  char name[48];
  for (size_t i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
    if (!(flags & reasons[i].flag)) continue;
    snprintf(name, sizeof name, "Watch.%d", n++);
    NEOERR *err = hdf_set_value(a, name, reasons[i].key);
    if (err) return nerr_pass(err);
  }
  return STATUS_OK;
}

/* The strategy of source 002 beside the effective stage: the source's own
 * words (core/analysis_class.c) in Chinese, the language file's in English. */
static NEOERR *strategy(struct req *r, HDF *a, const char *stage)
{
  int i = stage_index(stage);
  if (i < 0) return STATUS_OK;
  char key[64];
  snprintf(key, sizeof key, "LifeStrategy.%s", stage);
  const char *text = strcmp(r->lang, "en") == 0 ? i18n_get(r->lang, key)
                                                : life_strategy((enum life_stage)i);
  return nerr_pass(hdf_set_value(a, "strategy", text));
}

NEOERR *customers_analysis_head(struct req *r)
{
  int found;
  NEOERR *err = db_customer_analysis_get(&r->user, r->id, r->hdf, "Analysis", &found);
  if (err || !found) return nerr_pass(err);
  HDF *a = hdf_get_obj(r->hdf, "Analysis");
  int override = hdf_get_int_value(a, "override", 0);
  /* The stage in force: the override, else the batch's proposal, else
   * (no run yet) the customer's stored stage. */
  const char *stage = override ? hdf_get_value(a, "ov_stage", "")
                      : hdf_get_int_value(a, "ran", 0) ? hdf_get_value(a, "life_proposed", "")
                      : hdf_get_value(r->hdf, "Customer.lifecycle", "");
  if ((err = hdf_set_value(a, "stage", stage))) return nerr_pass(err);
  if ((err = strategy(r, a, stage))) return nerr_pass(err);
  static const char *const money[] = { "revenue", "profit", "lifetime_value", "orders_earlier",
                                       "orders_recent", "cost_of_goods", "rebates_promotions",
                                       "support", "compensation" };
  for (size_t i = 0; i < sizeof money / sizeof money[0]; i++)
    if ((err = yuan(a, money[i]))) return nerr_pass(err);
  if ((err = tenths(a, "late_tenths_earlier")) || (err = tenths(a, "late_tenths_recent")) ||
      (err = watch_rows(a)))
    return nerr_pass(err);
  /* The override form starts at the stage in force, its reason empty;
   * a form sent back keeps what was typed. */
  if (!hdf_get_obj(r->hdf, "Form.Errors") &&
      ((err = hdf_set_value(r->hdf, "Form.life_stage", stage)) ||
       (err = hdf_set_value(r->hdf, "Form.life_version", override
                            ? hdf_get_value(a, "ov_version", "0") : "0"))))
    return nerr_pass(err);
  return STATUS_OK;
}
