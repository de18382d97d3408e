/* An attachment of a complaint as a download: signed-in users only, within
 * their regions, always Content-Disposition: attachment with the stored
 * content type and nosniff, so nothing a member of the public uploaded is
 * ever rendered by the browser as a page of this site. */
#include "complaints/pages.h"
#include "core/err.h"
#include "db/complaint.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stored names are random tokens; anything else never reaches the disk. */
static int safe_name(const char *s)
{
  if (!*s) return 0;
  for (; *s; s++)
    if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.') return 0;
  return 1;
}

static const char *safe_type(const char *t)
{
  for (const char *p = t; *p; p++)
    if (!isalnum((unsigned char)*p) && !strchr("/.+-", *p)) return "application/octet-stream";
  return *t ? t : "application/octet-stream";
}

NEOERR *complaints_attachment(struct req *r)
{
  struct complaint_file f;
  int found;
  NEOERR *err = db_complaint_attachment(&r->user, r->id, &f, &found);
  if (err) return nerr_pass(err);
  if (!found || !safe_name(f.stored) || f.stored[0] == '.')
    return app_fail(r, KERR_NOT_FOUND, "ComplaintNotFound");
  const char *var = getenv("KEHU_VAR");
  char path[1024];
  snprintf(path, sizeof path, "%s/files/%s", var && *var ? var : "var", f.stored);
  FILE *in = fopen(path, "rb");
  if (!in) {
    if (errno == ENOENT) return app_fail(r, KERR_NOT_FOUND, "AttachmentGone");
    return nerr_raise_errno(NERR_IO, "open %s", path);
  }
  err = req_stream(r, safe_type(f.content_type), *f.file_name ? f.file_name : "attachment");
  char buf[65536];
  size_t n;
  while (!err && (n = fread(buf, 1, sizeof buf, in)) > 0) err = req_write(r, buf, n);
  fclose(in);
  return nerr_pass(err);
}
