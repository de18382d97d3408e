/* Attachments: recognised by their first bytes (never by name or declared
 * type), at most ATTACH_BYTES each, stored under random names in the flat
 * directory $KEHU_VAR/files/, outside the web root; the staff program
 * serves them from there as downloads. */
#include "complaint/pages.h"
#include "complaint/rules.h"
#include "core/session.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void files_dir(char *out, size_t n)
{
  const char *v = getenv("KEHU_VAR");
  snprintf(out, n, "%s/files", v && *v ? v : "var");
}

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
    attachment_name(name, u->name, sizeof u->name);
  }
  return STATUS_OK;
}

static NEOERR *copy_to(FILE *in, const char *path)
{
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return nerr_raise_errno(NERR_IO, "create %s", path);
  char buf[65536];
  size_t got;
  NEOERR *err = STATUS_OK;
  while (!err && (got = fread(buf, 1, sizeof buf, in)) > 0) {
    for (size_t off = 0; off < got;) {
      ssize_t w = write(fd, buf + off, got - off);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) { err = nerr_raise_errno(NERR_IO, "write %s", path); break; }
      off += (size_t)w;
    }
  }
  if (!err && ferror(in)) err = nerr_raise(NERR_IO, "reading the upload for %s", path);
  /* On disk before the complaint that names it is committed. */
  if (!err && fdatasync(fd) != 0) err = nerr_raise_errno(NERR_IO, "fdatasync %s", path);
  if (close(fd) != 0 && !err) err = nerr_raise_errno(NERR_IO, "close %s", path);
  if (err) unlink(path);
  return err;
}

NEOERR *upload_store(struct upload *up, int n)
{
  if (n == 0) return STATUS_OK;
  char dir[1024], tmp[1200], final[1200];
  files_dir(dir, sizeof dir);
  if (mkdir(dir, 0750) != 0 && errno != EEXIST) return nerr_raise_errno(NERR_IO, "mkdir %s", dir);
  for (int i = 0; i < n; i++) {
    token_random(up[i].stored, 32);
    snprintf(tmp, sizeof tmp, "%s/%s.part", dir, up[i].stored);
    snprintf(final, sizeof final, "%s/%s", dir, up[i].stored);
    NEOERR *err = copy_to(up[i].fp, tmp);
    if (err) return nerr_pass(err);
    if (rename(tmp, final) != 0) {
      err = nerr_raise_errno(NERR_IO, "rename %s", final);
      unlink(tmp);
      return err;
    }
    up[i].written = 1;
  }
  /* The new names survive a crash too. */
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return STATUS_OK;
}

void upload_discard(struct upload *up, int n)
{
  char dir[1024], path[1200];
  files_dir(dir, sizeof dir);
  for (int i = 0; i < n; i++) {
    if (!up[i].written) continue;
    snprintf(path, sizeof path, "%s/%s", dir, up[i].stored);
    unlink(path);
    up[i].written = 0;
  }
}
