#ifndef KEHU_DB_COMPLAINT_CLOCK_H
#define KEHU_DB_COMPLAINT_CLOCK_H
/* The complaint clocks in business time (docs/sla-clock.md), counted with
 * the working calendar of db/workcal.h. */
#include "core/req.h"

/* Brings complaint id's clocks up to date inside the caller's transaction
 * (the row locked by it): its due times when it has none, the pause
 * (starts at step 5, waiting for the customer's agreement; when it ends
 * the due times move by the business time waited), and the business
 * minutes to the first response and to resolution once they happened.
 * Every complaint change calls it (db/complaint_write.c,
 * db/complaint_public.c), and kehu-sla for rows written without it. */
NEOERR *db_complaint_clock(long long id);
#endif
