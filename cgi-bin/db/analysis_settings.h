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

/* Saves the settings (admins only: KERR_FORBIDDEN for others) when the
 * row's version is still `version`, audits what changed ("column old>new")
 * and asks for a run (reason settings); the same values again write
 * nothing. *saved 0: the row moved on;
 * *current is then what it holds now (the conflict shown beside the
 * form), else the saved settings with their new version. */
NEOERR *db_analysis_config_save(const struct user *u, const char *ip,
                                const struct analysis_config *c, unsigned version,
                                struct analysis_config *current, int *saved);

/* The latest `limit` runs, newest first, under prefix.N: id, status,
 * reason, requested_at, started_at, finished_at, as_of, customers,
 * order_lines, seconds, error, requested_by (a name). */
NEOERR *db_analysis_runs(HDF *hdf, const char *prefix, int limit);

/* The latest finished run (status done) under prefix: id, as_of,
 * finished_at, seconds, customers; *found 0 when none has finished. */
NEOERR *db_analysis_last_run(HDF *hdf, const char *prefix, int *found);
#endif
