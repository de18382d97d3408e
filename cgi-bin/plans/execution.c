/* Execution records (执行记录): what was done for a measure of the
 * revision in force, when, at what cost, with what result and rating, and
 * optionally one file (JPEG, PNG or PDF, recognised by its first bytes).
 * Attachments are served only as downloads, within the user's regions. */
#include "plans/pages.h"
#include "core/err.h"
#include "core/files.h"
#include "core/validate.h"
#include "db/plan.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The optional file field: a good file into x, a bad one a field error. */
static void read_file(struct req *r, struct form *f, struct plan_execution *x, char *name, size_t n)
{
  FILE *fp = cgi_filehandle(r->cgi, "file");
  const char *sent = hdf_get_value(r->hdf, "Query.file", "");
  struct stat st;
  if (!fp || fstat(fileno(fp), &st) != 0 || (st.st_size == 0 && !*sent)) return;
  if (st.st_size > PLAN_FILE_BYTES) { form_error(f, "file", "Plans.Valid.FileTooBig"); return; }
  unsigned char head[8];
  size_t got = fread(head, 1, sizeof head, fp);
  rewind(fp);
  const char *type = attachment_type(head, got);
  if (!type) { form_error(f, "file", "Plans.Valid.FileType"); return; }
  file_name_clean(sent, name, n);
  x->file = fp;
  x->file_type = type;
  x->file_name = name;
  x->file_size = st.st_size;
}

NEOERR *plans_execute(struct req *r)
{
  struct form f = { .r = r };
  struct plan_execution x = { 0 };
  char line[32], done_on[48], what[8200], cost[64], result[8200], rating[16], name[256];
  form_text(&f, "line_key", 1, 12, line, sizeof line);
  x.line_key = strtoll(line, NULL, 10);
  if (*line && (!valid_id(line))) form_error(&f, "line_key", "Valid.Choice");
  form_checked(&f, "done_on", 1, 10, valid_date, "Valid.Date", done_on, sizeof done_on);
  form_text(&f, "what_done", 1, 2000, what, sizeof what);
  form_text(&f, "actual_cost", 1, 16, cost, sizeof cost);
  if (*cost && !plans_decimal(cost, 0, 10)) form_error(&f, "actual_cost", "Valid.Amount");
  form_text(&f, "result", 0, 2000, result, sizeof result);
  form_text(&f, "rating", 0, 1, rating, sizeof rating);
  if (*rating && (rating[0] < '1' || rating[0] > '5' || rating[1]))
    form_error(&f, "rating", "Plans.Valid.Rating");
  x.rating = *rating ? rating[0] - '0' : 0;
  read_file(r, &f, &x, name, sizeof name);
  NEOERR *err;
  if (form_sent_back(&f, plans_page, &err)) return nerr_pass(err);
  x.done_on = done_on;
  x.what_done = what;
  x.actual_cost = cost;
  x.result = result;
  enum plan_outcome res;
  if ((err = db_plan_execute(&r->user, r->ip, r->id, &x, &res))) return nerr_pass(err);
  if (res == PLAN_BAD_MEASURE) {
    form_error(&f, "line_key", "Valid.Choice");
    return nerr_pass(form_again(&f, plans_page));
  }
  return nerr_pass(plans_answer(r, res, "PlanExecuted"));
}

NEOERR *plans_attachment(struct req *r)
{
  struct stored_file f;
  int found, gone;
  NEOERR *err = db_plan_attachment(&r->user, r->id, &f, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "PlanNotFound");
  if ((err = file_send(r, f.stored, f.content_type, f.file_name, &gone))) return nerr_pass(err);
  if (gone) return app_fail(r, KERR_NOT_FOUND, "AttachmentGone");
  return STATUS_OK;
}
