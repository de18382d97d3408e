/* An attachment of a complaint as a download: signed-in users only, within
 * their regions, always Content-Disposition: attachment with the stored
 * content type and nosniff, so nothing a member of the public uploaded is
 * ever rendered by the browser as a page of this site. */
#include "complaints/pages.h"
#include "core/err.h"
#include "core/files.h"
#include "db/complaint.h"

NEOERR *complaints_attachment(struct req *r)
{
  struct stored_file f;
  int found;
  NEOERR *err = db_complaint_attachment(&r->user, r->id, &f, &found);
  if (err) return nerr_pass(err);
  if (!found) return app_fail(r, KERR_NOT_FOUND, "ComplaintNotFound");
  int gone;
  if ((err = file_send(r, f.stored, f.content_type, f.file_name, &gone))) return nerr_pass(err);
  if (gone) return app_fail(r, KERR_NOT_FOUND, "AttachmentGone");
  return STATUS_OK;
}
