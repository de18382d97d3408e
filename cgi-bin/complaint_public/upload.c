/* Attachments: recognised by their first bytes (never by name or declared
 * type), at most ATTACH_BYTES each, stored under random names in the flat
 * directory $KEHU_VAR/files/, outside the web root; the staff program
 * serves them from there as downloads. */
#include "complaint_public/pages.h"
#include "complaint_public/rules.h"
#include <string.h>
#include <sys/stat.h>

NEOERR *upload_collect(struct req *r, struct form *f, struct upload *up, int *n, int *offered)
{
  *n = *offered = 0;
  for (int i = 1; i <= ATTACH_MAX; i++) {
    char field[16], key[32];
    snprintf(field, sizeof field, "file%d", i);
    snprintf(key, sizeof key, "Query.%s", field);
    FILE *fp = cgi_filehandle(r->cgi, field);
    const char *name = hdf_get_value(r->hdf, key, "");
    struct stat st;
    if (!fp || fstat(fileno(fp), &st) != 0) continue;
    /* An empty file input still sends a part: no name, no bytes. */
    if (st.st_size == 0 && !*name) continue;
    (*offered)++;
    if (st.st_size > ATTACH_BYTES) {
      form_error(f, field, "Public.Valid.FileTooBig");
      continue;
    }
    unsigned char head[8];
    size_t got = fread(head, 1, sizeof head, fp);
    rewind(fp);
    const char *type = attachment_type(head, got);
    if (!type) {
      form_error(f, field, "Public.Valid.FileType");
      continue;
    }
    struct upload *u = &up[(*n)++];
    memset(u, 0, sizeof *u);
    u->fp = fp;
    u->type = type;
    u->size = st.st_size;
    file_name_clean(name, u->name, sizeof u->name);
  }
  return STATUS_OK;
}

NEOERR *upload_store(struct upload *up, int n)
{
  for (int i = 0; i < n; i++) {
    NEOERR *err = file_store(up[i].fp, up[i].stored);
    if (err) return nerr_pass(err);
    up[i].written = 1;
  }
  return STATUS_OK;
}

void upload_discard(struct upload *up, int n)
{
  for (int i = 0; i < n; i++) {
    if (!up[i].written) continue;
    file_discard(up[i].stored);
    up[i].written = 0;
  }
}
