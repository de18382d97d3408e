#ifndef KEHU_ANALYSIS_CONFIG_H
#define KEHU_ANALYSIS_CONFIG_H
/* Every setting of customer analysis in one struct (schema/047
 * analysis_settings, one row): what the batch (tools/kehu-analyse.c) runs
 * the rules of analysis_class.h and analysis_signal.h with, and what the
 * settings page edits. Pure: the database side is db/analysis_settings.h. */
#include "core/analysis_class.h"
#include "core/analysis_signal.h"

struct analysis_config {
  int period_months;            /* ABC, RFM and profit: the last N months (12) */
  struct abc_settings abc;
  struct life_settings life;
  struct sleep_settings sleep;
  struct rfm_settings rfm;
  struct signal_settings signal;
  int discount_bp;              /* lifetime value: discount rate a year (1000) */
  int run_at_minutes;           /* the nightly run, minutes after midnight (150) */
  unsigned version;             /* the settings row's optimistic lock */
};

/* The defaults of docs/analysis.md (the same as schema/047's). */
void analysis_config_default(struct analysis_config *c);
/* NULL when every setting is valid, else the analysis_settings column of
 * the first one that is not (the settings form marks that field). */
const char *analysis_config_invalid(const struct analysis_config *c);

/* The settings one by one, in the order of schema/047's columns (the
 * version aside): analysis_config_names[i] is the column, which is also
 * the settings form's field and what analysis_config_invalid names.
 * run_at is in minutes after midnight, discount_bp in basis points. The
 * database reads and writes them, and the form reads them, in one loop. */
#define ANALYSIS_CONFIG_FIELDS 18
extern const char *const analysis_config_names[ANALYSIS_CONFIG_FIELDS];
long analysis_config_get(const struct analysis_config *c, int i);
void analysis_config_set(struct analysis_config *c, int i, long v);
#endif
