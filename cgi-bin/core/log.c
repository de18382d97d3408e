#include "core/log.h"
#include "core/utf8.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char prog[64] = "kehu";

void log_init(const char *program)
{
  const char *slash = strrchr(program, '/');
  snprintf(prog, sizeof prog, "%s", slash ? slash + 1 : program);
  setvbuf(stderr, NULL, _IOLBF, 0);
}

double log_now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Characters a log reader could take for the end of a line (C0 and C1
 * controls, DEL, U+2028/U+2029), the escape character itself, and bytes
 * that are not UTF-8: everything else is copied. */
static int needs_escape(const unsigned char *s, int len)
{
  if (len == 1) return *s < 0x20 || *s == 0x7f || *s == '\\';
  if (len == 2) return s[0] == 0xc2 && s[1] < 0xa0;
  return len == 3 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9);
}

char *log_escape(const char *in, char *out, size_t size)
{
  static const char hex[] = "0123456789abcdef";
  size_t o = 0, n = strlen(in);
  if (!size) return out;
  for (size_t i = 0; i < n;) {
    const unsigned char *s = (const unsigned char *)in + i;
    int len = utf8_sequence(in + i, n - i);
    char esc[16];
    size_t k = 0;
    if (len && !needs_escape(s, len)) {
      memcpy(esc, s, (size_t)len);
      k = (size_t)len;
    } else if (len == 1 && (*s == '\n' || *s == '\r' || *s == '\t' || *s == '\\')) {
      esc[k++] = '\\';
      esc[k++] = *s == '\n' ? 'n' : *s == '\r' ? 'r' : *s == '\t' ? 't' : '\\';
    } else {
      /* A malformed byte, or each byte of a line-breaking character. */
      if (!len) len = 1;
      for (int b = 0; b < len; b++) {
        esc[k++] = '\\';
        esc[k++] = 'x';
        esc[k++] = hex[s[b] >> 4];
        esc[k++] = hex[s[b] & 15];
      }
    }
    if (o + k >= size) break;   /* only whole characters and escapes */
    memcpy(out + o, esc, k);
    o += k;
    i += (size_t)len;
  }
  out[o] = '\0';
  return out;
}

void log_msg(const char *level, const char *fmt, ...)
{
  char when[32];
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  /* One fprintf per line keeps lines from different workers whole. */
  char line[4096];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  /* The formats are ours and hold no control characters, so escaping the
   * formatted message escapes exactly the values put into it: a user name
   * or path with a line break cannot start a line of its own. */
  char safe[sizeof line * 2];
  fprintf(stderr, "%s %s[%d] %s %s\n", when, prog, (int)getpid(), level,
          log_escape(line, safe, sizeof safe));
}

void log_error(NEOERR **err, const char *context)
{
  if (!err || !*err) return;
  STRING s;
  string_init(&s);
  nerr_error_traceback(*err, &s);
  log_msg("error", "%s: %s", context, s.buf ? s.buf : "");
  string_clear(&s);
  nerr_ignore(err);
}
