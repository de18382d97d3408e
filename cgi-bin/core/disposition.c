#include "core/disposition.h"
#include <stdio.h>
#include <string.h>

/* The code point at s (NUL-terminated) and its length in bytes; a
 * malformed sequence (bad lead or continuation, overlong, surrogate,
 * above U+10FFFF) gives -1 and a length of 1, so the byte is skipped. */
static long next_cp(const unsigned char *s, size_t *len)
{
  unsigned char c = s[0];
  long cp;
  size_t n;
  *len = 1;
  if (c < 0x80) return c;
  if (c >= 0xc2 && c <= 0xdf) { cp = c & 0x1f; n = 2; }
  else if (c >= 0xe0 && c <= 0xef) { cp = c & 0x0f; n = 3; }
  else if (c >= 0xf0 && c <= 0xf4) { cp = c & 0x07; n = 4; }
  else return -1;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xc0) != 0x80) return -1;   /* also stops at the NUL */
    cp = (cp << 6) | (s[i] & 0x3f);
  }
  static const long least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
  if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return -1;
  *len = n;
  return cp;
}

/* Characters a name must not carry: they are invisible, reorder what is
 * shown around them, or break lines. */
static int unwanted(long cp)
{
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x061c ||
         (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
         (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff || (cp >= 0xfff9 && cp <= 0xfffb);
}

void file_name_clean(const char *in, char *out, size_t n)
{
  const char *slash = strrchr(in, '/'), *bslash = strrchr(in, '\\');
  if (slash && (!bslash || slash > bslash)) in = slash + 1;
  else if (bslash) in = bslash + 1;
  size_t k = 0, len;
  for (const unsigned char *p = (const unsigned char *)in; *p; p += len) {
    long cp = next_cp(p, &len);
    if (cp < 0 || unwanted(cp)) continue;
    if (k + len >= n) break;
    memcpy(out + k, p, len);
    k += len;
  }
  out[k] = '\0';
  if (k == 0) snprintf(out, n, "file");
}

/* RFC 8187 attr-char: ALPHA / DIGIT / "!#$&+-.^_`|~". */
static int attr_char(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (c && strchr("!#$&+-.^_`|~", c));
}

static NEOERR *ascii_fallback(const char *name, STRING *out)
{
  NEOERR *err = STATUS_OK;
  int in_run = 0;
  for (const unsigned char *p = (const unsigned char *)name; *p && !err; p++) {
    int plain = *p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\' && *p != '%';
    if (plain) err = string_append_char(out, (char)*p);
    else if (!in_run) err = string_append_char(out, '_');
    in_run = !plain;
  }
  return nerr_pass(err);
}

NEOERR *content_disposition(const char *name, STRING *out)
{
  char clean[512];
  file_name_clean(name && *name ? name : "download", clean, sizeof clean);
  NEOERR *err = string_append(out, "attachment; filename=\"");
  if (!err) err = ascii_fallback(clean, out);
  if (!err) err = string_append(out, "\"; filename*=UTF-8''");
  for (const unsigned char *p = (const unsigned char *)clean; *p && !err; p++)
    err = attr_char(*p) ? string_append_char(out, (char)*p)
                        : string_appendf(out, "%%%02X", *p);
  return nerr_pass(err);
}
