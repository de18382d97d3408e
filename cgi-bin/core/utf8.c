#include "core/utf8.h"

/* Length (1-4) of the well-formed UTF-8 sequence at s, 0 if malformed. */
static int sequence(const unsigned char *s, const unsigned char *end)
{
  unsigned c = *s;
  if (c < 0x80) return 1;
  int len;
  unsigned cp, min;
  if (c >= 0xc2 && c <= 0xdf) { len = 2; cp = c & 0x1f; min = 0x80; }
  else if (c >= 0xe0 && c <= 0xef) { len = 3; cp = c & 0x0f; min = 0x800; }
  else if (c >= 0xf0 && c <= 0xf4) { len = 4; cp = c & 0x07; min = 0x10000; }
  else return 0;
  if (end - s < len) return 0;
  for (int i = 1; i < len; i++) {
    if ((s[i] & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

int utf8_sequence(const char *s, size_t n)
{
  return n ? sequence((const unsigned char *)s, (const unsigned char *)s + n) : 0;
}

int utf8_well_formed(const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *)str, *end = s + n;
  for (int len; s < end; s += len)
    if (!(len = sequence(s, end))) return 0;
  return 1;
}

int utf8_valid(const char *str, size_t n)
{
  const unsigned char *s = (const unsigned char *)str, *end = s + n;
  for (int len; s < end; s += len) {
    if ((*s < 0x20 && *s != '\t' && *s != '\n' && *s != '\r') || *s == 0x7f) return 0;
    if (!(len = sequence(s, end))) return 0;
  }
  return 1;
}

size_t utf8_len(const char *str)
{
  size_t n = 0;
  for (const unsigned char *s = (const unsigned char *)str; *s; s++)
    if ((*s & 0xc0) != 0x80) n++;
  return n;
}
