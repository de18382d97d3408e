#ifndef KEHU_LOG_H
#define KEHU_LOG_H
/* Logging to stderr (the supervisor sends it to var/log/<program>.log):
 * one line per event, with time, program and pid in front. */
#include <ClearSilver.h>

void log_init(const char *program);
void log_msg(const char *level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* in with control characters (C0, C1, DEL, U+2028/2029), backslashes and
 * bytes that are not UTF-8 escaped as \n \r \t \\ or \xNN, into out
 * (size bytes; cut before a character or escape that does not fit).
 * log_msg applies it to every line it writes. Returns out. */
char *log_escape(const char *in, char *out, size_t size);
/* Log an error chain once, with its traceback, then free it. */
void log_error(NEOERR **err, const char *context);
double log_now(void);
#endif
