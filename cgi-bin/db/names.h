#ifndef KEHU_DB_NAMES_H
#define KEHU_DB_NAMES_H
/* Names of regions, users and products by id, for list rows. Each worker
 * keeps a copy of the three small tables (read again after a minute, or at
 * once, at most once a second, for an id the copy lacks): joined in a
 * list's page statement they were a sixth of its database time. */
#include <ClearSilver.h>

enum db_names { NAMES_REGION, NAMES_USER, NAMES_PRODUCT };

/* Sets row.<a> to the name of `id` (an id column as text), and row.<b>,
 * when b is not NULL, to its second name (a region's English name).
 * Nothing is set when id is NULL or names nothing. */
NEOERR *db_names_set(enum db_names which, const char *id, HDF *row, const char *a, const char *b);
#endif
