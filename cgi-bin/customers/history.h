#ifndef KEHU_CUSTOMERS_HISTORY_H
#define KEHU_CUSTOMERS_HISTORY_H
#include <ClearSilver.h>

/* For each edit among the change log's rows (children of rows with action
 * and detail), adds Changes.N.{label, before, after} in words of lang;
 * for each import, the file's name as `file`. */
NEOERR *customer_history_words(HDF *rows, const char *lang);
#endif
