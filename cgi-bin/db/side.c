#include "db/side.h"
#include "core/err.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct db_side {
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  MYSQL *conn;                 /* used by the thread alone once it runs */
  struct side_step steps[SIDE_MAX_STEPS];
  int nsteps;
  int busy;                    /* a job is waiting or running */
  int quit;
  /* The first failure, until taken. Raised on the thread, handed to the
   * request: NEOERRs are plain allocations (ClearSilver 0.10.5 keeps no
   * free list), so that is safe across threads. */
  NEOERR *err;
};

static void *side_main(void *arg)
{
  struct db_side *sd = arg;
  mysql_thread_init();
  pthread_mutex_lock(&sd->mu);
  for (;;) {
    while (!sd->busy && !sd->quit) pthread_cond_wait(&sd->cv, &sd->mu);
    if (!sd->busy) break;
    int skip = sd->err != STATUS_OK;
    pthread_mutex_unlock(&sd->mu);
    NEOERR *err = STATUS_OK;
    for (int i = 0; !skip && !err && i < sd->nsteps; i++)
      err = db_run_on(sd->conn, sd->steps[i].sql, sd->steps[i].args, sd->steps[i].nargs);
    pthread_mutex_lock(&sd->mu);
    if (err && !sd->err) sd->err = err;
    else nerr_ignore(&err);
    sd->busy = 0;
    pthread_cond_broadcast(&sd->cv);
  }
  pthread_mutex_unlock(&sd->mu);
  mysql_thread_end();
  return NULL;
}

NEOERR *db_side_open(struct db_side **out)
{
  *out = NULL;
  struct db_side *sd = calloc(1, sizeof *sd);
  if (!sd) return nerr_raise(NERR_NOMEM, "side connection");
  NEOERR *err = db_open(&sd->conn);
  if (err) { free(sd); return nerr_pass(err); }
  pthread_mutex_init(&sd->mu, NULL);
  pthread_cond_init(&sd->cv, NULL);
  int rc = pthread_create(&sd->thread, NULL, side_main, sd);
  if (rc) {
    mysql_close(sd->conn);
    pthread_mutex_destroy(&sd->mu);
    pthread_cond_destroy(&sd->cv);
    free(sd);
    return nerr_raise(NERR_SYSTEM, "side connection thread: %s", strerror(rc));
  }
  *out = sd;
  return STATUS_OK;
}

static void idle(struct db_side *sd)
{
  while (sd->busy) pthread_cond_wait(&sd->cv, &sd->mu);
}

NEOERR *db_side_run(struct db_side *sd, const struct side_step *steps, int n)
{
  if (n < 0 || n > SIDE_MAX_STEPS) return nerr_raise(NERR_ASSERT, "%d side steps", n);
  for (int i = 0; i < n; i++)
    if (steps[i].nargs < 0 || steps[i].nargs > SIDE_MAX_ARGS)
      return nerr_raise(NERR_ASSERT, "%d side arguments", steps[i].nargs);
  pthread_mutex_lock(&sd->mu);
  idle(sd);
  NEOERR *err = sd->err;
  sd->err = STATUS_OK;
  if (!err) {
    memcpy(sd->steps, steps, (size_t)n * sizeof *steps);
    sd->nsteps = n;
    sd->busy = 1;
    pthread_cond_broadcast(&sd->cv);
  }
  pthread_mutex_unlock(&sd->mu);
  return nerr_pass(err);
}

NEOERR *db_side_wait(struct db_side *sd)
{
  pthread_mutex_lock(&sd->mu);
  idle(sd);
  NEOERR *err = sd->err;
  sd->err = STATUS_OK;
  pthread_mutex_unlock(&sd->mu);
  return nerr_pass(err);
}

void db_side_close(struct db_side **psd)
{
  struct db_side *sd = *psd;
  if (!sd) return;
  pthread_mutex_lock(&sd->mu);
  idle(sd);
  sd->quit = 1;
  pthread_cond_broadcast(&sd->cv);
  pthread_mutex_unlock(&sd->mu);
  pthread_join(sd->thread, NULL);
  nerr_ignore(&sd->err);
  mysql_close(sd->conn);
  pthread_mutex_destroy(&sd->mu);
  pthread_cond_destroy(&sd->cv);
  free(sd);
  *psd = NULL;
}
