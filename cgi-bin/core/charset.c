#include "core/charset.h"
#include "core/utf8.h"
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

int charset_is_utf8(const char *s, size_t n)
{
  return utf8_well_formed(s, n);
}

const char *charset_detect(const char *s, size_t n)
{
  if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) return "UTF-8";
  if (n >= 2 && memcmp(s, "\xff\xfe", 2) == 0) return "UTF-16LE";
  if (n >= 2 && memcmp(s, "\xfe\xff", 2) == 0) return "UTF-16BE";
  return charset_is_utf8(s, n) ? "UTF-8" : "GB18030";
}

NEOERR *charset_to_utf8(const char *s, size_t n, const char *from,
                        char **out, size_t *outlen)
{
  *out = NULL;
  *outlen = 0;
  size_t skip = 0;
  if (strcmp(from, "UTF-8") == 0) {
    if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) skip = 3;
    if (!charset_is_utf8(s + skip, n - skip))
      return nerr_raise(NERR_PARSE, "not valid UTF-8");
    char *b = malloc(n - skip + 1);
    if (!b) return nerr_raise(NERR_NOMEM, "charset buffer");
    memcpy(b, s + skip, n - skip);
    b[n - skip] = '\0';
    *out = b;
    *outlen = n - skip;
    return STATUS_OK;
  }
  if (strncmp(from, "UTF-16", 6) == 0 && n >= 2 &&
      (memcmp(s, "\xff\xfe", 2) == 0 || memcmp(s, "\xfe\xff", 2) == 0))
    skip = 2;
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == (iconv_t)-1) return nerr_raise(NERR_SYSTEM, "iconv_open %s", from);
  /* GB18030 needs at most 3 UTF-8 bytes for 2 input bytes (4 for 4),
   * UTF-16 3 for 2: twice the input plus a little always fits. */
  size_t cap = 2 * n + 16;
  char *b = malloc(cap);
  if (!b) { iconv_close(cd); return nerr_raise(NERR_NOMEM, "charset buffer"); }
  char *in = (char *)s + skip, *o = b;
  size_t inleft = n - skip, oleft = cap - 1;
  NEOERR *err = STATUS_OK;
  if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 ||
      iconv(cd, NULL, NULL, &o, &oleft) == (size_t)-1) {
    err = nerr_raise(NERR_PARSE, "not valid %s at byte %zu (%s)", from,
                     (size_t)(in - s), errno == E2BIG ? "no room" : "bad sequence");
  }
  iconv_close(cd);
  if (err) { free(b); return err; }
  *o = '\0';
  *out = b;
  *outlen = (size_t)(o - b);
  return STATUS_OK;
}
