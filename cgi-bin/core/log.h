#ifndef KEHU_LOG_H
#define KEHU_LOG_H
/* Logging to stderr (the supervisor sends it to var/log/<program>.log):
 * one line per event, with time, program and pid in front. */
#include <ClearSilver.h>

void log_init(const char *program);
void log_msg(const char *level, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Log an error chain once, with its traceback, then free it. */
void log_error(NEOERR **err, const char *context);
double log_now(void);
#endif
