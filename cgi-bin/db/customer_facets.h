#ifndef KEHU_DB_CUSTOMER_FACETS_H
#define KEHU_DB_CUSTOMER_FACETS_H
/* The counts shown beside the customer list's filter options (issue 17):
 * the analysis batch's period_kind 0 cells (schema/047), summed over the
 * user's regions. */
#include "core/req.h"

/* Under prefix: as_of (the run's day; absent when the batch has stored no
 * cells) and prefix.<filter>.<value> = customers, for the filters class
 * (A B C), size (large medium small micro), loyalty (loyal switcher none),
 * noncust (quasi refusing unexplored), sleep (drowsy half dormant, and any:
 * the three together), rfm (1-8), watch (any) and stage (target potential
 * one_time loyal): the words of the list's query string. */
NEOERR *db_customer_facets(const struct user *u, HDF *hdf, const char *prefix);
#endif
