#include "core/log.h"
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
  fprintf(stderr, "%s %s[%d] %s %s\n", when, prog, (int)getpid(), level, line);
}

void log_error(NEOERR **err, const char *context)
{
  if (!err || !*err) return;
  STRING s;
  string_init(&s);
  nerr_error_traceback(*err, &s);
  for (int i = 0; i < s.len; i++)
    if (s.buf[i] == '\n') s.buf[i] = ' ';
  log_msg("error", "%s: %s", context, s.buf ? s.buf : "");
  string_clear(&s);
  nerr_ignore(err);
}
