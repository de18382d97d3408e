/* Staff attach files to a complaint at any step: photos of the product, a
 * letter (来函), the signed agreement. The same checks as the public
 * form's files (complaint_public/upload.c: JPEG, PNG or PDF by their first
 * bytes, 5 MB each, up to three); who attached them and at which step are
 * stored with them. */
#include "complaints/pages.h"
#include "complaint_public/pages.h"
#include "db/complaint_public.h"

NEOERR *complaints_attach(struct req *r)
{
  struct form f = { .r = r };
  struct upload up[ATTACH_MAX];
  int n = 0, offered = 0;
  NEOERR *err = upload_collect(r, &f, up, &n, &offered);
  if (!err && !offered) form_error(&f, "file1", "Complaints.Valid.NoFile");
  if (err) { nerr_ignore(&f.err); return nerr_pass(err); }
  if (form_sent_back(&f, complaints_page, &err)) return nerr_pass(err);
  struct complaint_file files[ATTACH_MAX];
  for (int i = 0; i < n; i++)
    files[i] = (struct complaint_file){ up[i].name, up[i].type, up[i].size, up[i].stored };
  struct complaint_result res = { 0 };
  err = upload_store(up, n);
  if (!err) err = db_complaint_attach(&r->user, r->ip, r->id, files, n, &res);
  /* Nothing written (refused or failed): the stored copies go again. */
  if (err || res.outcome != CPL_OK) upload_discard(up, n);
  if (err) return nerr_pass(err);
  return nerr_pass(complaints_answer(r, &res, "ComplaintAttached"));
}
