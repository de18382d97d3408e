#include "db/stored_file.h"
#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t n, const char *src)
{
  snprintf(dst, n, "%s", src ? src : "");
}

NEOERR *db_stored_file_read(DB_STMT *s, const int cols[3], struct stored_file *f, int *found)
{
  memset(f, 0, sizeof *f);
  NEOERR *err = db_next(s, found);
  if (!err && *found) {
    copy(f->stored, sizeof f->stored, db_str(s, cols[0]));
    copy(f->content_type, sizeof f->content_type, db_str(s, cols[1]));
    copy(f->file_name, sizeof f->file_name, db_str(s, cols[2]));
  }
  db_done(s);
  return nerr_pass(err);
}
