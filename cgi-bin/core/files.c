#include "core/files.h"
#include "core/err.h"
#include "core/session.h"
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *attachment_type(const unsigned char *h, size_t n)
{
  static const unsigned char png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  if (n >= 3 && h[0] == 0xff && h[1] == 0xd8 && h[2] == 0xff) return "image/jpeg";
  if (n >= 8 && memcmp(h, png, 8) == 0) return "image/png";
  if (n >= 5 && memcmp(h, "%PDF-", 5) == 0) return "application/pdf";
  return NULL;
}

static void files_dir(char *out, size_t n)
{
  const char *v = getenv("KEHU_VAR");
  snprintf(out, n, "%s/files", v && *v ? v : "var");
}

/* A write the disk had no room for is the 507 page (try again later),
 * not an internal error. EFBIG: a file size limit, the same to the user. */
static NEOERR *write_error(const char *what, const char *path)
{
  int e = errno;
  if (e == ENOSPC || e == EDQUOT || e == EFBIG)
    return nerr_raise(KERR_NO_SPACE, "%s %s: %s", what, path, strerror(e));
  return nerr_raise_errno(NERR_IO, "%s %s", what, path);
}

static NEOERR *copy_to(FILE *in, const char *path)
{
  int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
  if (fd < 0) return write_error("create", path);
  char buf[65536];
  size_t got;
  NEOERR *err = STATUS_OK;
  while (!err && (got = fread(buf, 1, sizeof buf, in)) > 0) {
    for (size_t off = 0; off < got;) {
      ssize_t w = write(fd, buf + off, got - off);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) { err = write_error("write", path); break; }
      off += (size_t)w;
    }
  }
  if (!err && ferror(in)) err = nerr_raise(NERR_IO, "reading the upload for %s", path);
  /* On disk before the row that names it is committed. */
  if (!err && fdatasync(fd) != 0) err = write_error("fdatasync", path);
  if (close(fd) != 0 && !err) err = write_error("close", path);
  if (err) unlink(path);
  return err;
}

NEOERR *file_store(FILE *in, char stored[65])
{
  char dir[1024], tmp[1200], final[1200];
  files_dir(dir, sizeof dir);
  if (mkdir(dir, 0750) != 0 && errno != EEXIST) return write_error("mkdir", dir);
  token_random(stored, 32);
  snprintf(tmp, sizeof tmp, "%s/%s.part", dir, stored);
  snprintf(final, sizeof final, "%s/%s", dir, stored);
  NEOERR *err = copy_to(in, tmp);
  if (err) return nerr_pass(err);
  if (rename(tmp, final) != 0) {
    err = write_error("rename", final);
    unlink(tmp);
    return err;
  }
  /* The new name survives a crash too. */
  int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return STATUS_OK;
}

void file_discard(const char *stored)
{
  char dir[1024], path[1200];
  files_dir(dir, sizeof dir);
  snprintf(path, sizeof path, "%s/%s", dir, stored);
  unlink(path);
}

/* Stored names are random tokens; anything else never reaches the disk. */
static int safe_name(const char *s)
{
  if (!*s || *s == '.') return 0;
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

NEOERR *file_send(struct req *r, const char *stored, const char *type, const char *name,
                  int *gone)
{
  *gone = 0;
  if (!safe_name(stored)) { *gone = 1; return STATUS_OK; }
  char dir[1024], path[1200];
  files_dir(dir, sizeof dir);
  snprintf(path, sizeof path, "%s/%s", dir, stored);
  FILE *in = fopen(path, "rb");
  if (!in) {
    if (errno == ENOENT) { *gone = 1; return STATUS_OK; }
    return nerr_raise_errno(NERR_IO, "open %s", path);
  }
  NEOERR *err = req_stream(r, safe_type(type), *name ? name : "attachment");
  char buf[65536];
  size_t n;
  while (!err && (n = fread(buf, 1, sizeof buf, in)) > 0) err = req_write(r, buf, n);
  fclose(in);
  return nerr_pass(err);
}
