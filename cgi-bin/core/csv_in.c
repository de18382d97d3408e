#include "core/csv_in.h"
#include <stdlib.h>
#include <string.h>

static char guess_sep(const char *p, const char *end)
{
  size_t tabs = 0, commas = 0, semis = 0;
  int quoted = 0;
  for (; p < end; p++) {
    if (*p == '"') quoted = !quoted;
    else if (quoted) continue;
    else if (*p == '\n' || *p == '\r') break;
    else if (*p == '\t') tabs++;
    else if (*p == ',') commas++;
    else if (*p == ';') semis++;
  }
  if (tabs && !commas) return '\t';
  if (semis && !commas) return ';';
  return ',';
}

void csv_in_init(struct csv_in *c, const char *data, size_t n, char sep)
{
  memset(c, 0, sizeof *c);
  c->p = data;
  c->end = data + n;
  if (n >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) c->p += 3;
  c->sep = sep ? sep : guess_sep(c->p, c->end);
  c->line = 1;
}

static int put(struct csv_in *c, char ch)
{
  if (c->buf_len + 1 >= c->buf_cap) {
    size_t cap = c->buf_cap ? c->buf_cap * 2 : 256;
    char *b = realloc(c->buf, cap);
    if (!b) return -1;
    c->buf = b;
    c->buf_cap = cap;
  }
  c->buf[c->buf_len++] = ch;
  return 0;
}

static int start_field(struct csv_in *c)
{
  if (c->nfields == c->cap_fields) {
    int cap = c->cap_fields ? c->cap_fields * 2 : 32;
    size_t *s = realloc(c->starts, cap * sizeof *s);
    if (!s) return -1;
    c->starts = s;
    size_t *l = realloc(c->lens, cap * sizeof *l);
    if (!l) return -1;
    c->lens = l;
    c->cap_fields = cap;
  }
  c->starts[c->nfields] = c->buf_len;
  c->lens[c->nfields] = 0;
  c->nfields++;
  return 0;
}

static int end_field(struct csv_in *c)
{
  int i = c->nfields - 1;
  c->lens[i] = c->buf_len - c->starts[i];
  return put(c, '\0');
}

int csv_in_next(struct csv_in *c)
{
  c->nfields = 0;
  c->buf_len = 0;
  if (c->p >= c->end) return 0;
  c->record_line = c->line;
  if (start_field(c)) return -1;
  int quoted = 0, was_quoted = 0;
  while (c->p < c->end) {
    char ch = *c->p++;
    if (quoted) {
      if (ch == '"') {
        if (c->p < c->end && *c->p == '"') { c->p++; if (put(c, '"')) return -1; }
        else quoted = 0;
      } else {
        if (ch == '\n' || (ch == '\r' && (c->p >= c->end || *c->p != '\n'))) c->line++;
        if (put(c, ch)) return -1;
      }
      continue;
    }
    if (ch == c->sep) {
      if (end_field(c) || start_field(c)) return -1;
      was_quoted = 0;
    } else if (ch == '\n' || ch == '\r') {
      if (ch == '\r' && c->p < c->end && *c->p == '\n') c->p++;
      c->line++;
      return end_field(c) ? -1 : 1;
    } else if (ch == '"' && !was_quoted && c->buf_len == c->starts[c->nfields - 1]) {
      quoted = was_quoted = 1;
    } else if (put(c, ch)) {
      return -1;
    }
  }
  if (quoted) return -1;
  return end_field(c) ? -1 : 1;
}

int csv_in_count(const struct csv_in *c)
{
  return c->nfields;
}

const char *csv_in_field(const struct csv_in *c, int i)
{
  if (i < 0 || i >= c->nfields) return "";
  return c->buf + c->starts[i];
}

size_t csv_in_len(const struct csv_in *c, int i)
{
  if (i < 0 || i >= c->nfields) return 0;
  return c->lens[i];
}

void csv_in_free(struct csv_in *c)
{
  free(c->buf);
  free(c->starts);
  free(c->lens);
  memset(c, 0, sizeof *c);
}
