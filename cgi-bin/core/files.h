#ifndef KEHU_FILES_H
#define KEHU_FILES_H
/* Uploaded files (complaint attachments, support-plan execution records):
 * recognised by their first bytes only (never by name or declared type),
 * stored under random names in the flat directory $KEHU_VAR/files/,
 * outside the web root, and served back only as downloads. */
#include "core/disposition.h"   /* file_name_clean */
#include "core/req.h"
#include <stdio.h>

/* A stored file as its row names it: what file_send needs. */
struct stored_file {
  char stored[65], content_type[65], file_name[256];
};

/* The MIME type for a JPEG, PNG or PDF, else NULL. */
const char *attachment_type(const unsigned char *head, size_t n);

/* Copies `in` to $KEHU_VAR/files/<stored> (a temporary name, then a
 * rename; synced): stored receives 64 random hex digits. A disk with no
 * room for it is KERR_NO_SPACE (the 507 page), and nothing is left. */
NEOERR *file_store(FILE *in, char stored[65]);
/* Removes a stored file again (its transaction failed). */
void file_discard(const char *stored);

/* Streams stored file `stored` as a download (Content-Disposition:
 * attachment, the given type when it is a plain MIME token, nosniff from
 * the runtime). *gone: the name is unsafe or the file is missing; nothing
 * was sent then. */
NEOERR *file_send(struct req *r, const char *stored, const char *type, const char *name,
                  int *gone);
#endif
