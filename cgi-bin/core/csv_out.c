#include "core/csv_out.h"
#include <string.h>

int cell_is_risky(const char *s)
{
  return s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r');
}

const char *cell_safe(const char *s, char *buf, size_t n)
{
  if (!s) return "";
  if (!cell_is_risky(s) || n < 2) return s;
  size_t len = strlen(s);
  if (len > n - 2) {
    len = n - 2;
    /* do not cut a multi-byte character */
    while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80) len--;
  }
  buf[0] = '\'';
  memcpy(buf + 1, s, len);
  buf[len + 1] = '\0';
  return buf;
}

NEOERR *csv_field(STRING *out, const char *s, int first)
{
  NEOERR *err;
  if (!first && (err = string_append_char(out, ','))) return nerr_pass(err);
  if (!s) return STATUS_OK;
  int quote = strpbrk(s, ",\"\r\n") != NULL;
  /* the guard is part of the value: inside the quotes */
  if (quote && (err = string_append_char(out, '"'))) return nerr_pass(err);
  if (cell_is_risky(s) && (err = string_append_char(out, '\''))) return nerr_pass(err);
  if (!quote) return nerr_pass(string_append(out, s));
  for (const char *p = s; *p; p++) {
    if (*p == '"' && (err = string_append_char(out, '"'))) return nerr_pass(err);
    if ((err = string_append_char(out, *p))) return nerr_pass(err);
  }
  return nerr_pass(string_append_char(out, '"'));
}

NEOERR *csv_end_row(STRING *out)
{
  return nerr_pass(string_append(out, "\r\n"));
}

NEOERR *csv_row(STRING *out, const char *const *fields, int n)
{
  NEOERR *err;
  for (int i = 0; i < n; i++)
    if ((err = csv_field(out, fields[i], i == 0))) return nerr_pass(err);
  return nerr_pass(csv_end_row(out));
}
