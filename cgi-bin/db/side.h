#ifndef KEHU_DB_SIDE_H
#define KEHU_DB_SIDE_H
/* A second connection on a thread of its own, for statements that may run
 * while the request's own connection is busy with others: the server then
 * works on both at once, on two cores. Used by the import, whose search
 * index rows go in beside its customer rows (db/customer_import.c).
 *
 * The side connection commits each statement by itself (autocommit): its
 * work is not part of the request's transaction, and the caller undoes it
 * when that transaction fails.
 *
 * One job at a time, of up to SIDE_MAX_STEPS statements run in order; the
 * first failure is kept and every later job skipped. The strings a job's
 * arguments point to belong to the caller and must stay untouched until
 * db_side_wait or db_side_close has returned. */
#include "db/db.h"

#define SIDE_MAX_STEPS 4
#define SIDE_MAX_ARGS 4

struct side_step {
  const char *sql;
  struct db_arg args[SIDE_MAX_ARGS];
  int nargs;
};

struct db_side;

NEOERR *db_side_open(struct db_side **sd);
/* Waits for the previous job, then starts this one; returns the error a
 * previous job kept, if any, instead of starting. */
NEOERR *db_side_run(struct db_side *sd, const struct side_step *steps, int n);
/* Waits for the job under way; its error, if one failed (given to the
 * caller: the next wait returns STATUS_OK). */
NEOERR *db_side_wait(struct db_side *sd);
/* Waits, ends the thread and closes the connection; a kept error is
 * dropped (callers that care have waited). *sd becomes NULL. */
void db_side_close(struct db_side **sd);
#endif
