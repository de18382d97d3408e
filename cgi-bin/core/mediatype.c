#include "core/mediatype.h"
#include <string.h>
#include <strings.h>

/* RFC 9110 5.6.2 tchar. */
static int is_tchar(unsigned char c)
{
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return 1;
  return c && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/* RFC 2046 5.1.1 bcharsnospace. */
static int is_bchar_nospace(unsigned char c)
{
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
    return 1;
  return c && strchr("'()+_,-./:=?", c) != NULL;
}

int media_boundary_valid(const char *b, size_t n)
{
  if (n < 1 || n > MEDIA_BOUNDARY_MAX || b[n - 1] == ' ') return 0;
  for (size_t i = 0; i < n; i++)
    if (b[i] != ' ' && !is_bchar_nospace((unsigned char)b[i])) return 0;
  return 1;
}

static const char *skip_ows(const char *p)
{
  while (*p == ' ' || *p == '\t') p++;
  return p;
}

/* A token at p: its length (0 when there is none). */
static size_t token_len(const char *p)
{
  size_t n = 0;
  while (is_tchar((unsigned char)p[n])) n++;
  return n;
}

/* A parameter value (token or quoted-string) at *pp, unquoted into
 * out[0..cap]; advances *pp. -1 when malformed or longer than cap. Only
 * visible ASCII, space and tab are allowed inside quotes: no header of
 * ours needs more, and ClearSilver's own reading knows no escapes. */
static int read_value(const char **pp, char *out, size_t cap, size_t *len)
{
  const char *p = *pp;
  size_t n = 0;
  if (*p != '"') {
    size_t t = token_len(p);
    if (t == 0 || t > cap) return -1;
    memcpy(out, p, t);
    out[t] = '\0';
    *len = t;
    *pp = p + t;
    return 0;
  }
  for (p++; *p != '"'; p++) {
    unsigned char c = (unsigned char)*p;
    if (c == '\\') c = (unsigned char)*++p;
    if (c == '\0' || (c < 0x20 && c != '\t') || c >= 0x7f) return -1;
    if (n == cap) return -1;
    out[n++] = (char)c;
  }
  out[n] = '\0';
  *len = n;
  *pp = p + 1;
  return 0;
}

int media_type_parse(const char *s, struct media_type *m)
{
  memset(m, 0, sizeof *m);
  const char *p = skip_ows(s);
  size_t t1 = token_len(p);
  if (t1 == 0 || p[t1] != '/') return -1;
  size_t t2 = token_len(p + t1 + 1);
  if (t2 == 0 || t1 + 1 + t2 > MEDIA_TYPE_MAX) return -1;
  for (size_t i = 0; i < t1 + 1 + t2; i++) {
    char c = p[i];
    m->type[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
  }
  p = skip_ows(p + t1 + 1 + t2);
  while (*p) {
    if (*p != ';') return -1;
    p = skip_ows(p + 1);
    if (*p == '\0') break;           /* a trailing ";" is harmless */
    if (*p == ';') continue;
    size_t nl = token_len(p);
    if (nl == 0 || p[nl] != '=') return -1;
    const char *name = p;
    p += nl + 1;
    char value[MEDIA_BOUNDARY_MAX + 2];
    size_t vl;
    /* One byte more than a boundary may hold, to tell "too long" apart
     * from "unreadable". */
    if (read_value(&p, value, sizeof value - 1, &vl)) return -1;
    if (nl == 8 && strncasecmp(name, "boundary", 8) == 0) {
      m->boundaries++;
      if (!media_boundary_valid(value, vl)) m->boundary_bad = 1;
      else memcpy(m->boundary, value, vl + 1);
    } else if (nl == 7 && strncasecmp(name, "charset", 7) == 0) {
      m->charsets++;
      if (vl > MEDIA_CHARSET_MAX) return -1;
      memcpy(m->charset, value, vl + 1);
    }
    p = skip_ows(p);
  }
  return 0;
}
