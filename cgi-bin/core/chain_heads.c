#include "core/chain_heads.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int by_seq(const void *a, const void *b)
{
  const struct chain_head *x = a, *y = b;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static NEOERR *push(struct chain_heads *h, const struct chain_head *e)
{
  if (h->n == h->cap) {
    size_t cap = h->cap ? h->cap * 2 : 64;
    struct chain_head *v = realloc(h->v, cap * sizeof *v);
    if (!v) return nerr_raise(NERR_NOMEM, "chain heads");
    h->v = v;
    h->cap = cap;
  }
  h->v[h->n++] = *e;
  return STATUS_OK;
}

static int is_hex64(const char *s)
{
  if (strlen(s) != 64) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f'))) return 0;
  return 1;
}

NEOERR *chain_heads_load(const char *path, struct chain_heads *h)
{
  memset(h, 0, sizeof *h);
  FILE *f = fopen(path, "r");
  if (!f) return errno == ENOENT ? STATUS_OK : nerr_raise_errno(NERR_IO, "open %s", path);
  char line[256], kind[16], hash[80], when[32];
  unsigned long long seq;
  int lineno = 0;
  NEOERR *err = STATUS_OK;
  while (!err && fgets(line, sizeof line, f)) {
    lineno++;
    if (sscanf(line, "%15s %llu %79s %31s", kind, &seq, hash, when) != 4 || !is_hex64(hash) ||
        (strcmp(kind, "head") != 0 && strcmp(kind, "restore") != 0)) {
      err = nerr_raise(NERR_PARSE, "%s:%d: not a head line", path, lineno);
      break;
    }
    struct chain_head e = { .seq = seq };
    memcpy(e.hash, hash, CHAIN_HEX);
    snprintf(e.when, sizeof e.when, "%s", when);
    if (kind[0] == 'r') {
      size_t keep = 0;
      for (size_t i = 0; i < h->n; i++)
        if (h->v[i].seq <= seq) h->v[keep++] = h->v[i];
      h->n = keep;
    }
    err = push(h, &e);
    h->last = e;
  }
  if (!err && ferror(f)) err = nerr_raise_errno(NERR_IO, "read %s", path);
  fclose(f);
  if (err) {
    chain_heads_free(h);
    return err;
  }
  if (h->n) qsort(h->v, h->n, sizeof *h->v, by_seq);
  return STATUS_OK;
}

void chain_heads_free(struct chain_heads *h)
{
  free(h->v);
  memset(h, 0, sizeof *h);
}

NEOERR *chain_heads_append(const char *path, const char *kind,
                           unsigned long long seq, const char *hash)
{
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash && slash != dir) {
    *slash = '\0';
    if (mkdir(dir, 0750) != 0 && errno != EEXIST) return nerr_raise_errno(NERR_IO, "mkdir %s", dir);
  }
  char when[32], line[200];
  time_t now = time(NULL);
  struct tm tm;
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
  int n = snprintf(line, sizeof line, "%s %llu %s %s\n", kind, seq, hash, when);
  /* One write of one line with O_APPEND: concurrent checks never interleave. */
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
  if (fd < 0) return nerr_raise_errno(NERR_IO, "open %s", path);
  NEOERR *err = STATUS_OK;
  if (write(fd, line, (size_t)n) != n) err = nerr_raise_errno(NERR_IO, "write %s", path);
  if (!err && fsync(fd) != 0) err = nerr_raise_errno(NERR_IO, "fsync %s", path);
  close(fd);
  return err;
}
