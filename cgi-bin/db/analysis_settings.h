#ifndef KEHU_DB_ANALYSIS_SETTINGS_H
#define KEHU_DB_ANALYSIS_SETTINGS_H
/* The analysis settings row and the batch's runs (schema/047
 * analysis_settings, analysis_runs). */
#include "core/analysis_config.h"
#include "core/req.h"

/* The settings, kept a minute per process (pages read a setting or two);
 * defaults when the row is missing. */
NEOERR *db_analysis_config(struct analysis_config *c);
/* Read now: for the batch and the settings form. */
NEOERR *db_analysis_config_fresh(struct analysis_config *c);

/* Asks the runner (kehu-analyse --serve) for a run: reason is one of
 * nightly, import, settings, manual; u may be NULL (a program's own
 * request). A request still waiting is reused rather than doubled;
 * *run_id (may be NULL) is the request's id. Audited when u is set. */
NEOERR *db_analysis_request(const struct user *u, const char *ip, const char *reason,
                            unsigned long long *run_id);

/* The latest finished run (status done) under prefix: id, as_of,
 * finished_at, seconds, customers; *found 0 when none has finished. */
NEOERR *db_analysis_last_run(HDF *hdf, const char *prefix, int *found);
#endif
