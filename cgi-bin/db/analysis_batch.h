#ifndef KEHU_DB_ANALYSIS_BATCH_H
#define KEHU_DB_ANALYSIS_BATCH_H
/* The analysis batch's SQL (tools/kehu-analyse.c, docs/analysis.md "The
 * batch"): the history read in a few big ordered scans on a connection
 * of the batch's own, the results written with multi-row prepared
 * statements in short transactions, and the runs table (schema/047). */
#include <ClearSilver.h>

#include "core/analysis_run.h"

struct db_batch;

/* The batch's streaming connection (besides db.h's, which keeps the run
 * rows and the lock). */
NEOERR *db_batch_open(struct db_batch **b);
void db_batch_close(struct db_batch **b);

/* Runs sql (fixed text) with integer parameters on the batch's
 * connection and calls fn on each streamed row of ncols integer columns
 * (SQL NULL as LLONG_MIN); fn returns 0 when out of memory. For the
 * batch's other steps (db/analysis_support.c). */
typedef int (*db_batch_row_fn)(void *ctx, const long long *v);
NEOERR *db_batch_stream(struct db_batch *b, const char *sql, const long long *args, int nargs,
                        int ncols, db_batch_row_fn fn, void *ctx);

/* Every input of struct ar_history, read in one consistent snapshot;
 * h->as_of and h->cfg are the caller's. *lines: order lines read. */
NEOERR *db_batch_read(struct db_batch *b, struct ar_history *h, unsigned long long *lines);

/* Phase by phase, each in short transactions:
 * customer_analysis rows: rebuilt beside the live table and swapped in
 * when many changed, else only those that changed (rows of customers gone
 * are deleted); *written how many were written. */
NEOERR *db_batch_write_rows(struct db_batch *b, const struct ar_history *h,
                            const struct ar_output *o, unsigned long long run_id,
                            unsigned long long *written);
/* customers.abc_class and .lifecycle where they differ from the rows just
 * written (never customers.version), and dash_dealers.abc_class after
 * them; *changed how many customers changed. */
NEOERR *db_batch_apply_classes(struct db_batch *b, const struct ar_history *h,
                               unsigned long long *changed);
/* analysis_cells replaced whole: built in analysis_cells_next, swapped in. */
NEOERR *db_batch_write_cells(struct db_batch *b, const struct cell_map *cells);
/* Pending wake decisions that woke (one batched UPDATE per few hundred). */
NEOERR *db_batch_wake(struct db_batch *b, const struct ar_output *o);

/* ---- runs (schema/047 analysis_runs), on db.h's connection ---- */
/* The one-at-a-time lock (GET_LOCK, held by the connection); *got 0 when
 * another run holds it. Once held, runs left 'running' by a batch that
 * died are marked failed. */
NEOERR *db_batch_lock(int *got);
void db_batch_unlock(void);
/* Starts a run: the oldest waiting request when take_request (then *id 0
 * when none waits), else a new row with this reason; taken: the run's
 * reason. */
NEOERR *db_batch_run_start(int take_request, const char *reason, const char *as_of,
                           unsigned long long *id, char *taken, size_t n);
/* Done with counts, or failed with the error (the old results stay). */
NEOERR *db_batch_run_done(unsigned long long id, unsigned long long customers,
                          unsigned long long lines, double seconds);
NEOERR *db_batch_run_failed(unsigned long long id, const char *error, double seconds);
/* *ran 1 when a run started at or after when ("YYYY-MM-DD HH:MM:SS"). */
NEOERR *db_batch_ran_since(const char *when, int *ran);
#endif
