#ifndef KEHU_DB_STORED_FILE_H
#define KEHU_DB_STORED_FILE_H
/* The row of a download (a complaint attachment, a support-plan execution
 * file) read into the struct core/files.c sends from. */
#include "core/files.h"
#include "db/db.h"

/* The next row of executed statement s into f (cols: the columns of the
 * stored name, content type and file name); *found 0 when there is none,
 * f then empty. Ends the statement's result. */
NEOERR *db_stored_file_read(DB_STMT *s, const int cols[3], struct stored_file *f, int *found);
#endif
