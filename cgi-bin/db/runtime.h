#ifndef KEHU_DB_RUNTIME_H
#define KEHU_DB_RUNTIME_H
/* The database as the programs' runtime sees it (core/app.h struct
 * app_runtime): the connection, the end of each request, the session
 * store and the navigation's overdue count. Every program passes it to
 * app_main; core/ itself never includes db/. */
#include "core/app.h"

extern const struct app_runtime db_runtime;
#endif
